/**
 * A Node client of the observer socket (what the manager's live page does, minus the speakers): collects the live
 * events and the audio frames by track. Used by the live tests, the bench and the cluster harness.
 */
import WebSocket from 'ws';
import { audioChunks, decodeObserverEvent, type ObserverEvent, type ObserverEventOf } from '../live/index.ts';

export class ObserverClient {
  readonly events: ObserverEvent[] = [];
  /** Text frames that were not valid observer events (should stay empty). */
  readonly invalid: string[] = [];
  readonly audio = { agent: 0, customer: 0, agentBytes: 0, customerBytes: 0 };
  /** Receive time (performance.now()) of each event, by index in `events`. */
  readonly receivedAt: number[] = [];
  private listeners = new Set<() => void>();
  closed: { code: number; reason: string } | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) {
        for (const c of audioChunks(data)) {
          this.audio[c.track]++;
          this.audio[`${c.track}Bytes`] += c.pcm.length;
        }
      } else {
        const e = decodeObserverEvent(data.toString());
        if (e) {
          this.events.push(e);
          this.receivedAt.push(performance.now());
        } else this.invalid.push(data.toString());
      }
      for (const l of this.listeners) l();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      for (const l of this.listeners) l();
    });
  }

  /** Opens the socket; rejects with the HTTP status when the upgrade is refused. */
  static connect(url: string, cookie?: string, origin?: string): Promise<ObserverClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) }, perMessageDeflate: false });
      ws.once('open', () => resolve(new ObserverClient(ws)));
      ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { statusCode: res.statusCode })));
      ws.once('error', reject);
    });
  }

  of<T extends ObserverEvent['type']>(type: T): ObserverEventOf<T>[] {
    return this.events.filter((e): e is ObserverEventOf<T> => e.type === type);
  }

  waitFor<T extends ObserverEvent['type']>(type: T, pred: (e: ObserverEventOf<T>) => boolean = () => true, timeoutMs = 15_000): Promise<ObserverEventOf<T>> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.of(type).find(pred);
        if (hit) {
          done();
          resolve(hit);
        } else if (this.closed && type !== 'status') {
          done();
          reject(new Error(`observer socket closed (${this.closed.code}) before a "${type}" event`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no "${type}" event within ${timeoutMs} ms; got ${this.events.map((e) => e.type).join(', ')}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  whisper(text: string): void {
    this.ws.send(JSON.stringify({ type: 'whisper', text }));
  }

  sendRaw(text: string): void {
    this.ws.send(text);
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close(1000);
    });
  }
}
