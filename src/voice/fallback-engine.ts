/**
 * FallbackEngine: one SimulationEngine over an ordered chain of engines (Realtime → cascade with an
 * OpenAI-compatible endpoint → offline). It runs the first that starts; when the engine in use fails for good
 * (a non-recoverable error, after that engine's own retries with backoff), the call goes on in the next engine:
 * the conversation so far is handed over, the difficulty directive in force is applied again, and one
 * `engine_switched` event tells the session (and through it the agent) what happened.
 */
import { EngineEmitter, type DifficultyDirective, type EngineCapabilities, type EngineEvent, type SimulationEngine } from './engine.ts';
import type { EngineName, EngineTier } from './protocol.ts';

export { ENGINE_TIERS, type EngineTier } from './protocol.ts';

/** One turn of the conversation, handed to the next engine. */
export interface HistoryTurn {
  role: 'agent' | 'customer';
  text: string;
}

/** An engine that can take over a conversation in progress. */
export interface ResumableEngine {
  /** The conversation so far (oldest first), before start(). */
  seedHistory?(turns: HistoryTurn[]): void;
}

export interface ChainLink {
  tier: EngineTier;
  /** The engine class the tier runs (cascade for the offline tier too). */
  name: EngineName;
  /** Builds the engine; may throw (e.g. not configured), and the chain moves on. */
  build(): SimulationEngine & ResumableEngine;
}

export interface FallbackEngineOptions {
  chain: ChainLink[];
  log?: (msg: string) => void;
}

export class FallbackEngine extends EngineEmitter implements SimulationEngine {
  private current: (SimulationEngine & ResumableEngine) | null = null;
  private unsubscribe: (() => void) | null = null;
  private index = -1;
  private directive: DifficultyDirective | null = null;
  private readonly history: Array<HistoryTurn & { id: string }> = [];
  private switching: Promise<void> | null = null;
  /** What the page last said of its speech recognition: the next engine in the chain hears it too. */
  private recognition: 'on' | 'unavailable' | 'failed' | null = null;
  private stopped = false;
  /** Every switch made during the call (for the record and tests). */
  readonly switches: Array<{ from: EngineTier | null; to: EngineTier; reason: string }> = [];

  constructor(private readonly o: FallbackEngineOptions) {
    super();
    if (o.chain.length === 0) throw new Error('FallbackEngine needs at least one engine');
  }

  get name(): EngineName {
    return this.current?.name ?? this.o.chain[Math.max(0, this.index)].name;
  }

  get capabilities(): EngineCapabilities {
    return this.current?.capabilities ?? { audioIn: true, audioOut: true, serverTranscripts: true, instructionUpdates: true };
  }

  /** The tier in use (null before start). */
  get tier(): EngineTier | null {
    return this.index >= 0 ? this.o.chain[this.index].tier : null;
  }

  async start(): Promise<void> {
    const reasons: string[] = [];
    for (let i = 0; i < this.o.chain.length; i++) {
      const ok = await this.tryStart(i, reasons);
      if (ok) {
        if (reasons.length) this.announce(null, i, reasons.join('; '));
        return;
      }
    }
    throw new Error(reasons.join('; '));
  }

  /** Build and start chain[i]; true when it runs. Failures are collected in `reasons`. */
  private async tryStart(i: number, reasons: string[]): Promise<boolean> {
    const link = this.o.chain[i];
    let engine: SimulationEngine & ResumableEngine;
    try {
      engine = link.build();
    } catch (e) {
      reasons.push(`${link.tier}: ${(e as Error).message}`);
      return false;
    }
    if (this.history.length) engine.seedHistory?.(this.history.map(({ role, text }) => ({ role, text })));
    const off = engine.onEvent((e) => this.onInner(engine, e));
    try {
      await engine.start();
    } catch (e) {
      off();
      await engine.stop().catch(() => undefined);
      reasons.push(`${link.tier}: ${(e as Error).message}`);
      this.o.log?.(`engine ${link.tier} could not start: ${(e as Error).message}`);
      return false;
    }
    if (this.stopped) {
      off();
      await engine.stop().catch(() => undefined);
      return true;
    }
    this.current = engine;
    this.unsubscribe = off;
    this.index = i;
    if (this.directive) await engine.updateDirectives(this.directive).catch(() => undefined);
    if (this.recognition) engine.browserRecognition?.(this.recognition);
    return true;
  }

  private onInner(engine: SimulationEngine, e: EngineEvent): void {
    if (engine !== this.current && this.current !== null) return; // a replaced engine's late events
    this.remember(e);
    if (e.type === 'error' && !e.recoverable && this.index + 1 < this.o.chain.length && !this.stopped) {
      void this.failover(e.message);
      return;
    }
    // status "connected" of a fresh engine is part of the switch announcement
    this.emit(e);
  }

  /** The engine in use failed for good: continue the call on the next engine that starts. */
  private failover(reason: string): Promise<void> {
    if (this.switching) return this.switching;
    this.switching = (async () => {
      const from = this.index;
      const old = this.current;
      this.unsubscribe?.();
      this.unsubscribe = null;
      this.current = null;
      await old?.stop().catch(() => undefined);
      const reasons = [reason];
      for (let i = from + 1; i < this.o.chain.length; i++) {
        if (this.stopped) return;
        if (await this.tryStart(i, reasons)) {
          this.announce(from, i, reasons.join('; '));
          return;
        }
      }
      this.emit({ type: 'error', code: 'ENGINE_ERROR', message: `No engine could take the call over: ${reasons.join('; ')}`, recoverable: false });
    })().finally(() => {
      this.switching = null;
    });
    return this.switching;
  }

  private announce(from: number | null, to: number, reason: string): void {
    const fromTier = from === null ? this.o.chain[0].tier : this.o.chain[from].tier;
    const toTier = this.o.chain[to].tier;
    this.switches.push({ from: from === null ? null : fromTier, to: toTier, reason });
    this.o.log?.(`engine ${fromTier} → ${toTier}: ${reason}`);
    const engine = this.current!;
    this.emit({ type: 'engine_switched', from: fromTier, to: toTier, name: engine.name, capabilities: { ...engine.capabilities }, reason });
  }

  /** Keep the conversation as the agent saw it, to hand it to the next engine. */
  private remember(e: EngineEvent): void {
    if (e.type === 'agent_transcript' && e.final && e.text.trim()) {
      const h = this.history.find((x) => x.id === e.turnId);
      if (h) h.text = e.text;
      else this.history.push({ id: e.turnId, role: 'agent', text: e.text });
    } else if (e.type === 'customer_turn_done' && e.text.trim()) {
      const h = this.history.find((x) => x.id === e.itemId);
      if (h) h.text = e.text;
      else this.history.push({ id: e.itemId, role: 'customer', text: e.text });
    }
  }

  /** A call taken over from another node (before start): the first engine that starts gets the conversation. */
  seedHistory(turns: HistoryTurn[]): void {
    turns.forEach((t, i) => this.history.push({ ...t, id: `resumed_${i}` }));
  }

  /** The conversation so far as this engine knows it. */
  transcript(): HistoryTurn[] {
    return this.history.map(({ role, text }) => ({ role, text }));
  }

  // ── the engine interface, delegated to the engine in use ─────────────────────

  pushAudio(pcm: Int16Array): void {
    this.current?.pushAudio(pcm);
  }
  browserRecognition(state: 'on' | 'unavailable' | 'failed'): void {
    this.recognition = state;
    this.current?.browserRecognition?.(state);
  }
  pushAgentTranscript(text: string, final: boolean): void {
    this.current?.pushAgentTranscript(text, final);
  }
  pushAgentText(text: string): void {
    this.current?.pushAgentText(text);
  }
  endAgentTurn(): void {
    this.current?.endAgentTurn();
  }
  interrupt(itemId: string, playedMs: number): void {
    this.current?.interrupt(itemId, playedMs);
  }
  notePlayback(itemId: string, playedMs: number): void {
    this.current?.notePlayback(itemId, playedMs);
  }
  async updateDirectives(d: DifficultyDirective): Promise<void> {
    this.directive = d;
    await this.current?.updateDirectives(d);
  }
  instructions(): string | null {
    return this.current?.instructions() ?? null;
  }
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    const c = this.current;
    this.current = null;
    await c?.stop();
  }
}
