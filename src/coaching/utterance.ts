/** Sentence-level sales-act reading of one turn, on the analysis domain's classifier (shared with call analysis). */
import { classifyUtterance, type Language, type ObjectionKind, type SalesAct } from '../analysis/index.ts';

export interface Sentence {
  text: string;
  acts: SalesAct[];
  objectionKind?: ObjectionKind;
  isQuestion: boolean;
  isOpenQuestion: boolean;
  words: number;
  fillers: number;
}

export interface TurnReading {
  sentences: Sentence[];
  acts: Set<SalesAct>;
  words: number;
  fillers: number;
  questions: number;
}

/** Splits at sentence ends, keeping the punctuation (so a "?" stays with its question). */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…؟])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Classifies every sentence of a turn; the union of acts says what the turn did. */
export function readTurn(text: string, lang: Language): TurnReading {
  const sentences: Sentence[] = [];
  const acts = new Set<SalesAct>();
  let words = 0, fillers = 0, questions = 0;
  for (const s of splitSentences(text)) {
    const c = classifyUtterance(s, lang);
    sentences.push({
      text: s,
      acts: c.acts,
      ...(c.objectionKind ? { objectionKind: c.objectionKind } : {}),
      isQuestion: c.isQuestion,
      isOpenQuestion: c.isOpenQuestion,
      words: c.wordCount,
      fillers: c.fillerCount,
    });
    for (const a of c.acts) acts.add(a);
    words += c.wordCount;
    fillers += c.fillerCount;
    if (c.isQuestion) questions++;
  }
  return { sentences, acts, words, fillers, questions };
}

/** The first sentence carrying one of the acts (for quotes). */
export function sentenceWith(r: TurnReading, ...acts: SalesAct[]): Sentence | undefined {
  return r.sentences.find((s) => s.acts.some((a) => acts.includes(a)));
}
