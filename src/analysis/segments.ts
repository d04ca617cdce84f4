import type { Language, SalesAct, Speaker } from './taxonomy.ts';
import type { Transcript, TranscriptSegment } from './types.ts';
import { classifyUtterance, type UtteranceClass } from './classifier.ts';

/** One sentence of a segment, as it appears verbatim in the segment text, with its classification. */
export interface Sentence {
  text: string;
  cls: UtteranceClass;
}

/** A transcript segment with its sentences classified once, shared by metrics, rubric and analyzers. */
export interface ClassifiedSegment {
  index: number;
  speaker: Speaker;
  startSec: number;
  endSec: number;
  text: string;
  sentences: Sentence[];
  acts: Set<SalesAct>;
  questions: number;
  openQuestions: number;
  words: number;
  fillers: number;
  /** A short "uh-huh"/"כן" that does not take the floor. */
  backchannel: boolean;
  estimated: boolean;
}

const SENTENCE = /[^.!?…]+(?:[.!?…]+["'״”]?|$)/gu;

/** Split into sentences that are verbatim substrings of the text (trimmed). */
export function splitSentences(text: string): string[] {
  const out = (text.match(SENTENCE) ?? []).map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s));
  return out.length ? out : [text.trim()];
}

/** Classify every segment sentence by sentence. */
export function classifyTranscript(t: Transcript): ClassifiedSegment[] {
  return t.segments.map((s, i) => classifySegment(s, i, t.language));
}

function classifySegment(s: TranscriptSegment, index: number, lang: Language): ClassifiedSegment {
  const sentences = splitSentences(s.text).map((text) => ({ text, cls: classifyUtterance(text, lang) }));
  const acts = new Set<SalesAct>();
  let questions = 0;
  let openQuestions = 0;
  let words = 0;
  let fillers = 0;
  for (const { cls } of sentences) {
    for (const a of cls.acts) acts.add(a);
    if (cls.isQuestion) questions++;
    if (cls.isOpenQuestion) openQuestions++;
    words += cls.wordCount;
    fillers += cls.fillerCount;
  }
  if (acts.size > 1) acts.delete('other');
  const backchannel = words <= 3 && sentences.every((x) => x.cls.primary === 'backchannel' || x.cls.primary === 'acknowledgement');
  return {
    index,
    speaker: s.speaker,
    startSec: s.startSec,
    endSec: Math.max(s.endSec, s.startSec),
    text: s.text,
    sentences,
    acts,
    questions,
    openQuestions,
    words,
    fillers: backchannel ? 0 : fillers,
    backchannel,
    estimated: s.estimated === true || s.endEstimated === true,
  };
}

/** The first sentence of a segment carrying one of the acts (for quoting), else undefined. */
export function sentenceWith(seg: ClassifiedSegment, acts: readonly SalesAct[]): Sentence | undefined {
  return seg.sentences.find((x) => x.cls.acts.some((a) => acts.includes(a)));
}
