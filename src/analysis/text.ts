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

const FINAL_TO_MEDIAL: Record<string, string> = { 'ך': 'כ', 'ם': 'מ', 'ן': 'נ', 'ף': 'פ', 'ץ': 'צ' };
/** Gender/number/person endings of Hebrew nouns, adjectives and verbs (מבין → מבינה, מבינים, מבינות; שלח → שלחתי). */
const HE_SUFFIXES = 'ה|ת|ים|ות|י|ו|נו|תי|תם|תן|ך|כם|ם|ן|יה|יו|יות|ית';

/** `word+`: the word with its inflectional endings; a Hebrew final letter turns medial before an ending. */
function inflected(lang: Language, word: string): string {
  if (lang === 'en') return `${escapeRe(word)}(?:s|es|ed|d|ing)?`;
  const last = word.slice(-1);
  const medial = FINAL_TO_MEDIAL[last];
  const base = medial ? word.slice(0, -1) + medial : word;
  return `(?:${escapeRe(word)}|${escapeRe(base)}(?:${HE_SUFFIXES}))`;
}

/**
 * Compile a small phrase language into one regex over normalizeText output.
 * Tokens are separated by spaces. `a|b` alternatives; a trailing `*` allows any word ending (stems); a trailing
 * `+` allows the word's inflectional endings (Hebrew gender/number/person with final letters; English s/ed/ing);
 * `=` before a token turns the Hebrew prefixes off for it ("=ספר" must not match "המספר");
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
    const hebrewFirst = lang === 'he' && /^[\u05D0-\u05EA]/.test(toks[0]);
    const parts = toks.map((tok, ti) => {
      if (tok === '~') return null;
      if (tok === '#') return '\\d[\\d,.]*';
      if (tok === '$') return '$END';
      if (tok === '^') return '^START';
      const bare = tok.startsWith('=');
      const forms = tok.replace(/(^|\|)=/g, '$1').split('|').map((f) => {
        if (f.endsWith('+')) return inflected(lang, f.slice(0, -1));
        const stem = f.endsWith('*');
        const body = escapeRe(stem ? f.slice(0, -1) : f);
        return stem ? `${body}[${L}'"]*` : body;
      });
      const core = `(?:${forms.join('|')})`;
      // The first token's prefix is factored out of the whole alternation (much faster to match).
      return lang === 'he' && !bare && /[\u05D0-\u05EA]/.test(tok) && !(ti === 0 && hebrewFirst) ? `${HE_PREFIX}${core}` : core;
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

/** The words of an utterance as a phrase's first word could see them (Hebrew: also without clitic prefixes). */
export interface WordKeys {
  exact: Set<string>;
  list: string[];
}

const HE_PREFIX_LETTERS = new Set('ושהבלכמ');

/** Keys for PhraseMatcher prefilters, computed once per utterance from words(normalizeText(text)). */
export function wordKeys(lang: Language, toks: readonly string[]): WordKeys {
  const list: string[] = [];
  for (const t of toks) {
    list.push(t);
    if (lang !== 'he') continue;
    let s = t;
    for (let i = 0; i < 3 && s.length > 2 && HE_PREFIX_LETTERS.has(s[0]); i++) {
      s = s.slice(1);
      list.push(s);
    }
  }
  return { exact: new Set(list), list };
}

/**
 * A compiled phrase list plus a prefilter on the phrases' first words: the regex only runs when one of those
 * words (or, for stems, a word starting with one) is in the utterance. Same results as the bare regex, less work.
 */
export class PhraseMatcher {
  private readonly exact = new Set<string>();
  private readonly stems: string[] = [];
  private readonly always: boolean;

  constructor(readonly re: RegExp, phrases: readonly string[]) {
    let always = false;
    for (const phrase of phrases) {
      const first = phrase.trim().split(/\s+/).find((t) => t !== '^' && t !== '~');
      if (!first || first === '#' || first === '$') {
        always = true;
        continue;
      }
      for (const raw of first.replace(/(^|\|)=/g, '$1').split('|')) {
        if (/[^\p{L}\p{N}'"]/u.test(raw.replace(/[*+]$/, ''))) always = true;
        else if (raw.endsWith('*')) this.stems.push(raw.slice(0, -1));
        else if (raw.endsWith('+')) {
          const w = raw.slice(0, -1);
          this.exact.add(w);
          const medial = FINAL_TO_MEDIAL[w.slice(-1)];
          this.stems.push(medial ? w.slice(0, -1) + medial : w);
        } else this.exact.add(raw);
      }
    }
    this.always = always;
  }

  /** Whether a phrase could start among these words (no false negatives). */
  private mayMatch(keys: WordKeys): boolean {
    if (this.always) return true;
    for (const k of keys.list) {
      if (this.exact.has(k)) return true;
      for (const s of this.stems) if (k.startsWith(s)) return true;
    }
    return false;
  }

  test(n: string, keys: WordKeys): boolean {
    if (!this.mayMatch(keys)) return false;
    this.re.lastIndex = 0;
    return this.re.test(n);
  }

  /** Number of matches (the regex must be global). */
  count(n: string, keys: WordKeys): number {
    if (!this.mayMatch(keys)) return 0;
    this.re.lastIndex = 0;
    return n.match(this.re)?.length ?? 0;
  }
}
