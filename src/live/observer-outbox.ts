/**
 * What waits to go out to one observer's browser. Bounded: a slow or stalled manager's connection never slows the
 * call nor grows the server's memory. Sending stops while `maxInflightBytes` are written but not yet flushed to
 * the socket; the queue holds at most `maxItems`. When it is full, audio goes first (the newest frame is not
 * queued, or the oldest queued frame makes room for an event), then events are coalesced (a newer partial
 * transcript of the same turn, metrics or mood replaces the queued one); only then is an event dropped.
 * Every loss is counted.
 *
 * Audio is sent in batches: frames of both tracks gather for up to `audioBatchMs` (default 60 ms) and go as one
 * binary message of chunks (wire: src/live/wire.ts) — a third of the socket writes, for a listener who does not
 * notice 60 ms. An event seals the batch first, so order is kept.
 */
import { AUDIO_HEADER_BYTES, AUDIO_TRACK_TAG } from './wire.ts';
import type { LiveAudio, LiveEvent } from './types.ts';

/** The part of a WebSocket the outbox uses. */
export interface OutboxSocket {
  readonly readyState: number;
  send(data: string | Buffer, opts: { binary: boolean }, cb: (err?: Error) => void): void;
}

interface Item {
  audio: boolean;
  /** Audio frames in this message (a batch). */
  frames?: number;
  data: string | Buffer;
  /** Events that a newer one of the same key makes stale. */
  key: string | null;
}

export interface OutboxCounters {
  sentEvents: number;
  sentAudio: number;
  droppedAudio: number;
  coalesced: number;
  droppedEvents: number;
}

/** The key under which a newer event replaces an older queued one (null: never replaced). */
export function coalesceKey(e: LiveEvent): string | null {
  if (e.type === 'transcript') {
    const line = e.line as { id?: string; final?: boolean } | undefined;
    return line && !line.final ? `partial:${line.id}` : null;
  }
  if (e.type === 'metrics' || e.type === 'mood' || e.type === 'observers') return e.type;
  return null;
}

export class ObserverOutbox {
  private readonly queue: Item[] = [];
  private inflightBytes = 0;
  private closed = false;
  private batch: Buffer[] = [];
  private batchBytes = 0;
  private batchTimer: NodeJS.Timeout | null = null;
  readonly counters: OutboxCounters = { sentEvents: 0, sentAudio: 0, droppedAudio: 0, coalesced: 0, droppedEvents: 0 };

  constructor(
    private readonly ws: OutboxSocket,
    private readonly opts: { maxItems?: number; maxInflightBytes?: number; audioBatchMs?: number } = {},
  ) {}

  get queued(): number {
    return this.queue.length;
  }

  private get maxItems(): number {
    return this.opts.maxItems ?? 200;
  }

  pushEvent(e: LiveEvent): void {
    if (this.closed) return;
    const key = coalesceKey(e);
    const item: Item = { audio: false, data: JSON.stringify(e), key };
    this.sealBatch();
    if (this.queue.length >= this.maxItems && !this.makeRoomFor(item)) return;
    this.queue.push(item);
    this.flush();
  }

  pushAudio(a: LiveAudio): void {
    if (this.closed) return;
    if (this.queue.length >= this.maxItems) {
      this.counters.droppedAudio++;
      return;
    }
    const chunk = Buffer.allocUnsafe(AUDIO_HEADER_BYTES + a.pcm.length);
    chunk[0] = AUDIO_TRACK_TAG[a.track];
    chunk[1] = 0;
    chunk.writeUInt16LE(a.pcm.length, 2);
    a.pcm.copy(chunk, AUDIO_HEADER_BYTES);
    this.batch.push(chunk);
    this.batchBytes += a.pcm.length;
    const batchMs = this.opts.audioBatchMs ?? 60;
    // PCM16 24 kHz mono: 48 bytes a millisecond
    if (this.batchBytes >= batchMs * 48) return this.sealBatch();
    this.batchTimer ??= setTimeout(() => {
      this.batchTimer = null;
      this.sealBatch();
    }, batchMs);
  }

  /** The audio gathered so far becomes one message in the queue. */
  private sealBatch(): void {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    if (this.batch.length === 0) return;
    const frames = this.batch.length;
    const data = frames === 1 ? this.batch[0] : Buffer.concat(this.batch);
    this.batch = [];
    this.batchBytes = 0;
    if (this.closed) return;
    this.queue.push({ audio: true, data, key: null, frames });
    this.flush();
  }

  close(): void {
    this.closed = true;
    this.queue.length = 0;
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    this.batch = [];
  }

  /** The queue is full and `item` is an event: room from audio, then by coalescing; false = `item` dropped. */
  private makeRoomFor(item: Item): boolean {
    const audio = this.queue.findIndex((x) => x.audio);
    if (audio >= 0) {
      const [gone] = this.queue.splice(audio, 1);
      this.counters.droppedAudio += gone.frames ?? 1;
      return true;
    }
    if (item.key) {
      const same = this.queue.findIndex((x) => x.key === item.key);
      if (same >= 0) {
        this.queue.splice(same, 1); // the newer one goes to the end: order of other events is kept
        this.counters.coalesced++;
        return true;
      }
    }
    const stale = this.queue.findIndex((x) => x.key !== null);
    if (stale >= 0) {
      this.queue.splice(stale, 1);
      this.counters.coalesced++;
      return true;
    }
    this.counters.droppedEvents++;
    return false;
  }

  private flush(): void {
    const max = this.opts.maxInflightBytes ?? 256 * 1024;
    while (this.queue.length > 0 && this.inflightBytes < max && !this.closed) {
      if (this.ws.readyState !== 1) return;
      const item = this.queue.shift()!;
      const bytes = typeof item.data === 'string' ? item.data.length * 2 : item.data.length;
      this.inflightBytes += bytes;
      if (item.audio) this.counters.sentAudio += item.frames ?? 1;
      else this.counters.sentEvents++;
      try {
        this.ws.send(item.data, { binary: item.audio }, () => {
          this.inflightBytes -= bytes;
          if (this.queue.length > 0) this.flush();
        });
      } catch {
        this.inflightBytes -= bytes;
      }
    }
  }
}
