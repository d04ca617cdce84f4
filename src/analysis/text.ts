import type { Language } from './taxonomy.ts';

const NIQQUD = /[\u0591-\u05C7]/g;
const HEBREW_LETTER = /[\u05D0-\u05EA]/g;
const LATIN_LETTER = /[A-Za-z]/g;

/** Lower-case, strip niqqud and cantillation, unify quotes/dashes (״ → ", ׳ → '), collapse whitespace. */
export function normalizeText(s: string): string {
  return s
    .replace(NIQQUD, '')
    .replace(/[\u05F4\u201C\u201D\u201E]/g, '"')
    .replace(/[\u05F3\u2018\u2019\u0060\u00B4]/g, "'")
    .replace(/[\u2010-\u2015\u05BE]/g, '-')
    .replace(/\u2026/g, '...')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Normalisation for matching quotes against transcript text: normalizeText plus every punctuation mark
 * removed, so "שלום, מה נשמע?" and "שלום מה נשמע" compare equal.
 */
export function normalizeForMatch(s: string): string {
  return normalizeText(s)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words (letters, digits, inner apostrophes/gershayim) of a text. */
export function words(s: string): string[] {
  return s.match(/[\p{L}\p{N}]+(?:['"][\p{L}\p{N}]+)*/gu) ?? [];
}

export const countWords = (s: string): number => words(s).length;

/** 'he' when Hebrew letters outnumber Latin letters, else 'en'. Empty text → 'he' (the product's default). */
export function detectLanguage(text: string): Language {
  const he = text.match(HEBREW_LETTER)?.length ?? 0;
  const en = text.match(LATIN_LETTER)?.length ?? 0;
  if (he === 0 && en === 0) return 'he';
  return he >= en ? 'he' : 'en';
}

/** Clitic prefixes (ו, ה, ש, ב, ל, כ, מ and combinations such as וכש, שב, ומה). */
const HE_PREFIX = "[ושהבלכמ]{0,3}";

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compile a small phrase language into one regex over normalizeText output.
 * Tokens are separated by spaces. `a|b` alternatives; a trailing `*` allows any word ending (stems);
 * `~` is a gap of 0–3 words; `#` is a number in digits; `^` (first token) / `$` (last) anchor the text ends.
 * In Hebrew each token also accepts the clitic prefixes ו/ה/ש/ב/ל/כ/מ (and כש/מש), so "מבין" matches
 * "ואני מבין" and "שמבין".
 */
export function compilePhrases(lang: Language, phrases: readonly string[]): RegExp {
  const L = '\\p{L}';
  const heFirst: string[] = [];
  const others: string[] = [];
  for (const phrase of phrases) {
    const toks = phrase.trim().split(/\s+/);
    const hebrewFirst = lang === 'he' && /[\u05D0-\u05EA]/.test(toks[0]);
    const parts = toks.map((tok, ti) => {
      if (tok === '~') return null;
      if (tok === '#') return '\\d[\\d,.]*';
      if (tok === '$') return '$END';
      if (tok === '^') return '^START';
      const forms = tok.split('|').map((f) => {
        const stem = f.endsWith('*');
        const body = escapeRe(stem ? f.slice(0, -1) : f);
        return stem ? `${body}[${L}'"]*` : body;
      });
      const core = `(?:${forms.join('|')})`;
      // The first token's prefix is factored out of the whole alternation (much faster to match).
      return lang === 'he' && /[\u05D0-\u05EA]/.test(tok) && !(ti === 0 && hebrewFirst) ? `${HE_PREFIX}${core}` : core;
    });
    let re = '';
    let prevGap = false;
    let anchored = false;
    for (const p of parts) {
      if (p === null) {
        prevGap = true;
        continue;
      }
      if (p === '^START') {
        re += '^[^\\p{L}\\d]*';
        prevGap = false;
        anchored = true;
        continue;
      }
      if (p === '$END') {
        re += '[\\s?.!,]*$';
        continue;
      }
      if (re && !anchored) re += prevGap ? `(?:[\\s,]+[^\\s]+){0,3}?[\\s,]+` : `[\\s,-]+`;
      re += p;
      prevGap = false;
      anchored = false;
    }
    (hebrewFirst ? heFirst : others).push(re);
  }
  const groups = [...(heFirst.length ? [`${HE_PREFIX}(?:${heFirst.join('|')})`] : []), ...others];
  return new RegExp(`(?<![${L}\\d])(?:${groups.join('|')})(?![${L}\\d])`, 'u');
}
