import type { Language, ObjectionKind, SalesAct } from './taxonomy.ts';
import { compilePhrases } from './text.ts';
import { HEBREW_LEXICON } from './lexicon-he.ts';
import { ENGLISH_LEXICON } from './lexicon-en.ts';

type PatternActs = Exclude<SalesAct, 'objection' | 'price_mention' | 'backchannel'>;

/** A language's phrase lists (compilePhrases syntax) for every sales act and objection kind. */
export interface Lexicon {
  greeting: string[];
  opening_agenda: string[];
  discovery_question: string[];
  need_statement: string[];
  value_statement: string[];
  feature_explanation: string[];
  objection: Record<ObjectionKind, string[]>;
  acknowledgement: string[];
  empathy: string[];
  social_proof: string[];
  close_attempt: string[];
  next_step: string[];
  buying_signal: string[];
  small_talk: string[];
  other: string[];
  /** Scheduling phrases: a close attempt when asked, a next step when stated. */
  scheduling: string[];
  questionStarters: string[];
  openQuestionStarters: string[];
  /** Single words that, alone, make an utterance a backchannel ("כן", "uh-huh"). */
  backchannel: string[];
  fillers: string[];
  secondPerson: string[];
  firstPerson: string[];
  currency: string[];
  priceContext: string[];
  savings: string[];
}

/** The lexicon compiled to regexes once per language. */
export interface CompiledLexicon {
  acts: [PatternActs, RegExp][];
  objections: [ObjectionKind, RegExp][];
  scheduling: RegExp;
  questionStart: RegExp;
  openQuestionStart: RegExp;
  backchannel: Set<string>;
  fillers: RegExp;
  secondPerson: Set<string>;
  firstPerson: Set<string>;
  currency: RegExp;
  priceContext: RegExp;
  savings: RegExp;
}

const PATTERN_ACTS: PatternActs[] = [
  'greeting', 'opening_agenda', 'discovery_question', 'need_statement', 'value_statement', 'feature_explanation',
  'acknowledgement', 'empathy', 'social_proof', 'close_attempt', 'next_step', 'buying_signal', 'small_talk', 'other',
];

function compile(lang: Language, lex: Lexicon): CompiledLexicon {
  const c = (p: string[]) => compilePhrases(lang, p);
  const global = (p: string[]) => new RegExp(c(p).source, 'gu');
  return {
    acts: PATTERN_ACTS.map((a) => [a, c(lex[a])]),
    objections: (Object.keys(lex.objection) as ObjectionKind[]).map((k) => [k, global(lex.objection[k])]),
    scheduling: c(lex.scheduling),
    questionStart: new RegExp(`^(?:${c(lex.questionStarters).source})`, 'u'),
    openQuestionStart: new RegExp(`(?:^|[,.;:!?]\\s*)(?:${c(lex.openQuestionStarters).source})`, 'u'),
    backchannel: new Set(lex.backchannel),
    fillers: global(lex.fillers),
    secondPerson: new Set(lex.secondPerson),
    firstPerson: new Set(lex.firstPerson),
    currency: c(lex.currency),
    priceContext: c(lex.priceContext),
    savings: c(lex.savings),
  };
}

const cache = new Map<Language, CompiledLexicon>();

/** The compiled lexicon for a language (built on first use). */
export function lexiconFor(lang: Language): CompiledLexicon {
  let l = cache.get(lang);
  if (!l) {
    l = compile(lang, lang === 'he' ? HEBREW_LEXICON : ENGLISH_LEXICON);
    cache.set(lang, l);
  }
  return l;
}
