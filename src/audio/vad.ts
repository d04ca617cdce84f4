import { FRAME_MS, type Frame } from './frames.ts';

/** A stretch of speech, in seconds from the start. */
export interface SpeechSegment {
  startSec: number;
  endSec: number;
}

export interface VadOptions {
  /** Speech must rise this far above the tracked noise floor (default 12 dB). */
  marginDb?: number;
  /** Never call anything quieter than this speech (default −55 dBFS). */
  absoluteFloorDb?: number;
  /** Silence kept inside a segment before it closes (default 300 ms). */
  hangoverMs?: number;
  /** Loud frames needed to open a segment (default 2, i.e. 40 ms). */
  onsetFrames?: number;
  /** Shorter segments are dropped as clicks (default 100 ms). */
  minSpeechMs?: number;
}

const WINDOW_FRAMES = Math.round(16_000 / FRAME_MS);

/**
 * Energy voice-activity detector. The noise floor is the 5th percentile of the level over the last 16 s
 * (a sliding 1 dB histogram), so it follows a changing line noise without climbing during long speech;
 * onset confirmation and hangover smooth the decisions. Frame by frame: a live stream works like a file.
 */
export class Vad {
  readonly segments: SpeechSegment[] = [];
  private floor = Number.NaN;
  private readonly hist = new Uint16Array(101);
  private readonly ring = new Int8Array(WINDOW_FRAMES);
  private seen = 0;
  private open: { start: number; lastLoud: number } | null = null;
  private onsetRun = 0;
  private onsetStart = 0;
  private readonly o: Required<VadOptions>;

  constructor(opts: VadOptions = {}) {
    this.o = { marginDb: 12, absoluteFloorDb: -55, hangoverMs: 300, onsetFrames: 2, minSpeechMs: 100, ...opts };
  }

  get threshold(): number {
    return Math.max(Number.isNaN(this.floor) ? -100 : this.floor + this.o.marginDb, this.o.absoluteFloorDb);
  }

  /** Feeds one frame; `suppress` forces it to count as non-speech (e.g. the other channel's bleed). Returns whether speech is active. */
  push(f: Frame, suppress = false): boolean {
    this.track(f.db);
    const loud = !suppress && f.db > this.threshold;
    const end = f.tSec + FRAME_MS / 1000;
    if (this.open) {
      if (loud) this.open.lastLoud = end;
      else if (end - this.open.lastLoud > this.o.hangoverMs / 1000) this.close();
      return this.open !== null;
    }
    if (loud) {
      if (this.onsetRun === 0) this.onsetStart = f.tSec;
      this.onsetRun++;
      if (this.onsetRun >= this.o.onsetFrames) {
        this.open = { start: this.onsetStart, lastLoud: end };
        this.onsetRun = 0;
        return true;
      }
    } else this.onsetRun = 0;
    return false;
  }

  private track(db: number) {
    const bin = Math.max(0, Math.min(100, Math.round(-db)));
    const slot = this.seen % WINDOW_FRAMES;
    if (this.seen >= WINDOW_FRAMES) this.hist[this.ring[slot]]--;
    this.ring[slot] = bin;
    this.hist[bin]++;
    this.seen++;
    const n = Math.min(this.seen, WINDOW_FRAMES);
    let want = Math.max(1, Math.floor(n * 0.05));
    // bins are −dB: walk from the quietest (bin 100) up
    for (let b = 100; b >= 0; b--) {
      want -= this.hist[b];
      if (want <= 0) {
        this.floor = -b;
        return;
      }
    }
  }

  /** Closes a segment still open at the end of the audio. */
  finish(): SpeechSegment[] {
    if (this.open) this.close();
    return this.segments;
  }

  private close() {
    const o = this.open!;
    this.open = null;
    if ((o.lastLoud - o.start) * 1000 >= this.o.minSpeechMs) this.segments.push({ startSec: round3(o.start), endSec: round3(o.lastLoud) });
  }
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
