import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Analyzer, CallType, Language, Transcript } from '../analysis/index.ts';
import { normalizeAudio, probeAudio, type AudioAnalysis } from '../audio/index.ts';
import type { Config } from '../config/index.ts';
import { importTranscript } from './transcript/index.ts';
import { callAnalyzerFromConfig } from './analyzer.ts';
import { transcriberFromConfig } from './transcribe/index.ts';
import { runPipeline, type CallReport, type Stage } from './pipeline.ts';

export interface RecordingOptions {
  agentName?: string;
  language?: Language;
  callType?: CallType;
  /** A transcript of the same call (any import format). */
  transcriptFile?: string;
  /** Which stereo channel is the agent (default left); 'mixed' treats a stereo file as mono. */
  channelMap?: 'left_agent' | 'right_agent' | 'mixed';
  analyzer?: Analyzer;
  onStage?: (stage: Stage, overall: number) => void;
}

/**
 * `salesgym analyze <audio>`: the upload pipeline without the database — convert, tone, transcription when
 * configured (else the audio-only report), analysis. Throws AppError BAD_FILE with a one-line reason.
 */
export async function analyzeRecordingFile(file: string, config: Config, opts: RecordingOptions = {}): Promise<CallReport> {
  const work = await mkdtemp(path.join(tmpdir(), 'salesgym-analyze-'));
  try {
    const probe = await probeAudio(file);
    const norm = await normalizeAudio(file, work, { probe });
    const transcript: Transcript | null = opts.transcriptFile
      ? importTranscript(await readFile(opts.transcriptFile, 'utf8'), { agentName: opts.agentName, language: opts.language, fileName: path.basename(opts.transcriptFile) })
      : null;
    const stereo = norm.channelPaths && opts.channelMap !== 'mixed' ? norm.channelPaths : null;
    return await runPipeline(
      {
        audio: {
          original: file,
          mono: norm.monoPath,
          channels: stereo,
          agentChannel: opts.channelMap === 'right_agent' ? 1 : 0,
          playback: path.join(work, 'playback.mp3'),
          analysisCache: path.join(work, 'audio-analysis.json'),
          sourceChannels: probe.channels,
        },
        transcript,
        language: opts.language ?? transcript?.language ?? 'he',
        callType: opts.callType,
        agentLabel: opts.agentName,
      },
      { analyzer: opts.analyzer ?? callAnalyzerFromConfig(config), transcriber: transcriberFromConfig(config) },
      { progress: opts.onStage, skipPlayback: true },
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Plain-text lines about what the audio told (for the CLI's readable report). */
export function describeAudio(a: AudioAnalysis, lang: Language): string[] {
  const he = lang === 'he';
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const out: string[] = [];
  out.push(he ? `משך: ${a.durationSec.toFixed(0)} שניות, דיבור ${pct(1 - a.voiceActivity.silenceRatio)} מהזמן` : `Duration: ${a.durationSec.toFixed(0)} s, speech ${pct(1 - a.voiceActivity.silenceRatio)} of the time`);
  if (a.talk) {
    out.push(he ? `חלק הנציג בדיבור: ${pct(a.talk.talkRatioAgent)} (מומלץ כ-43%)` : `Agent talk share: ${pct(a.talk.talkRatioAgent)} (top reps ≈ 43%)`);
    out.push(he ? `המונולוג הארוך של הנציג: ${a.talk.longestAgentMonologueSec.toFixed(0)} ש׳, החלפות דובר לדקה: ${a.talk.interactivityPerMin}` : `Longest agent monologue: ${a.talk.longestAgentMonologueSec.toFixed(0)} s, speaker switches/min: ${a.talk.interactivityPerMin}`);
  }
  for (const s of a.speakers) {
    const who = s.speaker === 'agent' ? (he ? 'נציג' : 'Agent') : s.speaker === 'customer' ? (he ? 'לקוח' : 'Customer') : he ? 'כל השיחה' : 'Whole call';
    const t = s.tone;
    out.push(
      `${who}: ${he ? 'ביטחון בקול' : 'voice confidence'} ${t.confidence.toFixed(2)}${t.reliable ? '' : he ? ' (מעט דיבור)' : ' (little speech)'} — ` +
        `${t.syllablesPerSec} ${he ? 'הברות/ש׳' : 'syll/s'}, ${he ? 'הפסקות' : 'pauses'} ${pct(t.pauseRatio)}, ${he ? 'היסוסים/דקה' : 'hesitations/min'} ${t.hesitationsPerMin}, ${he ? 'גובה' : 'pitch'} ${t.pitchMedianHz} Hz ±${t.pitchVariabilitySt} st`,
    );
  }
  return out;
}
