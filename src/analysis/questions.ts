import type { Language } from './taxonomy.ts';

/** Whether an utterance (normalizeText output) is a question, and an open one. */
export interface QuestionReading {
  isQuestion: boolean;
  isOpenQuestion: boolean;
}

interface QuestionRules {
  /** A question word (or, in English, an inverted auxiliary) opening the utterance after discourse markers. */
  start: RegExp;
  /** A question word opening a later clause: "ואם אני מצטרף היום, מתי…", "and if I sign up today when does it…". */
  inner: RegExp;
  /** A question word opening an open question. */
  open: RegExp;
  /** Clauses that open with a question word but state something: "מה שחשוב לי…", "what we need is…". */
  clause: RegExp;
}

const B = '(?![\\p{L}\\d])';
const HE_LEAD = "(?:(?:אז|אוקיי|אוקי|טוב|רגע|כן|אבל|יאללה|נו|רק|בעצם|אממ|אמ|אה|אהה|כאילו|שנייה|סליחה|ו?עכשיו)[\\s,]+){0,3}";
// Prefixed forms are listed: a free clitic prefix would turn "המספר" into "ספר" (tell me).
const HE_Q =
  'מה|מהו|מהי|איך|למה|מדוע|מתי|ממתי|עד מתי|כמה|בכמה|מי|למי|ממי|עם מי|של מי|את מי|איפה|מאיפה|היכן|לאן|מאין|האם|' +
  'איזה|איזו|אילו|באיזה|באיזו|מאיזה|מאיזו|לאיזה|לאיזו|תוך כמה|ספר|ספרי|ספרו|תספר|תספרי|תספרו|תאר|תארי|תתאר|תתארי|' +
  'תוכל|תוכלי|תוכלו|אתה יכול לספר|את יכולה לספר';
const HE_OPEN = 'מה|מהו|מהי|איך|למה|מדוע|באיזה|באיזו|ספר|ספרי|ספרו|תספר|תספרי|תספרו|תאר|תארי|תתאר|תתארי';
// "מה ש…" is a relative clause unless the ש-word is a common noun/pronoun ("מה שלומך").
const HE_NOT_RELATIVE = 'שלומך|שלומכם|שלומו|שלומה|שלום|שמעת|שמעתם|שעה|שנה|שבוע|שם|שלך|שלכם|שלו|שלה|שלי|שלנו|שונה|שוב|שווה';

const EN_LEAD = "(?:(?:so|and|ok|okay|but|well|alright|oh|hey|then|also|now|right|sorry|um|uh|like|just|and so)[\\s,]+){0,3}";
const EN_WH = "what|what's|whats|how|how's|hows|why|when|when's|where|where's|who|who's|whom|whose|which";
const EN_AUX =
  "do|does|did|don't|doesn't|didn't|dont|doesnt|is|isn't|isnt|are|aren't|arent|was|were|can|can't|cant|could|couldn't|" +
  "would|wouldn't|will|won't|should|shall|have|haven't|has|hasn't|may|might|mind";
const EN_OPEN = "what|what's|whats|how|how's|hows|why|which|tell|walk|describe";

const RULES: Record<Language, QuestionRules> = {
  he: {
    start: new RegExp(`^[^\\p{L}\\d]*${HE_LEAD}ו?(?:${HE_Q})${B}`, 'u'),
    inner: new RegExp(`[,;:]\\s*ו?(?:${HE_Q})${B}`, 'u'),
    open: new RegExp(`(?:^[^\\p{L}\\d]*${HE_LEAD}|[,.;:!?]\\s*)ו?(?:${HE_OPEN})${B}`, 'u'),
    clause: new RegExp(`^[^\\p{L}\\d]*${HE_LEAD}ו?(?:מה|מי|איפה|מתי|איך)\\s+(?!(?:${HE_NOT_RELATIVE})${B})ש`, 'u'),
  },
  en: {
    start: new RegExp(`^[^\\p{L}\\d]*${EN_LEAD}(?:${EN_WH}|${EN_AUX}|tell me|walk me|describe|wanna|want to)${B}`, 'u'),
    inner: new RegExp(
      `(?:[,;:]\\s*(?:${EN_WH})${B})|(?:\\b(?:what|when|how|where|why|who)\\s+(?:do|does|did|is|are|can|could|would|will|should)\\s+(?:i|we|you|it|they|he|she|that|this)${B})`,
      'u',
    ),
    open: new RegExp(`(?:^[^\\p{L}\\d]*${EN_LEAD}|[,.;:!?]\\s*)(?:${EN_OPEN})${B}`, 'u'),
    clause: /^[^\p{L}\d]*(?:what (?:i|we|they|you) (?:really )?\w+ (?:is|was)\b|which (?:is|means|was|would)\b|what (?:i|we) (?:really )?(?:need|want|mean)\b)/u,
  },
};

/** Reads question form: "?" anywhere, or a question word/inverted auxiliary opening a clause (ASR drops "?"). */
export function readQuestion(n: string, lang: Language): QuestionReading {
  const r = RULES[lang];
  const statementEnd = /[.!]$/.test(n);
  const isQuestion =
    n.includes('?') || (!statementEnd && !r.clause.test(n) && (r.start.test(n) || r.inner.test(n)));
  return { isQuestion, isOpenQuestion: isQuestion && r.open.test(n) };
}
