/** Word-level matching of the agent's words against topic words, Hebrew clitics and English plurals included. */
import { normalizeForMatch, words, type Language } from '../../analysis/index.ts';

const CLITIC = /[ושהבלכמ]/;

/** A spoken word and its forms without Hebrew clitic prefixes (ו/ה/ש/ב/ל/כ/מ, up to two; at least 3 letters left). */
function forms(word: string, lang: Language): string[] {
  const w = word.toLowerCase();
  if (lang !== 'he' || !/[\u05D0-\u05EA]/.test(w)) return [w];
  const out = [w];
  for (let i = 1; i <= 2 && CLITIC.test(w[i - 1]) && w.length - i >= 3; i++) out.push(w.slice(i));
  return out;
}

/** A topic word's core: only a leading article or preposition (ה/ב/ו/ל) is stripped — מ and ש are often root letters. */
function topicCore(word: string, lang: Language): string {
  const w = word.toLowerCase();
  return lang === 'he' ? w.replace(/^(?:ו?[הבל])(?=[\u05D0-\u05EA]{4})/, '') : w;
}

/** English base form: plural / third-person / past / -ing endings removed ("pays", "paying", "paid" → "pay"). */
function enBase(w: string): string {
  if (w === 'paid') return 'pay';
  const m = /^(.{3,}?)(?:ies|es|s|ed|ing)$/.exec(w);
  if (!m) return w;
  return w.endsWith('ies') ? `${m[1]}y` : m[1];
}

/** Same word up to inflection: equal base forms, or one starts with the other's stem (both 4+ letters). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (/^[a-z]/.test(a) && /^[a-z]/.test(b) && enBase(a) === enBase(b)) return true;
  if (a.length < 4 || b.length < 4) return false;
  const stemOf = (w: string) => w.slice(0, Math.max(4, w.length - 2));
  return b.startsWith(stemOf(a)) || a.startsWith(stemOf(b));
}

/** Tokens of a text prepared for topic matching. */
export function topicTokens(text: string, lang: Language): string[] {
  return words(normalizeForMatch(text)).flatMap((w) => forms(w, lang));
}

/** True when the text touches any of the topics (single words by inflection, phrases as substrings). */
export function mentionsAny(text: string, topics: readonly string[], lang: Language): boolean {
  if (topics.length === 0) return false;
  const norm = normalizeForMatch(text);
  const toks = topicTokens(text, lang);
  return topics.some((t) => {
    const topic = normalizeForMatch(t);
    if (!topic) return false;
    if (topic.includes(' ')) return norm.includes(topic);
    const c = topicCore(topic, lang);
    return toks.some((w) => sameWord(w, c) || sameWord(w, topic));
  });
}

/** Content words (4+ letters) of a phrase, used as topics when a persona line has none. */
export function contentWords(text: string, lang: Language): string[] {
  const stop = lang === 'he' ? HE_STOP : EN_STOP;
  return [...new Set(words(normalizeForMatch(text)).map((w) => topicCore(w, lang)).filter((w) => w.length >= 4 && !stop.has(w)))];
}

const HE_STOP = new Set(['אני', 'אתה', 'שלי', 'שלך', 'הזה', 'הזאת', 'עכשיו', 'בשביל', 'כמה', 'יותר', 'פחות', 'אבל', 'כבר', 'מאוד', 'רוצה', 'צריך', 'צריכה', 'האמת', 'משהו', 'היום']);
const EN_STOP = new Set(['that', 'this', 'with', 'what', 'when', 'have', 'they', 'their', 'there', 'about', 'would', 'could', 'should', 'really', 'just', 'from', 'your', 'mine', 'some', 'more', 'less', 'honestly', 'something', 'today']);
