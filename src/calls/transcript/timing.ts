import { countWords, type Language } from '../../analysis/index.ts';
import type { RawSegment } from './raw.ts';

/** Speaking rate used to estimate missing times (Hebrew words carry clitics, so fewer per second). */
export const ESTIMATE_WORDS_PER_SEC: Record<Language, number> = { he: 2.2, en: 2.5 };
/** Pause assumed between estimated turns, seconds. */
export const ESTIMATE_GAP_SEC = 0.5;

export interface TimedSegment extends RawSegment {
  startSec: number;
  endSec: number;
  estimated: boolean;
  /** The end time was computed, not read. */
  endEstimated: boolean;
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Fill missing start/end times. Known starts are kept; a run of segments without times is spread between
 * its known neighbours in proportion to word counts (or at the estimated speaking rate at the edges).
 */
export function fillTimes(segs: RawSegment[], lang: Language): TimedSegment[] {
  const wps = ESTIMATE_WORDS_PER_SEC[lang];
  const dur = (s: RawSegment) => Math.max(0.6, countWords(s.text) / wps);
  const out: TimedSegment[] = segs.map((s) => ({ ...s, startSec: s.startSec ?? NaN, endSec: s.endSec ?? NaN, estimated: s.startSec === undefined, endEstimated: s.endSec === undefined }));
  let i = 0;
  while (i < out.length) {
    if (!Number.isNaN(out[i].startSec)) {
      i++;
      continue;
    }
    let j = i;
    while (j < out.length && Number.isNaN(out[j].startSec)) j++;
    const from = i === 0 ? 0 : endOrEstimate(out[i - 1], dur) + ESTIMATE_GAP_SEC;
    const natural = out.slice(i, j).reduce((a, s) => a + dur(s) + ESTIMATE_GAP_SEC, 0);
    const room = j < out.length ? out[j].startSec - from : natural;
    const scale = room > 0 && j < out.length ? Math.min(1, room / natural) : 1;
    let t = i === 0 && j < out.length && room < natural ? Math.max(0, out[j].startSec - natural) : from;
    for (let k = i; k < j; k++) {
      out[k].startSec = round(t);
      t += (dur(out[k]) + ESTIMATE_GAP_SEC) * scale;
    }
    i = j;
  }
  for (let k = 0; k < out.length; k++) {
    const s = out[k];
    if (Number.isNaN(s.endSec) || s.endSec < s.startSec) {
      const next = out[k + 1]?.startSec;
      const natural = s.startSec + dur(s);
      s.endSec = round(next !== undefined && next > s.startSec ? Math.min(natural, next) : natural);
      if (s.endSec === s.startSec) s.endSec = round(s.startSec + 0.3);
    }
  }
  return out;
}

function endOrEstimate(s: TimedSegment, dur: (s: RawSegment) => number): number {
  return Number.isNaN(s.endSec) ? s.startSec + dur(s) : s.endSec;
}
