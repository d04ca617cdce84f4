import type { Language, ObjectionKind, SalesAct } from './taxonomy.ts';
import { compilePhrases, PhraseMatcher } from './text.ts';
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
  /** What the product does, said as a statement ("אפשר לבטל בכל רגע", "you can cancel anytime"); asked, it is a buying question. */
  capability: string[];
  /** Asked by the customer, these make a buying signal: the price of the offer ("כמה זה עולה"). */
  buyingPrice: string[];
  /** …and the way in: start, installation, payment, signing, what is included ("מתי אפשר להתחיל"). */
  buyingProcess: string[];
  /** An agent's proposal to go ahead ("נסגור?", "shall we…", "want me to…"): a close attempt, never a buying signal. */
  closeProposal: string[];
  /** Paraphrasing the other side ("אם הבנתי נכון…"): acknowledgement, whatever topic words follow. */
  paraphrase: string[];
  /** Checking the line ("אתה שם?", "can you hear me?"): 'other', whatever else is said. */
  lineCheck: string[];
  /** "You won't need…" promises relief; it is not the customer refusing. */
  youNeedNot: string[];
  /** Competing brands, named alone they are just names (an agent saying where they work). */
  brands: string[];
  /** Someone else who sells the same ("חברה אחרת", "my current agent"). */
  otherParty: string[];
  /** What turns a brand or other party into a competitor objection: an offer, a lower price, loyalty. */
  competitorCue: string[];
  /** "Came over to us from…": social proof about competitors, not an objection. */
  switchedToUs: string[];
  /** People whose decision it is (the customer's, not the agent's: "my wife", "אשתי", "ההנהלה"). */
  deciders: string[];
  /** Deciding, approving, consulting: with a decider, an authority objection. */
  decisionVerbs: string[];
  /** Pushing the conversation off ("תחזור אליי", "call me", "let's circle back"). */
  deferral: string[];
  /** A vague later time ("אחרי החגים", "in six months", "next quarter"): with a deferral, a timing objection. */
  later: string[];
  /** "Today", "currently": a question with it about "you" asks about the listener's present situation. */
  currentState: string[];
  /** "Why would I need it?": a question that refuses, unlike "what happens with the policy I already have?". */
  whyNeed: string[];
  /** A question that challenges the seller ("what if you shut down?", "מאיפה השגתם את המספר שלי?"): still an objection though it asks about "you". */
  challenge: string[];
  /** "I heard that one from another agent": a claim heard before, elsewhere — distrust, not a competitor's offer. */
  heardBefore: string[];
  /** Single words that, alone, make an utterance a backchannel ("כן", "uh-huh"). */
  backchannel: string[];
  fillers: string[];
  secondPerson: string[];
  /** "Your…" ("שלך", "your"): a question with it asks about the listener's own situation. */
  secondPossessive: string[];
  firstPerson: string[];
  currency: string[];
  priceContext: string[];
  savings: string[];
}

/** The lexicon compiled to regexes once per language. */
export interface CompiledLexicon {
  acts: [PatternActs, PhraseMatcher][];
  objections: [ObjectionKind, PhraseMatcher][];
  scheduling: PhraseMatcher;
  capability: PhraseMatcher;
  buyingPrice: PhraseMatcher;
  buyingProcess: PhraseMatcher;
  closeProposal: PhraseMatcher;
  paraphrase: PhraseMatcher;
  lineCheck: PhraseMatcher;
  youNeedNot: PhraseMatcher;
  brandOrOther: PhraseMatcher;
  competitorCue: PhraseMatcher;
  switchedToUs: PhraseMatcher;
  deciders: PhraseMatcher;
  decisionVerbs: PhraseMatcher;
  deferral: PhraseMatcher;
  later: PhraseMatcher;
  currentState: PhraseMatcher;
  whyNeed: PhraseMatcher;
  challenge: PhraseMatcher;
  heardBefore: PhraseMatcher;
  backchannel: Set<string>;
  fillers: PhraseMatcher;
  secondPerson: Set<string>;
  secondPossessive: Set<string>;
  firstPerson: Set<string>;
  currency: PhraseMatcher;
  priceContext: PhraseMatcher;
  savings: PhraseMatcher;
}

const PATTERN_ACTS: PatternActs[] = [
  'greeting', 'opening_agenda', 'discovery_question', 'need_statement', 'value_statement', 'feature_explanation',
  'acknowledgement', 'empathy', 'social_proof', 'close_attempt', 'next_step', 'buying_signal', 'small_talk', 'other',
];

function compile(lang: Language, lex: Lexicon): CompiledLexicon {
  const c = (p: string[]) => new PhraseMatcher(compilePhrases(lang, p), p);
  const global = (p: string[]) => new PhraseMatcher(new RegExp(compilePhrases(lang, p).source, 'gu'), p);
  return {
    acts: PATTERN_ACTS.map((a) => [a, c(lex[a])]),
    objections: (Object.keys(lex.objection) as ObjectionKind[]).map((k) => [k, global(lex.objection[k])]),
    scheduling: c(lex.scheduling),
    capability: c(lex.capability),
    buyingPrice: c(lex.buyingPrice),
    buyingProcess: c(lex.buyingProcess),
    closeProposal: c(lex.closeProposal),
    paraphrase: c(lex.paraphrase),
    lineCheck: c(lex.lineCheck),
    youNeedNot: c(lex.youNeedNot),
    brandOrOther: c([...lex.brands, ...lex.otherParty]),
    competitorCue: c(lex.competitorCue),
    switchedToUs: c(lex.switchedToUs),
    deciders: global(lex.deciders),
    decisionVerbs: c(lex.decisionVerbs),
    deferral: c(lex.deferral),
    later: c(lex.later),
    currentState: c(lex.currentState),
    whyNeed: c(lex.whyNeed),
    challenge: c(lex.challenge),
    heardBefore: c(lex.heardBefore),
    backchannel: new Set(lex.backchannel),
    fillers: global(lex.fillers),
    secondPerson: new Set(lex.secondPerson),
    secondPossessive: new Set(lex.secondPossessive),
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
