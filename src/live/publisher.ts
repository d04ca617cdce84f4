/**
 * The owning node's side of a live call (issue 17): turns what the session sends the agent into observer events on
 * the bus (transcript partial and final, coaching, mood, metrics, status), publishes both voices while someone
 * listens, and serves the control topic — observers joining, staying, leaving, and their whispers, which go to the
 * agent's socket only (never to the engine: the customer never hears or reads them) and to the session's events.
 *
 * It sits between the session and its transport (`wrap`) and as a session tap (`tap`), so the session itself
 * does not know it is observed. Publishing never throws into the call and never waits.
 */
import { randomUUID } from 'node:crypto';
import type { ServerMessage, SessionTap, SessionTransport } from '../voice/index.ts';
import { controlMessageSchema, OBSERVER_HEARTBEAT_MS, type CoachItem, type ControlMessage, type ObserverEvent, type TranscriptLine, type WhisperItem } from './wire.ts';
import { topics, type LiveBus, type LiveDirectory, type LiveSessionSummary, type Unsubscribe } from './types.ts';

export interface LivePublisherOptions {
  bus: LiveBus;
  /** Where the call is listed while it runs (register at start, updates, unregister at the end). */
  directory?: LiveDirectory;
  /** The directory entry (mood, score and observers are filled in as the call goes). */
  summary: Omit<LiveSessionSummary, 'mood' | 'scoreSoFar' | 'observers' | 'startedAt'>;
  persona: { name: string; summary?: string };
  language: 'he' | 'en';
  mode: 'voice' | 'text';
  /** Session-clock ms. */
  now(): number;
  /** A whisper reached the agent (store it with the session's events). */
  onWhisper?(w: WhisperItem & { fromUserId: string }): void;
  /** Observers came or went (store it with the session's events). */
  onObservers?(change: { action: 'join' | 'leave'; userId: string; name: string; count: number; atMs: number }): void;
  log?(msg: string, err?: unknown): void;
  /** An observer silent for this long is gone (ms, default 3 heartbeats). */
  observerTtlMs?: number;
  /** How often silent observers are looked for (ms, default one heartbeat). */
  sweepMs?: number;
  /** Coaching items kept for late joiners (default 50). */
  keepCoachItems?: number;
}

interface Observer {
  userId: string;
  name: string;
  lastSeen: number;
}

export class LivePublisher {
  private readonly topic: { events: string; audio: string; control: string };
  private readonly observers = new Map<string, Observer>();
  private readonly finals: TranscriptLine[] = [];
  private readonly partials = new Map<string, TranscriptLine>();
  private readonly customerText = new Map<string, string>();
  private readonly coach: CoachItem[] = [];
  private readonly whispers: WhisperItem[] = [];
  private mood: string | null = null;
  private metrics: Record<string, number> = {};
  private scoreSoFar: number | null = null;
  private status: 'live' | 'ended' = 'live';
  private agent: SessionTransport | null = null;
  private control: Unsubscribe | null = null;
  private sweep: NodeJS.Timeout | null = null;
  private registered = false;
  private closed = false;
  /** Audio frames published (both tracks), for the bench and tests. */
  audioFrames = 0;

  constructor(private readonly o: LivePublisherOptions) {
    const id = o.summary.simulationId;
    this.topic = { events: topics.events(id), audio: topics.audio(id), control: topics.control(id) };
    this.control = o.bus.subscribe(this.topic.control, (m) => this.onControl(m));
    this.sweep = setInterval(() => this.expire(), o.sweepMs ?? OBSERVER_HEARTBEAT_MS);
    this.sweep.unref();
  }

  /** Listening now (observers whose heartbeat is fresh). */
  get observerCount(): number {
    return this.observers.size;
  }

  /** Resolves once control messages (joins, whispers) published from now on reach this node. */
  get ready(): Promise<void> {
    return this.control?.ready ?? Promise.resolve();
  }

  /** The session's transport, seen by the publisher first. */
  wrap(inner: SessionTransport): SessionTransport {
    this.agent = inner;
    return {
      sendJson: (msg) => {
        inner.sendJson(msg);
        this.fromSession(msg);
      },
      sendAudio: (pcm) => {
        inner.sendAudio(pcm);
        if (this.observers.size > 0) this.audio('customer', pcm);
      },
      close: (code, reason) => inner.close(code, reason),
    };
  }

  /** The session tap: the agent's microphone, the start and the end. */
  tap(): SessionTap {
    return {
      onAgentAudio: (pcm) => {
        if (this.observers.size > 0) this.audio('agent', pcm);
      },
      onEnd: (s) => {
        if (this.status !== 'ended') this.emit({ type: 'status', at: Date.now(), status: 'ended', reason: s.reason, outcome: s.outcome, durationMs: s.durationMs });
        this.status = 'ended';
        void this.close();
      },
    };
  }

  /** The observers message for the agent's page (re-sent when the page re-attaches); null when nobody listens. */
  observersMessage(): Extract<ServerMessage, { type: 'observers' }> | null {
    return this.observers.size > 0 ? { type: 'observers', ...this.observerList() } : null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.control?.();
    this.control = null;
    if (this.sweep) clearInterval(this.sweep);
    this.sweep = null;
    if (this.registered) await this.o.directory?.unregister(this.o.summary.simulationId).catch((e) => this.o.log?.('could not leave the live directory', e));
  }

  // ── session → observers ───────────────────────────────────────────────────

  private fromSession(msg: ServerMessage): void {
    if (this.closed) return;
    try {
      this.translate(msg);
    } catch (e) {
      this.o.log?.('a live event could not be published', e);
    }
  }

  private translate(msg: ServerMessage): void {
    const at = Date.now();
    const atMs = Math.round(this.o.now());
    switch (msg.type) {
      case 'ready':
        this.status = 'live';
        void this.register();
        return this.emit({ type: 'status', at, status: 'live' });
      case 'agent_transcript_partial':
        return this.line({ id: msg.turnId, speaker: 'agent', text: msg.text, final: false });
      case 'agent_transcript_final':
        return this.line({ id: msg.turnId, speaker: 'agent', text: msg.text, final: true, ...(msg.inaudible ? { inaudible: true } : {}) });
      case 'customer_turn_started':
        this.customerText.set(msg.itemId, '');
        return;
      case 'customer_transcript_delta': {
        const text = (this.customerText.get(msg.itemId) ?? '') + msg.delta;
        this.customerText.set(msg.itemId, text);
        return this.line({ id: msg.itemId, speaker: 'customer', text, final: false });
      }
      case 'customer_transcript_final':
        this.customerText.delete(msg.itemId);
        return this.line({ id: msg.itemId, speaker: 'customer', text: msg.text, final: true, ...(msg.interrupted ? { interrupted: true } : {}) });
      case 'hint':
        return this.coachItem({ kind: 'hint', text: msg.text, ...(msg.texts ? { texts: msg.texts } : {}), severity: msg.severity, atMs });
      case 'difficulty':
        return this.coachItem({ kind: 'difficulty', text: msg.reason, ...(msg.reasons ? { texts: msg.reasons } : {}), level: msg.level, atMs });
      case 'transcription_notice':
        return this.coachItem({ kind: 'notice', text: msg.text, texts: msg.texts, atMs });
      case 'metrics': {
        this.metrics = msg.values;
        const score = typeof msg.values.scoreSoFar === 'number' ? Math.round(msg.values.scoreSoFar) : null;
        if (score !== this.scoreSoFar) {
          this.scoreSoFar = score;
          this.directoryUpdate({ scoreSoFar: score });
        }
        return this.emit({ type: 'metrics', at, values: msg.values });
      }
      case 'customer_state':
        if (msg.mood !== this.mood) this.directoryUpdate({ mood: msg.mood });
        this.mood = msg.mood;
        return this.emit({ type: 'mood', at, mood: msg.mood, values: msg.values });
      case 'ended':
        this.status = 'ended';
        return this.emit({ type: 'status', at, status: 'ended', reason: msg.reason, outcome: msg.outcome, durationMs: msg.durationMs });
      default:
        return;
    }
  }

  private line(l: TranscriptLine): void {
    if (l.final) {
      this.partials.delete(l.id);
      const i = this.finals.findIndex((x) => x.id === l.id);
      if (i >= 0) this.finals[i] = l; // a customer turn cut off after it was reported: reported again, same id
      else this.finals.push(l);
    } else this.partials.set(l.id, l);
    this.emit({ type: 'transcript', at: Date.now(), line: l });
  }

  private coachItem(item: CoachItem): void {
    this.coach.push(item);
    if (this.coach.length > (this.o.keepCoachItems ?? 50)) this.coach.shift();
    this.emit({ type: 'coach', at: Date.now(), item });
  }

  private audio(track: 'agent' | 'customer', pcm: Int16Array): void {
    this.audioFrames++;
    // a view of the session's samples: every bus copies what it keeps before publish returns
    this.o.bus.publishAudio(this.topic.audio, { track, at: Date.now(), pcm: Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength) });
  }

  private emit(e: ObserverEvent): void {
    this.o.bus.publish(this.topic.events, e);
  }

  private snapshot(): ObserverEvent {
    const turns = [...this.finals, ...this.partials.values()];
    return {
      type: 'snapshot',
      at: Date.now(),
      elapsedMs: Math.round(this.o.now()),
      persona: this.o.persona,
      language: this.o.language,
      mode: this.o.mode,
      turns,
      mood: this.mood,
      metrics: this.metrics,
      coach: this.coach,
      whispers: this.whispers,
      observers: this.observerList(),
      status: this.status,
    };
  }

  // ── observers → this node (control topic) ────────────────────────────────

  private onControl(raw: unknown): void {
    if (this.closed) return;
    const r = controlMessageSchema.safeParse(raw);
    if (!r.success) return void this.o.log?.(`a control message was refused: ${r.error.issues[0]?.message ?? 'invalid'}`);
    const m = r.data;
    if (m.type === 'observer') return this.observer(m);
    return this.whisper(m);
  }

  private observer(m: Extract<ControlMessage, { type: 'observer' }>): void {
    const known = this.observers.get(m.observerId);
    if (m.action === 'leave') {
      if (!known) return;
      this.observers.delete(m.observerId);
      return this.observersChanged('leave', known);
    }
    if (known) {
      known.lastSeen = Date.now();
      if (m.action === 'join') this.emit(this.snapshot()); // a reconnecting observer: catch it up
      return;
    }
    const o: Observer = { userId: m.userId, name: m.name, lastSeen: Date.now() };
    this.observers.set(m.observerId, o);
    this.observersChanged('join', o);
    this.emit(this.snapshot());
  }

  private whisper(m: Extract<ControlMessage, { type: 'whisper' }>): void {
    if (this.status !== 'live') return;
    const atMs = Math.round(this.o.now());
    const w: WhisperItem = { id: m.id, text: m.text, from: m.name, atMs };
    this.whispers.push(w);
    // the agent's page only: not the engine, not the customer's audio
    this.agent?.sendJson({ type: 'whisper', ...w });
    this.o.onWhisper?.({ ...w, fromUserId: m.userId });
    this.emit({ type: 'whisper', at: Date.now(), whisper: w });
  }

  private observersChanged(action: 'join' | 'leave', o: Observer): void {
    const list = this.observerList();
    this.agent?.sendJson({ type: 'observers', ...list });
    this.emit({ type: 'observers', at: Date.now(), ...list });
    this.directoryUpdate({ observers: list.count });
    this.o.onObservers?.({ action, userId: o.userId, name: o.name, count: list.count, atMs: Math.round(this.o.now()) });
  }

  private observerList(): { count: number; names: string[] } {
    const names = [...new Set([...this.observers.values()].map((o) => o.name))];
    return { count: this.observers.size, names };
  }

  private expire(): void {
    const ttl = this.o.observerTtlMs ?? 3 * OBSERVER_HEARTBEAT_MS;
    const now = Date.now();
    for (const [id, o] of this.observers) {
      if (now - o.lastSeen <= ttl) continue;
      this.observers.delete(id);
      this.observersChanged('leave', o);
    }
  }

  // ── the directory ─────────────────────────────────────────────────────────

  private async register(): Promise<void> {
    if (this.registered || !this.o.directory || this.closed) return;
    this.registered = true;
    try {
      await this.o.directory.register({ ...this.o.summary, startedAt: new Date().toISOString(), mood: this.mood, scoreSoFar: this.scoreSoFar, observers: this.observers.size });
    } catch (e) {
      this.o.log?.('could not list the call as live', e);
    }
  }

  private directoryUpdate(patch: Parameters<LiveDirectory['update']>[1]): void {
    if (!this.registered || this.closed) return;
    this.o.directory?.update(this.o.summary.simulationId, patch).catch((e) => this.o.log?.('could not update the live directory', e));
  }
}

/** A fresh id for an observer connection. */
export const observerId = (): string => randomUUID();
