/**
 * Internationalisation: Hebrew (default, right-to-left) and English.
 *
 * Each feature owns its strings in its own file and registers them as a namespace:
 *
 *   // src/web/pages/calls/strings.ts
 *   export const useCallsT = defineStrings('calls', { he: { title: 'שיחות' }, en: { title: 'Calls' } });
 *   // in a component
 *   const { t } = useCallsT();  t('title')   // keys are type-checked, English must mirror Hebrew
 *
 * App-wide words (buttons, roles, errors, navigation) live in the `common` namespace (./common.ts).
 */
import i18next from 'i18next';
import { useMemo } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';

export const LANGUAGES = ['he', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const isLang = (v: unknown): v is Lang => v === 'he' || v === 'en';

const STORAGE_KEY = 'salesgym.locale';

/** The language chosen before sign-in (or last used), from localStorage; Hebrew by default. */
export function storedLanguage(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLang(v) ? v : 'he';
  } catch {
    return 'he';
  }
}

export const dirOf = (lang: Lang): 'rtl' | 'ltr' => (lang === 'he' ? 'rtl' : 'ltr');

/** Applies a language everywhere: i18next, `<html lang dir>`, and localStorage. */
export async function applyLanguage(lang: Lang): Promise<void> {
  document.documentElement.lang = lang;
  document.documentElement.dir = dirOf(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice just isn't remembered */
  }
  if (i18next.language !== lang) await i18next.changeLanguage(lang);
}

void i18next.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: 'he',
  supportedLngs: [...LANGUAGES],
  defaultNS: 'common',
  ns: ['common'],
  resources: {},
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
});

export { i18next };

// ---- typed namespaces -------------------------------------------------------------------------

/** A tree of strings (nested objects for grouping). */
export type StringTree = { [key: string]: string | StringTree };
/** The same keys as T, any string values: what the English file must provide. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type StripPlural<K extends string> = K extends `${infer B}_${PluralSuffix}` ? B : K;
/** Dotted key paths of a tree (`nav.team`), plural forms (`seats_one`, `seats_other`) collapsed to `seats`. */
export type KeyPath<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${StripPlural<K>}` : KeyPath<T[K], `${P}${K}.`>;
}[keyof T & string];

/**
 * Wraps interpolated text in Unicode direction isolates (FSI…PDI) so a Hebrew name inside an English
 * sentence (or an email inside a Hebrew one) cannot reorder the words around it. Numbers stay numbers
 * (plural rules need them).
 */
function isolateVars(vars: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(vars)) out[k] = typeof v === 'string' && v !== '' ? `\u2068${v}\u2069` : v;
  return out;
}

export type TFn<T> = (key: KeyPath<T>, vars?: Record<string, unknown>) => string;

/**
 * Registers a feature's strings under namespace `ns` and returns its hook. Call it once, at module level,
 * in the feature's own `strings.ts`. The hook re-renders on a language change.
 */
export function defineStrings<T extends StringTree>(ns: string, strings: { he: T; en: SameKeys<T> }) {
  i18next.addResourceBundle('he', ns, strings.he, true, true);
  i18next.addResourceBundle('en', ns, strings.en, true, true);
  return function useStrings(): { t: TFn<T>; lang: Lang } {
    const { t, i18n } = useTranslation(ns);
    const tt = useMemo<TFn<T>>(() => (key, vars) => (t as (k: string, v?: object) => string)(key, vars && isolateVars(vars)), [t]);
    return { t: tt, lang: isLang(i18n.language) ? i18n.language : 'he' };
  };
}
