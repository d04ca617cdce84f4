import type { CallType, Language } from './taxonomy.ts';
import { callAnalysisSchema, type CallAnalysis, type Tone } from './types.ts';
import type { ClassifiedSegment } from './segments.ts';
import { computeMetrics } from './metrics.ts';

/** Talk-time segments from channels or voice activity: who spoke when, without words. */
export interface VoiceSegment {
  speaker: 'agent' | 'customer';
  startSec: number;
  endSec: number;
}

export interface AudioOnlyInput {
  language: Language;
  /** Speech regions per speaker (stereo channels or VAD). May be empty when nothing could be separated. */
  segments: VoiceSegment[];
  /** Duration of the recording when known (else the end of the last segment). */
  durationSec?: number;
  tone?: Tone[];
  callType?: CallType;
}

/** The plain notice shown when there are no words to analyse. */
export const NEEDS_TRANSCRIPT_NOTICE = {
  he: 'ניתוח התוכן (ציונים, חוזקות, חולשות וציטוטים) דורש תמליל: העלו תמליל יחד עם ההקלטה או הגדירו שירות תמלול. הדוח מציג רק מדדים מתוך השמע עצמו.',
  en: 'Content analysis (scores, strengths, weaknesses, quotes) needs a transcript: upload one with the recording or configure a transcription endpoint. This report shows only what the audio itself tells.',
};

/**
 * A report for a call with audio but no transcript: talk-time metrics and tone only, `overallScore: null`,
 * no skills, and a notice saying plainly that content analysis needs a transcript. Word-based metrics are 0.
 */
export function buildAudioOnlyAnalysis(input: AudioOnlyInput): CallAnalysis {
  const segs: ClassifiedSegment[] = input.segments.map((s, index) => ({
    index, speaker: s.speaker, startSec: s.startSec, endSec: Math.max(s.endSec, s.startSec), text: '', sentences: [],
    acts: new Set(), questions: 0, openQuestions: 0, words: 0, fillers: 0, backchannel: false, estimated: false,
  }));
  const metrics = computeMetrics(segs);
  if (input.durationSec !== undefined) metrics.durationSec = Math.max(metrics.durationSec, Math.round(input.durationSec * 100) / 100);
  return callAnalysisSchema.parse({
    language: input.language,
    callType: input.callType ?? 'phone_sale',
    durationSec: metrics.durationSec,
    overallScore: null,
    skills: [],
    strengths: [],
    weaknesses: [],
    recommendations: [],
    metrics,
    objections: [],
    tone: input.tone ?? [],
    analyzer: { name: 'audio-only', quotesCorrected: 0, quotesDropped: 0 },
    notices: [NEEDS_TRANSCRIPT_NOTICE[input.language]],
  });
}
