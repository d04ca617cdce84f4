/** Shapes of the calls API (src/http/routes/calls.ts). Types only. */
import type { CallAnalysis, MetricRating, Transcript } from '../../../analysis/index.ts';
import type { CallReport } from '../../../calls/index.ts';

export type { CallAnalysis, MetricRating, Transcript, CallReport };
export type CallStatus = 'queued' | 'converting' | 'transcribing' | 'analysing' | 'done' | 'failed';

export interface CallSummary {
  id: string;
  companyId: string;
  agentUserId: string;
  agentName: string | null;
  title: string;
  language: 'he' | 'en';
  callType: string | null;
  source: 'audio' | 'transcript' | 'audio+transcript';
  originalFormat: string | null;
  sizeBytes: number;
  durationSec: number | null;
  channels: number | null;
  status: CallStatus;
  progress: number;
  error: string | null;
  reportKind: 'full' | 'audio_only' | null;
  overallScore: number | null;
  createdAt: string;
  analysedAt: string | null;
}

export interface CallDetail {
  call: CallSummary;
  transcript: Transcript | null;
  report: CallReport | null;
  metricRatings: MetricRating[] | null;
  audioUrl: string | null;
}

export interface CallStatusReply {
  id: string;
  status: CallStatus;
  progress: number;
  error: string | null;
  overallScore: number | null;
  reportKind: 'full' | 'audio_only' | null;
}

export const IN_PROGRESS: CallStatus[] = ['queued', 'converting', 'transcribing', 'analysing'];
