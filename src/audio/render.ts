import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '../core/index.ts';
import { run } from './ffmpeg.ts';
import { readWavInfo, wavBlocks, encodeWav } from './wav.ts';

/** One line of a call to speak. `style` changes delivery: hesitant = slow, quiet, broken by pauses. */
export interface RenderLine {
  speaker: 'agent' | 'customer';
  text: string;
  style?: 'confident' | 'neutral' | 'hesitant';
}

export interface RenderedSegment {
  speaker: 'agent' | 'customer';
  startSec: number;
  endSec: number;
  text: string;
}

export interface RenderOptions {
  language: 'he' | 'en';
  out: string;
  /** Agent on the left channel, customer on the right (default); false = one mono mix. */
  stereo?: boolean;
  /** Silence between turns, seconds (default 0.6). */
  gapSec?: number;
}

const VOICES = {
  he: { agent: 'he', customer: 'he+f3' },
  en: { agent: 'en-us', customer: 'en-gb+f3' },
};
const RATE = 22_050;

/**
 * Renders a call with espeak-ng (two different voices) into a WAV, stereo or mono. Returns the true
 * timing of every line, so tests and the demo data know exactly who speaks when. Nothing is downloaded.
 */
export async function renderCall(lines: RenderLine[], opts: RenderOptions): Promise<{ path: string; durationSec: number; segments: RenderedSegment[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sg-render-'));
  try {
    const clips: { speaker: 'agent' | 'customer'; text: string; samples: Int16Array }[] = [];
    let i = 0;
    for (const line of lines) {
      const style = line.style ?? 'neutral';
      // a hesitant speaker breaks at commas with long pauses; others speak each line in one go
      const parts = style === 'hesitant' ? line.text.split(/(?<=[,،])\s*/).filter(Boolean) : [line.text];
      const pieces: Int16Array[] = [];
      for (const [k, part] of parts.entries()) {
        const f = path.join(dir, `${i++}.wav`);
        const speed = style === 'confident' ? 170 : style === 'hesitant' ? 115 : 150;
        const pitch = style === 'hesitant' ? 40 : 50;
        const amp = style === 'hesitant' ? 70 : 110;
        const r = await run('espeak-ng', ['-v', VOICES[opts.language][line.speaker], '-s', String(speed), '-p', String(pitch), '-a', String(amp), '-w', f, part]);
        if (r.code !== 0) throw new AppError('INTERNAL', `espeak-ng failed: ${r.stderr.trim().slice(0, 200)}`);
        const info = await readWavInfo(f);
        if (info.sampleRate !== RATE) throw new AppError('INTERNAL', `espeak-ng produced ${info.sampleRate} Hz audio, expected ${RATE}`);
        const chunks: Int16Array[] = [];
        for await (const b of wavBlocks(f, 1 << 16)) chunks.push(b);
        pieces.push(trimSilence(join(chunks)));
        if (k < parts.length - 1) pieces.push(new Int16Array(Math.round(RATE * 1.1)));
      }
      clips.push({ speaker: line.speaker, text: line.text, samples: join(pieces) });
    }
    const gap = Math.round(RATE * (opts.gapSec ?? 0.6));
    const lead = Math.round(RATE * 0.3);
    const totalSamples = lead + clips.reduce((a, c) => a + c.samples.length + gap, 0);
    const stereo = opts.stereo !== false;
    const out = new Int16Array(totalSamples * (stereo ? 2 : 1));
    const segments: RenderedSegment[] = [];
    let pos = lead;
    for (const c of clips) {
      const ch = c.speaker === 'agent' ? 0 : 1;
      for (let s = 0; s < c.samples.length; s++) {
        if (stereo) out[(pos + s) * 2 + ch] = c.samples[s];
        else out[pos + s] = c.samples[s];
      }
      segments.push({ speaker: c.speaker, startSec: r3(pos / RATE), endSec: r3((pos + c.samples.length) / RATE), text: c.text });
      pos += c.samples.length + gap;
    }
    await writeFile(opts.out, encodeWav(out, RATE, stereo ? 2 : 1));
    return { path: opts.out, durationSec: totalSamples / RATE, segments };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

function join(parts: Int16Array[]): Int16Array {
  const o = new Int16Array(parts.reduce((a, p) => a + p.length, 0));
  let k = 0;
  for (const p of parts) {
    o.set(p, k);
    k += p.length;
  }
  return o;
}

/** Drops leading and trailing near-silence so segment times are the spoken span. */
function trimSilence(s: Int16Array): Int16Array {
  let a = 0;
  let b = s.length;
  while (a < b && Math.abs(s[a]) < 60) a++;
  while (b > a && Math.abs(s[b - 1]) < 60) b--;
  return s.slice(a, b);
}
