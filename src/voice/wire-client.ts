/**
 * A Node client of the simulation WebSocket protocol (what the browser page does, minus the microphone):
 * used by the integration tests, the benchmark and scripted sessions. Decodes every server message with the
 * shared schema and timestamps customer audio frames as they arrive.
 */
import WebSocket from 'ws';
import { decodeServerMessage, type ClientMessageInput, type ServerMessage } from './protocol.ts';
import { pcm16Bytes } from './audio.ts';

type Of<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

export class WireClient {
  readonly messages: ServerMessage[] = [];
  /** Customer audio frames: arrival time (performance.now()) and size. */
  readonly audio: Array<{ at: number; bytes: number }> = [];
  /** Frames that did not decode as a server message (should stay empty). */
  readonly invalid: string[] = [];
  private readonly listeners = new Set<(m: ServerMessage) => void>();
  private readonly audioListeners = new Set<(bytes: Uint8Array, at: number) => void>();
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data, isBinary) => {
      const at = performance.now();
      const buf = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
      if (isBinary) {
        this.audio.push({ at, bytes: buf.byteLength });
        for (const l of this.audioListeners) l(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), at);
        return;
      }
      const m = decodeServerMessage(buf.toString());
      if (!m) {
        this.invalid.push(buf.toString());
        return;
      }
      this.messages.push(m);
      for (const l of this.listeners) l(m);
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Opens the socket; rejects with the HTTP status when the upgrade is refused. */
  static connect(url: string, cookie?: string): Promise<WireClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers: cookie ? { cookie } : {}, perMessageDeflate: false });
      ws.once('open', () => resolve(new WireClient(ws)));
      ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode })));
      ws.once('error', reject);
    });
  }

  send(msg: ClientMessageInput): void {
    this.ws.send(JSON.stringify(msg));
  }

  sendRaw(text: string): void {
    this.ws.send(text);
  }

  sendAudio(pcm: Int16Array | Uint8Array): void {
    this.ws.send(pcm instanceof Int16Array ? pcm16Bytes(pcm) : pcm, { binary: true });
  }

  onMessage(l: (m: ServerMessage) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  onAudio(l: (bytes: Uint8Array, at: number) => void): () => void {
    this.audioListeners.add(l);
    return () => this.audioListeners.delete(l);
  }

  of<T extends ServerMessage['type']>(type: T): Of<T>[] {
    return this.messages.filter((m) => m.type === type) as Of<T>[];
  }

  /** The first message of `type` matching `pred` (already received or still to come). */
  waitFor<T extends ServerMessage['type']>(type: T, pred: (m: Of<T>) => boolean = () => true, timeoutMs = 15_000): Promise<Of<T>> {
    const hit = this.of(type).find(pred);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timed out waiting for ${type}; got ${this.messages.map((m) => m.type).join(', ')}`));
      }, timeoutMs);
      const off = this.onMessage((m) => {
        if (m.type === type && pred(m as Of<T>)) {
          clearTimeout(timer);
          off();
          resolve(m as Of<T>);
        }
      });
    });
  }

  close(code = 1000): Promise<{ code: number; reason: string }> {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(code);
    return this.closed;
  }
}
