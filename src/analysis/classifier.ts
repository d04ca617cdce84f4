import type { Language, ObjectionKind, SalesAct } from './taxonomy.ts';
import { lexiconFor } from './lexicon.ts';
import { detectLanguage, normalizeText, words } from './text.ts';

/** What the classifier found in one utterance. */
export interface UtteranceClass {
  /** Every act found, most important first (PRIMARY_ORDER); never empty ('other' when nothing matched). */
  acts: SalesAct[];
  /** acts[0]. */
  primary: SalesAct;
  /** Set when acts includes 'objection'. */
  objectionKind?: ObjectionKind;
  isQuestion: boolean;
  /** An open question (what/how/why/tell me… / מה/איך/למה/ספר לי…). */
  isOpenQuestion: boolean;
  wordCount: number;
  fillerCount: number;
}

/**
 * When an utterance carries several acts, the one earliest here is its main act. Labelled data in
 * src/analysis/data/ follows the same rule.
 */
export const PRIMARY_ORDER: readonly SalesAct[] = [
  'objection',
  'buying_signal',
  'close_attempt',
  'opening_agenda',
  'next_step',
  'empathy',
  'social_proof',
  'price_mention',
  'greeting',
  'small_talk',
  'discovery_question',
  'need_statement',
  'value_statement',
  'feature_explanation',
  'acknowledgement',
  'backchannel',
  'other',
];
const RANK = new Map(PRIMARY_ORDER.map((a, i) => [a, i]));

/** Ties between objection kinds go to the more specific kind. */
const OBJECTION_PRECEDENCE: ObjectionKind[] = ['competitor', 'authority', 'trust', 'timing', 'price', 'no_need'];

/** Acts that make a question something other than a discovery question. */
const QUESTION_OWNERS = new Set<SalesAct>([
  'objection', 'buying_signal', 'close_attempt', 'opening_agenda', 'next_step', 'small_talk', 'other', 'discovery_question',
]);

const MONEY_SYMBOL = /[$€£₪]\s?\d|\d\s?[%₪$€£]/u;
/** Greetings count only among the first words of an utterance. */
const GREETING_WORDS = 7;

/**
 * Classify one utterance into sales acts (Hebrew or English; language detected from the script when not
 * given). Pure and fast: a handful of precompiled regexes, a few microseconds per utterance.
 */
export function classifyUtterance(text: string, lang: Language = detectLanguage(text)): UtteranceClass {
  const lex = lexiconFor(lang);
  const n = normalizeText(text);
  const toks = words(n);
  const acts = new Set<SalesAct>();

  // A question word opening an utterance that ends in "." is a clause ("What I want is…", "מה שחשוב…").
  const isQuestion = n.includes('?') || (lex.questionStart.test(n) && !/[.!]$/.test(n) && !/^מה ש/.test(n));
  const isOpenQuestion = isQuestion && lex.openQuestionStart.test(n);

  for (const [act, re] of lex.acts) {
    const target = act === 'greeting' ? n.split(' ', GREETING_WORDS).join(' ') : n;
    if (re.test(target)) acts.add(act);
  }
  if (lex.scheduling.test(n)) acts.add(isQuestion ? 'close_attempt' : 'next_step');

  const objectionKind = findObjection(n, toks, isQuestion, lang);
  if (objectionKind) acts.add('objection');

  if ((MONEY_SYMBOL.test(n) || lex.currency.test(n)) && lex.priceContext.test(n) && !lex.savings.test(n)) {
    acts.add('price_mention');
  }

  if (toks.length > 0 && toks.length <= 4 && toks.every((t) => lex.backchannel.has(t))) {
    acts.clear();
    acts.add('backchannel');
  }

  if (isQuestion && ![...acts].some((a) => QUESTION_OWNERS.has(a))) acts.add('discovery_question');
  if (acts.size === 0) acts.add('other');

  const sorted = [...acts].sort((a, b) => RANK.get(a)! - RANK.get(b)!);
  const fillerCount = n.match(lex.fillers)?.length ?? 0;
  return {
    acts: sorted,
    primary: sorted[0],
    ...(objectionKind ? { objectionKind } : {}),
    isQuestion,
    isOpenQuestion,
    wordCount: toks.length,
    fillerCount,
  };
}

function findObjection(n: string, toks: string[], isQuestion: boolean, lang: Language): ObjectionKind | undefined {
  const lex = lexiconFor(lang);
  // "Is price a concern for you?" asks about an objection; it does not raise one.
  if (isQuestion && hasAny(toks, lex.secondPerson, lang) && !hasAny(toks, lex.firstPerson, lang)) {
    return undefined;
  }
  let best: ObjectionKind | undefined;
  let bestScore = 0;
  for (const [kind, re] of lex.objections) {
    re.lastIndex = 0;
    const score = n.match(re)?.length ?? 0;
    if (score > bestScore || (score > 0 && score === bestScore && prefer(kind, best))) {
      best = kind;
      bestScore = score;
    }
  }
  // "ומה קורה עם הביטוח שכבר יש לי?" asks about what they have; it is not a refusal.
  if (best === 'no_need' && isQuestion && lex.questionStart.test(n)) return undefined;
  return best;
}

function prefer(a: ObjectionKind, b: ObjectionKind | undefined): boolean {
  return b === undefined || OBJECTION_PRECEDENCE.indexOf(a) < OBJECTION_PRECEDENCE.indexOf(b);
}

/** True when a token (or, in Hebrew, the token without its clitic prefixes) is in the set. */
function hasAny(toks: string[], set: Set<string>, lang: Language): boolean {
  for (const t of toks) {
    if (set.has(t)) return true;
    if (lang === 'he') {
      const bare = t.replace(/^(?:[ושהבלכמ]|כש|מש){1,2}/, '');
      if (bare !== t && set.has(bare)) return true;
    }
  }
  return false;
}
