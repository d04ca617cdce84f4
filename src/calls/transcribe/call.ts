import { transcriptSchema, type Language, type Transcript } from '../../analysis/index.ts';
import { clusterVoices, type AudioAnalysis } from '../../audio/index.ts';
import { assignRoles, type RawSegment } from '../transcript/index.ts';
import type { Transcriber } from './types.ts';

export interface CallAudioPaths {
  monoPath: string;
  channelPaths: [string, string] | null;
}

export interface TranscribeCallInput {
  audio: CallAudioPaths;
  /** The audio analysis of the same call (speech stretches per channel or overall). */
  analysis: AudioAnalysis;
  agentChannel: 0 | 1;
  language: Language;
  /** The agent's name as a speaker label (diarized mono only). */
  agentLabel?: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/**
 * Transcribes a call into a Transcript with roles. Stereo: each channel on its own, merged by time, roles
 * from the channels. Mono: the provider's diarization when it has one, else voices clustered by pitch;
 * then roles from the agent's name or the content heuristic, with its confidence.
 */
export async function transcribeCall(t: Transcriber, input: TranscribeCallInput): Promise<Transcript> {
  const { audio, analysis, language } = input;
  const speechOf = (who: 'agent' | 'customer' | 'mixed') => analysis.speakers.find((s) => s.speaker === who)?.segments ?? [];
  if (audio.channelPaths && analysis.separation === 'stereo') {
    const agentPath = audio.channelPaths[input.agentChannel];
    const customerPath = audio.channelPaths[input.agentChannel === 0 ? 1 : 0];
    const agentSpeech = speechOf('agent');
    const customerSpeech = speechOf('customer');
    const total = Math.max(1e-3, sum(agentSpeech) + sum(customerSpeech));
    const aShare = sum(agentSpeech) / total;
    const agent = await t.transcribe(agentPath, { language, signal: input.signal, speech: agentSpeech, onProgress: (f) => input.onProgress?.(f * aShare) });
    const customer = await t.transcribe(customerPath, { language, signal: input.signal, speech: customerSpeech, onProgress: (f) => input.onProgress?.(aShare + f * (1 - aShare)) });
    const segments = [...agent.map((s) => ({ ...s, speaker: 'agent' as const })), ...customer.map((s) => ({ ...s, speaker: 'customer' as const }))]
      .sort((a, b) => a.startSec - b.startSec)
      .map((s) => ({ speaker: s.speaker, startSec: s.startSec, endSec: Math.max(s.endSec, s.startSec), text: s.text }));
    return transcriptSchema.parse({ language, segments, roles: { method: 'channels', confidence: 1 }, source: `${t.name}:${t.model}` });
  }
  const segs = await t.transcribe(audio.monoPath, { language, signal: input.signal, speech: speechOf('mixed'), onProgress: input.onProgress });
  let raw: RawSegment[];
  let method: 'provider' | 'heuristic' = 'heuristic';
  let voiceConfidence = 1;
  if (segs.some((s) => s.speakerLabel)) {
    raw = segs.map((s) => ({ label: s.speakerLabel ?? 'A', startSec: s.startSec, endSec: s.endSec, text: s.text }));
    method = 'provider';
  } else {
    const clusters = await clusterVoices(audio.monoPath, segs);
    voiceConfidence = clusters.confidence;
    raw = segs.map((s, i) => ({ label: clusters.labels[i], startSec: s.startSec, endSec: s.endSec, text: s.text }));
  }
  const roles = assignRoles(raw, language, input.agentLabel);
  const segments = raw.map((s) => ({
    speaker: roles.roleOf.get(s.label ?? '') ?? 'customer',
    label: s.label,
    startSec: s.startSec!,
    endSec: Math.max(s.endSec!, s.startSec!),
    text: s.text,
  }));
  const confidence = Math.round(roles.confidence * (method === 'provider' ? 1 : voiceConfidence) * 100) / 100;
  return transcriptSchema.parse({
    language,
    segments,
    roles: { method: roles.method === 'named_agent' ? 'named_agent' : method === 'provider' && roles.method === 'labels' ? 'provider' : 'heuristic', confidence },
    source: `${t.name}:${t.model}`,
  });
}

const sum = (s: { startSec: number; endSec: number }[]) => s.reduce((a, x) => a + x.endSec - x.startSec, 0);
