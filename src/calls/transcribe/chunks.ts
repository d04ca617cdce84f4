/** A stretch of audio to send in one request: [startSec, endSec). */
export interface Chunk {
  startSec: number;
  endSec: number;
}

/**
 * Splits [0, durationSec) into chunks no longer than maxSec, cutting in the middle of the longest silence
 * found in the last quarter of each chunk (so no word is cut in two); hard cut when there is no silence.
 */
export function planChunks(durationSec: number, maxSec: number, speech: Chunk[] = []): Chunk[] {
  const out: Chunk[] = [];
  let start = 0;
  while (durationSec - start > maxSec) {
    const hardEnd = start + maxSec;
    const windowStart = start + maxSec * 0.75;
    let best: { mid: number; len: number } | null = null;
    // silences = gaps between speech stretches (and before the first)
    let prevEnd = 0;
    for (const s of speech) {
      const gapStart = Math.max(prevEnd, windowStart);
      const gapEnd = Math.min(s.startSec, hardEnd);
      if (gapEnd - gapStart > 0.05 && (!best || gapEnd - gapStart > best.len)) best = { mid: (gapStart + gapEnd) / 2, len: gapEnd - gapStart };
      prevEnd = Math.max(prevEnd, s.endSec);
      if (s.startSec > hardEnd) break;
    }
    if (prevEnd < hardEnd && hardEnd - Math.max(prevEnd, windowStart) > (best?.len ?? 0.05)) {
      const a = Math.max(prevEnd, windowStart);
      best = { mid: (a + hardEnd) / 2, len: hardEnd - a };
    }
    const end = best ? best.mid : hardEnd;
    out.push({ startSec: r3(start), endSec: r3(end) });
    start = end;
  }
  out.push({ startSec: r3(start), endSec: r3(durationSec) });
  return out;
}

/**
 * Groups VAD speech stretches into utterances for models that return no timestamps: consecutive stretches
 * closer than `joinGapSec` join, up to maxSec; each becomes one request whose text gets the group's times.
 */
export function groupUtterances(speech: Chunk[], maxSec = 30, joinGapSec = 0.8): Chunk[] {
  const out: Chunk[] = [];
  for (const s of speech) {
    const last = out.at(-1);
    if (last && s.startSec - last.endSec < joinGapSec && s.endSec - last.startSec <= maxSec) last.endSec = s.endSec;
    else if (s.endSec - s.startSec > maxSec) {
      for (let t = s.startSec; t < s.endSec; t += maxSec) out.push({ startSec: t, endSec: Math.min(s.endSec, t + maxSec) });
    } else out.push({ ...s });
  }
  return out.map((c) => ({ startSec: r3(Math.max(0, c.startSec - 0.1)), endSec: r3(c.endSec + 0.1) }));
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
