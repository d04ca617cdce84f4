/**
 * The SessionTransport over a browser WebSocket, re-attachable: when the page reloads, the live session keeps
 * its transport and the new socket takes the old one's place. Customer audio is dropped (not queued) while the
 * socket's send buffer is over `maxBufferedBytes`, so a slow client cannot grow server memory.
 */
import type { WebSocket } from 'ws';
import { pcm16Bytes } from './audio.ts';
import type { ServerMessage } from './protocol.ts';
import type { SessionTransport } from './session.ts';

const OPEN = 1;

export class SocketTransport implements SessionTransport {
  private socket: WebSocket | null = null;
  /** Customer audio frames dropped because the client was not reading fast enough, or no page was attached. */
  droppedAudioFrames = 0;

  constructor(private readonly maxBufferedBytes = 1024 * 1024) {}

  get attached(): boolean {
    return this.socket !== null && this.socket.readyState === OPEN;
  }

  /** Route the session's output to `ws` from now on; the previous socket (if any) is closed. */
  attach(ws: WebSocket): void {
    const old = this.socket;
    this.socket = ws;
    if (old && old !== ws && old.readyState === OPEN) old.close(4001, 'replaced by a newer connection');
  }

  /** True when `ws` is the socket the session talks to now. */
  isCurrent(ws: WebSocket): boolean {
    return this.socket === ws;
  }

  /** `ws` went away; true when it was the attached one. */
  detach(ws: WebSocket): boolean {
    if (this.socket !== ws) return false;
    this.socket = null;
    return true;
  }

  sendJson(msg: ServerMessage): void {
    const ws = this.socket;
    if (ws && ws.readyState === OPEN) ws.send(JSON.stringify(msg));
  }

  sendAudio(pcm: Int16Array): void {
    const ws = this.socket;
    if (!ws || ws.readyState !== OPEN || ws.bufferedAmount > this.maxBufferedBytes) {
      this.droppedAudioFrames++;
      return;
    }
    ws.send(pcm16Bytes(pcm), { binary: true });
  }

  close(code: number, reason: string): void {
    const ws = this.socket;
    this.socket = null;
    if (ws && ws.readyState === OPEN) ws.close(code, reason);
  }
}
