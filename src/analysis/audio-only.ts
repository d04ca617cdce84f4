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

/** The plain notice shown when there are no words to analyse: what the audio measured, what a transcript would add. */
export const NEEDS_TRANSCRIPT_NOTICE = {
  he: 'ניתוח התוכן (ציונים, חוזקות, חולשות וציטוטים) דורש תמליל: העלו תמליל יחד עם ההקלטה, התקינו מודל תמלול מקומי (npx salesgym models pull) או הגדירו שירות תמלול. הדוח מציג רק מה שהשמע עצמו מודד — מי דיבר מתי (זמני דיבור, רצפים, החלפות דובר, דיבור חופף) והטון. תמליל היה מוסיף: ציון ומיומנויות, שאלות, התנגדויות, מילות מילוי, קצב במילים וציטוטים.',
  en: 'Content analysis (scores, strengths, weaknesses, quotes) needs a transcript: upload one with the recording, install a local transcription model (npx salesgym models pull) or configure a transcription endpoint. This report shows only what the audio itself measures — who spoke when (talk time, monologues, speaker switches, overlapping speech) and tone. A transcript would add: the score and skills, questions, objections, filler words, pace in words and quotes.',
};

/** Metrics the audio alone measures (who spoke when); the rest need words. */
export const AUDIO_METRICS = ['talkRatioAgent', 'longestAgentMonologueSec', 'longestCustomerStorySec', 'interactivityPerMin', 'patienceSec', 'interruptions'] as const;

/**
 * Which metrics of an analysis may be rated: all of them for a content analysis; for an audio-only one, the
 * talk-time metrics when speakers were told apart (stereo), none when they were not (a mono call without words).
 */
export function ratedMetricsOf(a: Pick<CallAnalysis, 'analyzer' | 'metrics'>): readonly string[] | null {
  if (a.analyzer.name !== 'audio-only') return null;
  const separated = a.metrics.interactivityPerMin > 0 || a.metrics.talkRatioAgent > 0;
  return separated ? AUDIO_METRICS : [];
}

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
