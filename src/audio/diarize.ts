import { FrameAnalyzer, FRAME_MS } from './frames.ts';
import { wavBlocks, readWavInfo } from './wav.ts';

export interface VoiceClusters {
  /** 'A' or 'B' per input span ('A' = the voice heard first). */
  labels: ('A' | 'B')[];
  /** Distance between the two voices' median pitch, semitones (0 when one voice). */
  separationSt: number;
  /** 0..1: how clearly two voices were told apart. */
  confidence: number;
}

/**
 * Tells two voices apart on a mono recording by pitch: a high percentile of F0 in each span (e.g. transcript
 * segments), then two-means clustering in semitones. Voices closer than 2 semitones count as one.
 */
export async function clusterVoices(monoPath: string, spans: { startSec: number; endSec: number }[]): Promise<VoiceClusters> {
  const info = await readWavInfo(monoPath);
  const fa = new FrameAnalyzer(info.sampleRate);
  const order = spans.map((s, i) => ({ ...s, i })).sort((a, b) => a.startSec - b.startSec);
  const pitches: number[][] = spans.map(() => []);
  let k = 0;
  for await (const block of wavBlocks(monoPath, 64_000)) {
    for (const f of fa.push(block)) {
      if (!f.pitchHz) continue;
      const t = f.tSec + FRAME_MS / 2000;
      while (k < order.length && order[k].endSec < t) k++;
      for (let j = k; j < order.length && order[j].startSec <= t; j++) if (t <= order[j].endSec) pitches[order[j].i].push(12 * Math.log2(f.pitchHz / 55));
    }
  }
  // the 70th percentile rather than the median: pitch trackers err an octave down far more often than up
  const med = pitches.map((p) => (p.length >= 5 ? quantile(p, 0.7) : NaN));
  const valid = med.filter((m) => !Number.isNaN(m));
  const first = order.find((s) => !Number.isNaN(med[s.i]));
  if (valid.length < 2 || !first) return { labels: spans.map(() => 'A'), separationSt: 0, confidence: 0.2 };
  let c = [Math.min(...valid), Math.max(...valid)];
  for (let it = 0; it < 20; it++) {
    const g: number[][] = [[], []];
    for (const m of valid) g[Math.abs(m - c[0]) <= Math.abs(m - c[1]) ? 0 : 1].push(m);
    const nc = g.map((x, i) => (x.length ? x.reduce((a, b) => a + b, 0) / x.length : c[i]));
    if (nc[0] === c[0] && nc[1] === c[1]) break;
    c = nc;
  }
  const sep = Math.abs(c[1] - c[0]);
  if (sep < 2) return { labels: spans.map(() => 'A'), separationSt: Math.round(sep * 10) / 10, confidence: 0.3 };
  const firstCluster = Math.abs(med[first.i] - c[0]) <= Math.abs(med[first.i] - c[1]) ? 0 : 1;
  let lastLabel: 'A' | 'B' = 'A';
  const labels = spans.map((_, i) => {
    if (Number.isNaN(med[i])) return lastLabel; // too little voicing: keep the neighbour's voice
    const cl = Math.abs(med[i] - c[0]) <= Math.abs(med[i] - c[1]) ? 0 : 1;
    lastLabel = cl === firstCluster ? 'A' : 'B';
    return lastLabel;
  });
  return { labels, separationSt: Math.round(sep * 10) / 10, confidence: Math.round(Math.min(0.85, 0.4 + 0.08 * (sep - 2)) * 100) / 100 };
}

function quantile(a: number[], q: number): number {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))];
}
