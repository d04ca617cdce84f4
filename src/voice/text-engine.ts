/** TextEngine: typed (or browser-transcribed) agent turns answered by a Brain, text only. */
import { newId } from '../core/index.ts';
import type { Brain } from './brain.ts';
import { CustomerTurnRunner, type PreparedReply } from './customer-turn.ts';
import {
  EngineEmitter,
  type Clock,
  type DifficultyDirective,
  type EngineCapabilities,
  type SimulationEngine,
  type VoicePersona,
} from './engine.ts';
import type { EngineName } from './protocol.ts';
import type { SpeechSynthesizer } from './speech.ts';
import { BadLine } from './inaudible.ts';

export interface BrainEngineOptions {
  persona: VoicePersona;
  brain: Brain;
  clock: Clock;
}

/** Shared turn handling of the engines driven by our own Brain (Text and Cascade). */
export abstract class BrainEngine extends EngineEmitter implements SimulationEngine {
  abstract readonly name: EngineName;
  abstract readonly capabilities: EngineCapabilities;
  protected readonly runner: CustomerTurnRunner;
  protected stopped = false;
  private readonly badLine: BadLine;

  constructor(protected readonly opts: BrainEngineOptions, tts: SpeechSynthesizer | null) {
    super();
    this.runner = new CustomerTurnRunner({ brain: opts.brain, tts, persona: opts.persona, clock: opts.clock, emit: (e) => this.emit(e) });
    this.badLine = new BadLine(opts.persona);
  }

  async start(): Promise<void> {
    const taken = this.takeover;
    this.takeover = null;
    if (taken) await this.catchUp(taken);
    this.emit({ type: 'status', status: 'connected', detail: `${this.opts.brain.kind} brain` });
    // a call taken over from another engine is already under way: the customer does not open it again
    if (this.opts.persona.customerSpeaksFirst && !taken) void this.runner.run(null);
  }

  private takeover: Array<{ role: 'agent' | 'customer'; text: string }> | null = null;

  /**
   * Take over a call in progress (before start): an LLM brain gets the conversation so far; a brain without
   * `seed` (the offline brain) hears the agent's turns again, silently, so its state (trust, objections raised,
   * needs revealed) follows the call rather than starting afresh.
   */
  seedHistory(turns: Array<{ role: 'agent' | 'customer'; text: string }>): void {
    if (turns.length) this.takeover = turns;
  }

  private async catchUp(turns: Array<{ role: 'agent' | 'customer'; text: string }>): Promise<void> {
    const brain = this.opts.brain;
    if (brain.seed) return brain.seed(turns.map((t) => ({ role: t.role === 'agent' ? 'user' : 'assistant', text: t.text })));
    const signal = new AbortController().signal;
    for (const t of turns) {
      if (t.role !== 'agent') continue;
      try {
        for await (const _ of brain.respond({ agentText: t.text }, signal)) {
          /* the reply was already given by the previous engine: only the state matters */
        }
      } catch {
        return; // catching up is best effort; the call goes on from the brain's current state
      }
    }
  }

  /**
   * Commit one agent turn and let the customer answer: with `prepared`, the reply produced ahead of time for
   * exactly this text (otherwise it is dropped and the brain answers now). True when `prepared` was adopted.
   */
  protected commitAgentTurn(text: string, speechEndMs: number | null, turnId = newId(), prepared: PreparedReply | null = null): boolean {
    const clean = text.trim();
    const usable = prepared !== null && prepared.agentText === clean && !this.stopped;
    if (prepared && !usable) prepared.discard();
    if (this.stopped || !clean) return false;
    const current = this.runner.current;
    if (current) this.runner.interrupt(current.itemId, null);
    this.badLine.understood();
    this.emit({ type: 'agent_transcript', turnId, text: clean, final: true });
    this.emit({ type: 'agent_turn_committed', turnId, text: clean, atMs: this.opts.clock(), speechEndMs });
    void (usable ? this.runner.adopt(prepared) : this.runner.run(clean));
    return usable;
  }

  /**
   * The agent spoke but no words could be had: the turn is kept as inaudible (empty text) and the customer
   * reacts as on a bad line; the brain is not asked (it cannot answer words it never got).
   */
  protected commitInaudibleTurn(speechEndMs: number | null, turnId = newId()): void {
    if (this.stopped) return;
    const current = this.runner.current;
    if (current) this.runner.interrupt(current.itemId, null);
    this.emit({ type: 'agent_transcript', turnId, text: '', final: true, inaudible: true });
    this.emit({ type: 'agent_turn_committed', turnId, text: '', atMs: this.opts.clock(), speechEndMs, inaudible: true });
    void this.runner.say(this.badLine.next());
  }

  pushAgentText(text: string): void {
    this.commitAgentTurn(text, null);
  }

  pushAgentTranscript(text: string, final: boolean): void {
    if (final) this.commitAgentTurn(text, null);
  }

  pushAudio(_pcm: Int16Array): void {}
  endAgentTurn(): void {}

  interrupt(itemId: string, playedMs: number): void {
    this.runner.interrupt(itemId, playedMs);
  }

  notePlayback(itemId: string, playedMs: number): void {
    this.runner.notePlayback(itemId, playedMs);
  }

  async updateDirectives(d: DifficultyDirective): Promise<void> {
    this.runner.adjust(d);
  }

  instructions(): string | null {
    return this.runner.brainInstructions();
  }


  async stop(): Promise<void> {
    this.stopped = true;
    this.runner.cancel();
  }
}

export class TextEngine extends BrainEngine {
  readonly name = 'text' as const;
  readonly capabilities: EngineCapabilities = { audioIn: false, audioOut: false, serverTranscripts: false, instructionUpdates: true };
  constructor(opts: BrainEngineOptions) {
    super(opts, null);
  }
}
