/**
 * Call recording: the agent's and the customer's audio as two time-aligned mono WAV tracks (PCM16 24 kHz)
 * under DATA_DIR/simulations/<id>/, written as the call runs (asynchronously, about once a second). The header
 * carries "unknown length" until the call ends, so a file left by a killed server still decodes; customer audio
 * the agent cut off (barge-in) is removed from the customer track.
 */
import { openSync, closeSync, fstatSync, existsSync, createReadStream } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { EngineEvent } from './engine.ts';
import type { SessionTap } from './session.ts';
import { pcm16Bytes } from './audio.ts';

const RATE = 24_000;
const HEADER = 44;
/** Buffered audio is written once it reaches this size (~0.7 s), or after `flushMs`. */
const FLUSH_BYTES = 32 * 1024;

export type TrackName = 'agent' | 'customer';
export const TRACKS: readonly TrackName[] = ['agent', 'customer'];

/** The directory holding one simulation's recordings. */
export const recordingDir = (dataDir: string, simulationId: string): string => path.join(dataDir, 'simulations', simulationId);
export const trackPath = (dataDir: string, simulationId: string, track: TrackName): string => path.join(recordingDir(dataDir, simulationId), `${track}.wav`);

/** A 44-byte PCM16 mono WAV header; `dataBytes` null = unknown length (streaming). */
export function wavHeader(dataBytes: number | null, sampleRate = RATE): Uint8Array {
  const out = new Uint8Array(HEADER);
  const dv = new DataView(out.buffer);
  const w = (o: number, s: string) => [...s].forEach((ch, i) => (out[o + i] = ch.charCodeAt(0)));
  w(0, 'RIFF');
  dv.setUint32(4, dataBytes === null ? 0xffffffff : 36 + dataBytes, true);
  w(8, 'WAVE');
  w(12, 'fmt ');
  dv.setUint32(16, 16, true);
  dv.setUint16(20, 1, true);
  dv.setUint16(22, 1, true);
  dv.setUint32(24, sampleRate, true);
  dv.setUint32(28, sampleRate * 2, true);
  dv.setUint16(32, 2, true);
  dv.setUint16(34, 16, true);
  w(36, 'data');
  dv.setUint32(40, dataBytes === null ? 0xffffffff : dataBytes, true);
  return out;
}

/**
 * Staging buffers shared by every track: a live server records two tracks per call, and a fresh 32 KB buffer
 * per flush for each of them is external memory that makes V8 run full collections twice a second at 100 calls
 * (each one a pause for every call's audio). A buffer goes back here once its write has reached the disk.
 */
const stagePool: Buffer[] = [];
const STAGE_POOL_MAX = 256; // 8 MB at most kept for reuse
const takeStage = (): Buffer => stagePool.pop() ?? Buffer.allocUnsafe(FLUSH_BYTES);
const giveStage = (b: Buffer): void => {
  if (stagePool.length < STAGE_POOL_MAX) stagePool.push(b);
};

/**
 * One mono track written at session-clock positions. Audio is buffered and written asynchronously about once a
 * second (or every 32 KB), so no disk call ever runs on the event loop of a live call; a killed server loses at
 * most that last second. File operations run one after another in the order they were asked for. Silence
 * between pieces of audio is never written: the write position skips ahead and the file system fills the gap
 * with zeros (a sparse file); closing sets the final length.
 */
export class WavTrackWriter {
  private fh: FileHandle | null = null;
  private chain: Promise<void>;
  /** Samples accepted so far (= the write position). */
  private cursor = 0;
  /**
   * Samples handed to the disk chain (or skipped as silence); the staging buffer holds cursor − onDisk samples.
   * Audio is copied into a pooled buffer rather than kept as the session's own frames: those die young instead
   * of outliving two young-generation collections.
   */
  private onDisk = 0;
  private stage: Buffer | null = null;
  private pendingBytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private broken = false;
  private closed = false;

  /** `resume`: a call taken over from another node goes on in the file it left (same session clock), not over it. */
  constructor(readonly file: string, private readonly flushMs = 1000, resume = false) {
    this.chain = (async () => {
      await mkdir(path.dirname(file), { recursive: true });
      this.fh = await open(file, resume && existsSync(file) ? 'r+' : 'w');
      await this.fh.write(wavHeader(null), 0, HEADER, 0);
    })().catch(() => {
      this.broken = true; // no recording, but the call goes on
    });
  }

  /** Duration written so far (ms). */
  get durationMs(): number {
    return (this.cursor / RATE) * 1000;
  }

  /** Append samples; when `atMs` lies past the end, silence fills the gap first. */
  write(pcm: Int16Array, atMs?: number): void {
    if (this.closed || this.broken) return;
    if (atMs !== undefined) this.skipTo(Math.round((atMs * RATE) / 1000));
    this.hold(pcm16Bytes(pcm));
  }

  /** Cut the track back to `ms` (audio after it was never heard). */
  truncateTo(ms: number): void {
    if (this.closed || this.broken) return;
    const at = Math.max(0, Math.round((ms * RATE) / 1000));
    if (at >= this.cursor) return;
    if (at >= this.onDisk) {
      // still in memory: drop the tail of the staged audio
      this.pendingBytes = (at - this.onDisk) * 2;
    } else {
      if (this.stage) giveStage(this.stage);
      this.stage = null;
      this.pendingBytes = 0;
      this.onDisk = at;
      this.enqueue((fh) => fh.truncate(HEADER + at * 2));
    }
    this.cursor = at;
  }

  /** Writes what is buffered; resolves when it is on disk. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const stage = this.stage;
    this.stage = null;
    if (stage && this.pendingBytes > 0) {
      const n = this.pendingBytes;
      const at = HEADER + this.onDisk * 2;
      this.onDisk = this.cursor;
      this.pendingBytes = 0;
      this.enqueue(
        (fh) => fh.write(stage, 0, n, at),
        () => giveStage(stage),
      );
    } else if (stage) giveStage(stage);
    return this.chain;
  }

  /** Flushes, sets the final length, writes the final header and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return this.chain;
    void this.flush();
    this.closed = true;
    const samples = this.cursor;
    this.enqueue(async (fh) => {
      try {
        await fh.truncate(HEADER + samples * 2); // a track ending in silence: the skipped tail becomes zeros
        await fh.write(wavHeader(samples * 2), 0, HEADER, 0);
      } finally {
        await fh.close();
        this.fh = null;
      }
    });
    return this.chain;
  }

  /** Copies PCM16 bytes to the write position and advances it (in pieces of the staging buffer's size). */
  private hold(bytes: Uint8Array): void {
    let from = 0;
    while (from < bytes.byteLength) {
      this.stage ??= takeStage();
      const n = Math.min(bytes.byteLength - from, this.stage.byteLength - this.pendingBytes);
      this.stage.set(bytes.subarray(from, from + n), this.pendingBytes);
      this.pendingBytes += n;
      this.cursor += n / 2;
      from += n;
      if (this.pendingBytes >= this.stage.byteLength) void this.flush();
    }
    if (this.stage) this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
  }

  /** Silence up to `sample`: what is staged goes to disk, then the write position skips ahead. */
  private skipTo(sample: number): void {
    if (sample <= this.cursor) return;
    void this.flush();
    this.cursor = sample;
    this.onDisk = sample;
  }

  /** Runs `op` on the file after everything queued before it; `done` runs once it has finished either way. */
  private enqueue(op: (fh: FileHandle) => Promise<unknown>, done?: () => void): void {
    this.chain = this.chain
      .then(() => (this.fh && !this.broken ? op(this.fh) : undefined))
      .then(
        () => undefined,
        () => {
          this.broken = true; // a full disk must not end the call; the recording just stops growing
        },
      )
      .finally(done);
  }
}

/**
 * The recorder tap. Agent audio arrives in real time and is appended (silence fills real gaps, e.g. a muted
 * microphone); customer audio arrives faster than real time, so each reply is placed where its playback
 * starts (after the previous reply) and cut back to the barge-in moment when the agent talks over it.
 */
export class SessionRecorder implements SessionTap {
  readonly agent: WavTrackWriter;
  readonly customer: WavTrackWriter;
  private currentItem: string | null = null;
  private itemStartMs = 0;

  /** `resume`: the call was taken over from another node sharing DATA_DIR; its tracks go on where they were. */
  constructor(dataDir: string, simulationId: string, opts: { resume?: boolean } = {}) {
    this.agent = new WavTrackWriter(trackPath(dataDir, simulationId, 'agent'), 1000, opts.resume);
    this.customer = new WavTrackWriter(trackPath(dataDir, simulationId, 'customer'), 1000, opts.resume);
  }

  onAgentAudio(pcm: Int16Array, atMs: number): void {
    const frameMs = (pcm.length / RATE) * 1000;
    const start = atMs - frameMs;
    // jitter of a few frames is normal; only a real gap (>0.5 s) becomes silence
    this.agent.write(pcm, start > this.agent.durationMs + 500 ? start : undefined);
  }

  onCustomerAudio(pcm: Int16Array, itemId: string, atMs: number): void {
    if (itemId !== this.currentItem) {
      this.currentItem = itemId;
      this.itemStartMs = Math.max(this.customer.durationMs, atMs);
      this.customer.write(pcm, this.itemStartMs);
      return;
    }
    this.customer.write(pcm);
  }

  onEngineEvent(e: EngineEvent): void {
    if (e.type === 'barge_in' && e.itemId === this.currentItem) this.customer.truncateTo(Math.max(this.itemStartMs, e.atMs));
  }

  /** Writes what is buffered (tests, and a caller that wants the file current). */
  flush(): Promise<void> {
    return Promise.all([this.agent.flush(), this.customer.flush()]).then(() => undefined);
  }

  async onEnd(): Promise<void> {
    await Promise.all([this.agent.close(), this.customer.close()]);
  }
}

/** Size in bytes of a recorded track's audio data, or null when it does not exist. */
export function trackDataBytes(file: string): number | null {
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  try {
    return Math.max(0, fstatSync(fd).size - HEADER);
  } finally {
    closeSync(fd);
  }
}

/** A track as a downloadable WAV stream with a correct header (also for a call still running or cut by a crash). */
export async function* readTrackWav(file: string): AsyncGenerator<Uint8Array> {
  const bytes = trackDataBytes(file);
  if (bytes === null) return;
  const data = bytes - (bytes % 2);
  yield wavHeader(data);
  if (data === 0) return;
  for await (const chunk of createReadStream(file, { start: HEADER, end: HEADER + data - 1, highWaterMark: 64 * 1024 })) yield chunk as Uint8Array;
}

/** Both tracks mixed into one mono WAV stream (what the call sounded like), chunk by chunk. */
export async function* readMixedWav(agentFile: string, customerFile: string): AsyncGenerator<Uint8Array> {
  const a = trackDataBytes(agentFile) ?? 0;
  const c = trackDataBytes(customerFile) ?? 0;
  const data = Math.max(a, c) - (Math.max(a, c) % 2);
  yield wavHeader(data);
  if (data === 0) return;
  const open = (f: string, n: number) => (n > 0 ? createReadStream(f, { start: HEADER, end: HEADER + n - 1, highWaterMark: 64 * 1024 })[Symbol.asyncIterator]() : null);
  const ia = open(agentFile, a - (a % 2));
  const ic = open(customerFile, c - (c % 2));
  let bufA: Uint8Array = new Uint8Array(0);
  let bufC: Uint8Array = new Uint8Array(0);
  let doneA = !ia;
  let doneC = !ic;
  const more = async (it: AsyncIterator<unknown> | null, buf: Uint8Array): Promise<[Uint8Array, boolean]> => {
    const r = await it!.next();
    if (r.done) return [buf, true];
    const chunk = r.value as Uint8Array;
    const joined = new Uint8Array(buf.length + chunk.length);
    joined.set(buf);
    joined.set(chunk, buf.length);
    return [joined, false];
  };
  while (!doneA || !doneC || bufA.length || bufC.length) {
    if (!doneA && bufA.length < 64 * 1024) [bufA, doneA] = await more(ia, bufA);
    if (!doneC && bufC.length < 64 * 1024) [bufC, doneC] = await more(ic, bufC);
    // mix what both sides have; a side that has ended counts as silence
    const n = Math.min(doneA ? Infinity : bufA.length, doneC ? Infinity : bufC.length, Math.max(bufA.length, bufC.length)) & ~1;
    if (n === 0 || n === Infinity) {
      if (doneA && doneC) break;
      continue;
    }
    const out = new Int16Array(n / 2);
    const va = new DataView(bufA.buffer, bufA.byteOffset, bufA.byteLength);
    const vc = new DataView(bufC.buffer, bufC.byteOffset, bufC.byteLength);
    for (let i = 0; i < out.length; i++) {
      const x = (i * 2 < bufA.length ? va.getInt16(i * 2, true) : 0) + (i * 2 < bufC.length ? vc.getInt16(i * 2, true) : 0);
      out[i] = Math.max(-32768, Math.min(32767, x));
    }
    bufA = bufA.subarray(Math.min(n, bufA.length));
    bufC = bufC.subarray(Math.min(n, bufC.length));
    yield pcm16Bytes(out);
  }
}
