import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language, Transcript } from '../analysis/index.ts';
import { renderCall, type RenderLine, type RenderedSegment } from '../audio/index.ts';
import { importTranscript } from './transcript/index.ts';

/** The sample call transcripts shipped in the repository (samples/calls). */
export const SAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples/calls');

export interface SampleCall {
  /** File name without extension, e.g. 'he-phone-sale-poor'. */
  name: string;
  language: Language;
  /** 'poor' samples are rendered with a hesitant agent voice, 'good' ones with a confident one. */
  quality: 'good' | 'poor' | 'neutral';
  transcript: Transcript;
}

export function listSamples(dir = SAMPLES_DIR): SampleCall[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(txt|srt|vtt|json)$/.test(f))
    .sort()
    .map((f) => {
      const name = f.replace(/\.[^.]+$/, '');
      const transcript = importTranscript(readFileSync(path.join(dir, f), 'utf8'), { fileName: f });
      return { name, language: transcript.language, quality: /poor/.test(name) ? 'poor' : /good/.test(name) ? 'good' : 'neutral', transcript };
    });
}

export interface RenderedSample {
  wav: string;
  /** The sample's transcript re-timed to the rendered audio (so clicking a quote plays that moment). */
  transcript: Transcript;
}

/**
 * Renders a sample with espeak-ng (agent left, customer right; two voices), caching the WAV and its timing
 * in `outDir`. Never downloads anything.
 */
export async function renderSample(s: SampleCall, outDir: string): Promise<RenderedSample> {
  await mkdir(outDir, { recursive: true });
  const wav = path.join(outDir, `${s.name}.wav`);
  const meta = path.join(outDir, `${s.name}.json`);
  const texts = s.transcript.segments.map((x) => x.text);
  let segments: RenderedSegment[] | null = null;
  if (existsSync(wav) && existsSync(meta)) {
    const cached = JSON.parse(await readFile(meta, 'utf8')) as { texts?: string[]; segments: RenderedSegment[] };
    // a sample edited since it was rendered is rendered again
    if (cached.texts && cached.texts.length === texts.length && cached.texts.every((t, i) => t === texts[i])) segments = cached.segments;
  }
  if (!segments) {
    const style: RenderLine['style'] = s.quality === 'poor' ? 'hesitant' : s.quality === 'good' ? 'confident' : 'neutral';
    const lines: RenderLine[] = s.transcript.segments.map((x) => ({ speaker: x.speaker, text: x.text, style: x.speaker === 'agent' ? style : 'neutral' }));
    const r = await renderCall(lines, { language: s.language, out: wav, stereo: true });
    segments = r.segments;
    await writeFile(meta, JSON.stringify({ name: s.name, durationSec: r.durationSec, texts, segments }, null, 1));
  }
  const timing: RenderedSegment[] = segments;
  const transcript: Transcript = {
    ...s.transcript,
    // the rendered audio gives true start and end times, so pause and patience checks apply
    segments: s.transcript.segments.map((x, i) => ({ ...x, startSec: timing[i].startSec, endSec: timing[i].endSec, estimated: false, endEstimated: false })),
  };
  return { wav, transcript };
}
