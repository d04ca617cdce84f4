import type { CallType } from './taxonomy.ts';
import type { CallAnalysis, Tone, Transcript } from './types.ts';
import type { CompanyContext } from './rubric-context.ts';

export interface AnalyzeOptions {
  /** Detected from the transcript when omitted. */
  callType?: CallType;
  /** The company questionnaire (or the parts of it the analyzers use). */
  companyContext?: CompanyContext;
  /** Tone read from the audio (calls pipeline); copied into the report. */
  tone?: Tone[];
}

/** One interface, several implementations (offline rules, LLM): every one returns a full CallAnalysis. */
export interface Analyzer {
  readonly name: string;
  analyze(transcript: Transcript, opts?: AnalyzeOptions): Promise<CallAnalysis>;
}
