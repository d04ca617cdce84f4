/**
 * The observer's side of a live call (issue 17): one manager's WebSocket, on whichever node it reached. It
 * subscribes the session's events and audio on the bus into a bounded outbox (the call never waits for it),
 * announces itself on the control topic (join, a heartbeat, leave), and forwards the manager's whispers —
 * validated, length- and rate-limited — to the owning node.
 */
import type { RawData, WebSocket } from 'ws';
import { TokenBucket } from '../voice/index.ts';
import { ObserverOutbox } from './observer-outbox.ts';
import { observerId as newObserverId } from './publisher.ts';
import { topics, type LiveBus, type LiveEvent } from './types.ts';
import { decodeObserverClientMessage, OBSERVER_HEARTBEAT_MS, WHISPER_MAX_CHARS, WHISPER_RATE, type ControlMessage, type ObserverEvent } from './wire.ts';

export interface ObserveOptions {
  bus: LiveBus;
  simulationId: string;
  observer: { userId: string; name: string };
  /** Outbox bounds (tests make them small). */
  outbox?: { maxItems?: number; maxInflightBytes?: number };
  /** Whisper rate (default WHISPER_RATE). */
  whisperRate?: { burst: number; perSec: number };
  log?(msg: string, err?: unknown): void;
}

/** Serves one observer socket until it closes or the call ends; resolves with what it sent and lost. */
export async function observeSession(ws: WebSocket, o: ObserveOptions): Promise<ObserverOutbox['counters']> {
  const id = o.simulationId;
  const observerId = newObserverId();
  const outbox = new ObserverOutbox(ws, o.outbox);
  const rate = o.whisperRate ?? WHISPER_RATE;
  const whispers = new TokenBucket(rate.burst, rate.perSec);
  const errors = new TokenBucket(10, 2);
  let ended = false;
  const control = (action: 'join' | 'here' | 'leave') =>
    o.bus.publish(topics.control(id), { type: 'observer', at: Date.now(), action, observerId, userId: o.observer.userId, name: o.observer.name } satisfies ControlMessage);
  const refuse = (code: Extract<ObserverEvent, { type: 'error' }>['code'], he: string, en: string) => {
    if (errors.take()) outbox.pushEvent({ type: 'error', at: Date.now(), code, message: en, texts: { he, en } } satisfies ObserverEvent as LiveEvent);
  };

  const onEvent = (e: LiveEvent) => {
    outbox.pushEvent(e);
    if (e.type === 'status' && e.status === 'ended' && !ended) {
      ended = true;
      setTimeout(() => ws.close(1000, 'the call ended'), 250).unref(); // let the last events go out first
    }
  };
  const unsubEvents = o.bus.subscribe(topics.events(id), onEvent);
  const unsubAudio = o.bus.subscribeAudio(topics.audio(id), (a) => outbox.pushAudio(a));

  ws.on('error', () => undefined);
  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) return refuse('INVALID_MESSAGE', 'המאזין לא שולח שמע.', 'An observer does not send audio.');
    const raw = Buffer.isBuffer(data) ? data.toString() : Array.isArray(data) ? Buffer.concat(data).toString() : Buffer.from(data).toString();
    if (raw.length > WHISPER_MAX_CHARS * 8) return refuse('INVALID_MESSAGE', 'ההודעה ארוכה מדי.', 'The message is too long.');
    const d = decodeObserverClientMessage(raw);
    if (!d.ok) return refuse('INVALID_MESSAGE', `ההודעה נדחתה: ${d.message}`, `The message was refused: ${d.message}`);
    if (d.message.type === 'ping') return;
    if (ended) return refuse('NOT_LIVE', 'השיחה הסתיימה; הלחישה לא נשלחה.', 'The call has ended; the whisper was not sent.');
    if (!whispers.take())
      return refuse('RATE_LIMITED', 'יותר מדי לחישות ברצף; המתינו כמה שניות.', `Too many whispers in a row; wait a few seconds (at most ${rate.burst}, then one every ${Math.round(1 / rate.perSec)} s).`);
    o.bus.publish(topics.control(id), {
      type: 'whisper',
      at: Date.now(),
      id: crypto.randomUUID(),
      observerId,
      userId: o.observer.userId,
      name: o.observer.name,
      text: d.message.text,
    } satisfies ControlMessage);
  });

  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  await Promise.all([unsubEvents.ready, unsubAudio.ready]);
  control('join');
  const beat = setInterval(() => control('here'), OBSERVER_HEARTBEAT_MS);
  beat.unref();
  await closed;
  clearInterval(beat);
  control('leave');
  unsubEvents();
  unsubAudio();
  outbox.close();
  return outbox.counters;
}
