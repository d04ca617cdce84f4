/**
 * Cost of the live coaching layer: CPU ms per second of call audio for one session (tracker + prosody + emotion
 * + difficulty + coach), fed real-time-sized 20 ms frames of speech-like audio and a turn every few seconds,
 * beside the same loop without the layer.
 */
import { cpuUsage } from 'node:process';
import { LiveCoaching } from './live.ts';
import { GOOD_HE, timed } from './testdata/scripts.ts';

/** Shape-compatible with BenchResult in src/cli/bench.ts (kept structural: cli imports domains, not the reverse). */
export interface CoachingBenchResult {
  section: string;
  name: string;
  unit: string;
  median?: number;
  p95?: number;
  value?: number;
  target?: string;
  pass?: boolean;
  baseline?: { name: string; median?: number; value?: number };
  ratio?: number;
  samples?: number;
  notes?: string;
}

const RATE = 24_000;
const FRAME = 480; // 20 ms

/** Deterministic speech-like PCM: a 110–130 Hz voice with ~4.5 syllables/s, phrase pauses, and silence gaps. */
export function syntheticSpeech(seconds: number, seed = 1): Int16Array {
  const out = new Int16Array(Math.round(seconds * RATE));
  let phase = 0;
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE;
    const inPhrase = t % 4 < 3.2; // 3.2 s phrase, 0.8 s pause
    const f0 = 110 + 20 * Math.sin(2 * Math.PI * 0.3 * t);
    phase += (2 * Math.PI * f0) / RATE;
    const syl = Math.max(0, Math.sin(2 * Math.PI * 4.5 * t)) ** 2;
    const voice = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase);
    const noise = (rnd() - 0.5) * 60;
    out[i] = Math.round((inPhrase ? voice * syl * 6000 : 0) + noise);
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** One simulated call through the live layer (or only the frame loop when `withLayer` is false); CPU ms. */
function runOnce(audio: Int16Array, withLayer: boolean): number {
  const turns = timed(GOOD_HE);
  const live = new LiveCoaching({ language: 'he', level: 'intermediate', emit: () => undefined });
  let next = 0;
  let sink = 0;
  const start = cpuUsage();
  for (let off = 0, ms = 0; off + FRAME <= audio.length; off += FRAME, ms += 20) {
    const frame = audio.subarray(off, off + FRAME);
    if (!withLayer) {
      sink += frame[0];
      continue;
    }
    const cur = turns.find((t) => t.startMs <= ms && ms < t.endMs);
    if (cur?.speaker === 'customer') live.customerAudio(frame);
    // The microphone keeps streaming while the customer talks: room noise then.
    live.agentAudio(cur?.speaker === 'agent' ? frame : roomNoise, ms);
    while (next < turns.length && turns[next].endMs <= ms) {
      const t = turns[next++];
      live.update({ type: 'turn', ...t });
    }
    if (ms % 1000 === 0) live.tick(ms);
  }
  const u = cpuUsage(start);
  if (sink === 0.5) console.log(sink);
  return (u.user + u.system) / 1000;
}
const roomNoise = Int16Array.from({ length: FRAME }, (_, i) => ((i * 7919) % 61) - 30);

/** `npm run bench` section: CPU ms per audio second for the live layer, beside the loop without it. */
export async function benchCoaching(opts: { quick: boolean } = { quick: false }): Promise<CoachingBenchResult[]> {
  const seconds = 120;
  const audio = syntheticSpeech(seconds);
  const runs = opts.quick ? 3 : 7;
  runOnce(audio, true); // warm up the JIT
  const withLayer: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < runs; i++) {
    without.push(runOnce(audio, false) / seconds);
    withLayer.push(runOnce(audio, true) / seconds);
  }
  const m = median(withLayer);
  const b = median(without);
  return [
    {
      section: 'coaching',
      name: 'live layer CPU per audio second',
      unit: 'ms',
      median: round(m),
      p95: round(Math.max(...withLayer)),
      target: '≤ 2 ms CPU per second of audio per session',
      pass: m <= 2,
      baseline: { name: 'frame loop without the layer', median: round(b) },
      ratio: b > 0 ? round(m / b) : undefined,
      samples: runs,
      notes: `${seconds} s call, 20 ms frames at 24 kHz, ${timed(GOOD_HE).length} turns, metrics every second`,
    },
  ];
}

const round = (n: number) => Math.round(n * 1000) / 1000;
