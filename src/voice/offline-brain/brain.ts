/**
 * OfflineCustomerBrain: the customer played with no model and no network. A persona-driven dialogue policy over
 * the shared sales-act classifier, with trust / interest / patience, an objection queue, hidden needs and a stage,
 * worded from the persona's phrase banks. Deterministic for a seed; never repeats a sentence in a call.
 */
import { countWords } from '../../analysis/index.ts';
import { createRng, hashString, offlineBrainParamsSchema, type OfflineBrainParams } from '../../personas/index.ts';
import { parseOrThrow } from '../../core/index.ts';
import { SCENARIO_CATALOGUE } from '../../scenarios/index.ts';
import type { Brain, BrainChunk, BrainTurn } from '../brain.ts';
import type { DifficultyDirective } from '../engine.ts';
import { addressAgent } from '../../core/index.ts';
import { compose, type ReplyPart } from './compose.ts';
import type { Voice } from './converse.ts';
import { buildFacts, consistentParams } from './facts.ts';
export { cardFacts } from './facts.ts';
import { contentWords } from './match.ts';
import { LinePicker, ownLines, type OwnLines } from './lines.ts';
import { Mind, type OfflineBrainSnapshot } from './mind.ts';
import { step } from './policy.ts';
import type { Plan } from './plan.ts';
import { readAgentTurn } from './reading.ts';

export interface OfflineBrainOptions {
  /** The persona compiled for the offline brain (personas: compileOfflineBrainParams / compileSession). */
  params: OfflineBrainParams;
  /** Mixed into the persona's seed: the same params + seed + agent words give the same dialogue (default 0). */
  seed?: number;
  /** Session clock (ms since the call started); without it, call time is estimated from the words spoken. */
  clock?: () => number;
  /** The agent's gender: Hebrew second-person forms the customer uses agree with it (default male). */
  agentGender?: 'female' | 'male';
}

export class OfflineCustomerBrain implements Brain {
  readonly kind = 'offline' as const;
  private readonly p: OfflineBrainParams;
  private mind: Mind;
  private lines: LinePicker;
  private readonly own: OwnLines;
  private readonly purchaseCall: boolean;
  private opened = false;
  private lastReply: { parts: ReplyPart[]; text: string } | null = null;
  private readonly agentGender: 'female' | 'male' | undefined;
  private voice: Voice;

  constructor(opts: OfflineBrainOptions) {
    // Lines that would contradict the customer's facts (or brush off someone who phoned in) are never said.
    this.p = consistentParams(parseOrThrow(offlineBrainParamsSchema, opts.params, 'offline brain parameters'));
    const clock = opts.clock;
    this.mind = new Mind(this.p, clock ? () => clock() / 1000 : null);
    const rng = createRng((this.p.seed ^ hashString(`offline-brain:${opts.seed ?? 0}`)) >>> 0);
    this.own = ownLines(this.p.language, this.p.gender);
    this.lines = new LinePicker(rng, this.own.connectors);
    this.agentGender = opts.agentGender;
    // The fact sheet draws from its own stream: the same persona has the same facts whatever the agent says.
    this.voice = { lines: this.lines, own: this.own, facts: buildFacts(this.p, createRng((this.p.seed ^ hashString('offline-brain:facts')) >>> 0)), lastSaid: null };
    const callType = SCENARIO_CATALOGUE[this.p.scenarioType].callType;
    this.purchaseCall = callType === 'phone_sale' || callType === 'upsell';
  }

  /** An independent brain in the same state: it answers as this one would, and nothing it does touches this one. */
  fork(): OfflineCustomerBrain {
    const b = Object.create(OfflineCustomerBrain.prototype) as OfflineCustomerBrain;
    Object.assign(b, this);
    b.mind = this.mind.copy();
    b.lines = this.lines.copy();
    b.voice = { ...this.voice, lines: b.lines };
    return b;
  }

  /** The customer's state now (the coaching layer's emotion truth). */
  get state(): OfflineBrainSnapshot {
    return this.mind.snapshot();
  }

  async *respond(turn: BrainTurn, signal: AbortSignal): AsyncIterable<BrainChunk> {
    if (this.mind.stage === 'ended') return;
    let parts: ReplyPart[];
    let end: Plan['end'] = null;
    if (turn.agentText === null) parts = this.unprompted();
    else {
      const revealed = this.mind.revealedNeeds.flatMap((n) => this.p.hiddenNeeds.find((x) => x.id === n.id)?.topics ?? []);
      const reading = readAgentTurn(turn.agentText, this.p, revealed);
      const plan = step(this.mind, this.p, reading, { purchaseCall: this.purchaseCall, voice: this.voice });
      parts = compose({ p: this.p, mind: this.mind, lines: this.lines, own: this.own }, plan);
      end = plan.end;
    }
    if (this.p.language === 'he') parts = parts.map((x) => ({ ...x, text: addressAgent(x.text, this.agentGender) }));
    const text = parts.map((x) => x.text).join(' ');
    // What was said is remembered: "say that again" repeats it; a summary built on it is confirmed.
    const repeat = parts.length === 1 && parts[0].move.kind === 'say' && this.mind.log.some((e) => e.turn === this.mind.turn && e.type === 'repeat_requested');
    if (!repeat && text) this.voice.lastSaid = parts.filter((x) => x.move.kind !== 'phrase' || parts.length === 1).map((x) => x.text).join(' ') || text;
    for (const w of contentWords(text, this.p.language)) this.mind.saidWords.add(w);
    this.mind.customerWords += countWords(text);
    this.lastReply = { parts, text };
    yield { type: 'state', mood: this.mind.mood(), values: this.mind.values() };
    const tokens = text.split(/(?<=\s)/);
    for (const t of tokens) {
      if (signal.aborted) return;
      yield { type: 'text', delta: t };
    }
    if (end && !signal.aborted) yield { type: 'end_call', outcome: end.outcome, reason: end.reason };
  }

  interrupted(heardText: string): void {
    this.mind.pendingInterruption = true;
    const last = this.lastReply;
    if (!last) return;
    // An objection the agent cut off before hearing it in full was never really raised.
    let offset = 0;
    for (const part of last.parts) {
      offset += part.text.length + 1;
      if (part.move.kind !== 'objection') continue;
      const o = this.mind.objections.find((x) => x.id === (part.move as { id: string }).id);
      if (o && o.status === 'open' && heardText.trim().length < offset - 1 - Math.ceil(part.text.length / 3)) o.unheard = true;
    }
  }

  adjust(d: DifficultyDirective): void {
    const m = this.mind;
    m.difficulty = d.level;
    m.timePressure = d.level === 'challenging' ? (d.timePressure ?? true) : false;
    m.hintsOn = d.level === 'supportive' ? (d.hints ?? true) : false;
    m.extraObjections = d.level === 'challenging' ? Math.max(m.extraObjections, d.extraObjections ?? 1) : 0;
    m.note('difficulty', d.level);
  }

  /** The customer speaks without an agent turn: the opening line of the call, or a reaction to dead air. */
  private unprompted(): ReplyPart[] {
    if (!this.opened && this.mind.turn === 0) {
      this.opened = true;
      this.lines.mark(this.p.opening.firstLine);
      return [{ text: this.p.opening.firstLine, move: { kind: 'opening' } }];
    }
    this.mind.event('dead_air');
    const text = this.lines.must(this.p.phrases.deadAir ?? [], this.own.own('empty'));
    return text ? [{ text, move: { kind: 'phrase', situation: 'deadAir' } }] : [];
  }
}
