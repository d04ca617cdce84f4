import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { buildAudioOnlyAnalysis, type Analyzer, type CallAnalysis, type CallType, type CompanyContext, type Language, type Tone, type Transcript } from '../analysis/index.ts';
import { analyzeAudio, makePlayable, type AudioAnalysis, type ToneEstimate } from '../audio/index.ts';
import { transcribeCall, type Transcriber } from './transcribe/index.ts';
import { exists } from './storage.ts';

/** The stored report of a call: the CallAnalysis (content or audio-only) plus what the audio told. */
export interface CallReport {
  kind: 'full' | 'audio_only';
  analysis: CallAnalysis;
  /** Talk time, voice activity and tone per speaker from the audio; null for a transcript-only call. */
  audio: AudioAnalysis | null;
}

export type Stage = 'converting' | 'transcribing' | 'analysing';
/** Overall progress at the start of each stage (the UI shows one bar). */
export const STAGE_START: Record<Stage, number> = { converting: 0.05, transcribing: 0.35, analysing: 0.8 };
const STAGE_SPAN: Record<Stage, number> = { converting: 0.3, transcribing: 0.45, analysing: 0.15 };

export interface PipelineAudio {
  original: string;
  mono: string;
  /** [left, right] when the call is stereo and channels are kept apart. */
  channels: [string, string] | null;
  agentChannel: 0 | 1;
  playback: string;
  /** Where the audio analysis is cached between attempts. */
  analysisCache: string;
  sourceChannels: number;
  /** Longest audio decoded (CALL_MAX_MINUTES): the playable copy is bounded too. */
  maxDurationSec?: number;
}

export interface PipelineInput {
  audio: PipelineAudio | null;
  /** An imported transcript (uploaded with or instead of the audio), or one cached by an earlier attempt. */
  transcript: Transcript | null;
  language: Language;
  callType?: CallType;
  agentLabel?: string;
  companyContext?: CompanyContext;
}

export interface PipelineDeps {
  transcriber: Transcriber | null;
  analyzer: Analyzer;
}

export interface PipelineHooks {
  signal?: AbortSignal;
  /** Stage changes and progress 0..1 of the whole pipeline. */
  progress?: (stage: Stage, overall: number) => Promise<void> | void;
  /** Called once a transcript exists, so a resumed run skips transcription. */
  saveTranscript?: (t: Transcript) => Promise<void>;
  /** No browser-playable copy (the CLI has no player). */
  skipPlayback?: boolean;
}

/** Tone estimates from the audio in the report's shape (speakers only; a mixed mono voice has no role). */
export function toneForReport(audio: AudioAnalysis | null): Tone[] {
  if (!audio) return [];
  return audio.speakers
    .filter((s): s is typeof s & { speaker: 'agent' | 'customer' } => s.speaker !== 'mixed')
    .map((s) => ({ speaker: s.speaker, confidence: s.tone.confidence, features: toneFeatures(s.tone) }));
}

function toneFeatures(t: ToneEstimate): Record<string, number> {
  return {
    speechSec: t.speechSec,
    syllablesPerSec: t.syllablesPerSec,
    pauseRatio: t.pauseRatio,
    energyVariabilityDb: t.energyVariabilityDb,
    pitchMedianHz: t.pitchMedianHz,
    pitchVariabilitySt: t.pitchVariabilitySt,
    hesitationsPerMin: t.hesitationsPerMin,
    reliable: t.reliable ? 1 : 0,
  };
}

const MONO_NOTICE = {
  he: 'ההקלטה במונו ואין תמליל, ולכן אי אפשר להפריד בין הנציג ללקוח: מוצגת פעילות הקול של השיחה כולה.',
  en: 'The recording is mono and there is no transcript, so agent and customer cannot be told apart: voice activity is shown for the whole call.',
};

/**
 * The analysis pipeline shared by the job worker and the CLI: converting (playable copy, audio analysis),
 * transcribing (when there is no transcript and a transcriber is configured), analysing (content analysis,
 * or the audio-only report that says plainly what it cannot know). Every stage's result is reused on resume.
 */
export async function runPipeline(input: PipelineInput, deps: PipelineDeps, hooks: PipelineHooks = {}): Promise<CallReport> {
  const { signal } = hooks;
  const report = async (stage: Stage, f: number) => hooks.progress?.(stage, Math.min(0.99, STAGE_START[stage] + STAGE_SPAN[stage] * f));
  let audio: AudioAnalysis | null = null;
  const a = input.audio;
  let transcript = input.transcript;

  await report('converting', 0);
  if (a) {
    if (!hooks.skipPlayback && !(await exists(a.playback))) {
      // an MP3 plays in every browser as it is; anything else gets a speech-quality MP3 copy
      if (a.original.endsWith('.mp3')) await copyFile(a.original, a.playback);
      else await makePlayable(a.original, a.playback, { channels: a.sourceChannels, signal, maxDurationSec: a.maxDurationSec });
    }
    await report('converting', 0.3);
    audio = await readCache(a.analysisCache);
    if (!audio || (transcript && audio.separation === 'mono')) {
      let last = 0;
      audio = await analyzeAudio({
        monoPath: a.mono,
        channelPaths: a.channels,
        agentChannel: a.agentChannel,
        turns: !a.channels && transcript ? transcript.segments : undefined,
        signal,
        onProgress: (f) => {
          if (f - last >= 0.1) {
            last = f;
            void report('converting', 0.3 + 0.7 * f);
          }
        },
      });
      await writeFile(a.analysisCache, JSON.stringify(audio));
    }
  }

  if (!transcript && a && audio && deps.transcriber) {
    await report('transcribing', 0);
    let last = 0;
    transcript = await transcribeCall(deps.transcriber, {
      audio: { monoPath: a.mono, channelPaths: a.channels },
      analysis: audio,
      agentChannel: a.agentChannel,
      language: input.language,
      agentLabel: input.agentLabel,
      signal,
      onProgress: (f) => {
        if (f - last >= 0.05) {
          last = f;
          void report('transcribing', f);
        }
      },
    });
    await hooks.saveTranscript?.(transcript);
    if (!a.channels) {
      // mono: now that we know who spoke when, measure tone per speaker
      audio = await analyzeAudio({ monoPath: a.mono, turns: transcript.segments, signal });
      await writeFile(a.analysisCache, JSON.stringify(audio));
    }
  }

  await report('analysing', 0);
  signal?.throwIfAborted();
  const tone = toneForReport(audio);
  if (transcript && transcript.segments.some((s) => s.text.trim())) {
    const analysis = await deps.analyzer.analyze(transcript, { callType: input.callType, companyContext: input.companyContext, tone });
    if (audio && !analysis.tone.length) analysis.tone = tone;
    return { kind: 'full', analysis, audio };
  }
  if (!audio) throw new Error('a call needs audio or a transcript');
  const voiceSegments = audio.separation === 'mono' ? [] : audio.speakers.flatMap((s) => s.segments.map((x) => ({ speaker: s.speaker as 'agent' | 'customer', ...x })));
  const analysis = buildAudioOnlyAnalysis({ language: input.language, segments: voiceSegments, durationSec: audio.durationSec, tone, callType: input.callType });
  if (audio.separation === 'mono') analysis.notices.push(MONO_NOTICE[input.language]);
  return { kind: 'audio_only', analysis, audio };
}

async function readCache(file: string): Promise<AudioAnalysis | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as AudioAnalysis;
  } catch {
    return null;
  }
}
