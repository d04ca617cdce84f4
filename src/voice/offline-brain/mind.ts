/**
 * The offline customer's state: trust, interest, patience, the objection queue, hidden needs, stage and a log of
 * what happened. The coaching layer reads `snapshot()` as the customer's emotional truth.
 */
import type { ObjectionKind } from '../../analysis/index.ts';
import type { BrainEvent, OfflineBrainParams, Technique } from '../../personas/index.ts';
import type { Outcome } from '../protocol.ts';

export const STAGES = ['opening', 'discovery', 'presentation', 'objections', 'closing', 'ended'] as const;
export type Stage = (typeof STAGES)[number];

export type DifficultyMode = 'supportive' | 'neutral' | 'challenging';

/** Everything the brain logs: the persona's scored events plus the dialogue's milestones. */
export type BrainLogType =
  | BrainEvent
  | 'reason_given' | 'no_reason_given' | 'objection_raised' | 'objection_reraised' | 'objection_resolved' | 'objection_dropped'
  | 'need_revealed' | 'value_tied_to_need' | 'ack_then_question' | 'close_attempt' | 'detail_planted' | 'technical_question'
  | 'out_of_character_probe' | 'hint' | 'time_pressure' | 'calmed_down' | 'solution_before_empathy' | 'difficulty' | 'outcome'
  | 'summary_answered' | 'dismissed' | 'jargon' | 'slot_answered' | 'repeat_requested' | 'small_talk' | 'proposal' | 'callback';

export interface BrainLogEntry {
  turn: number;
  type: BrainLogType;
  detail?: string;
}

export interface ObjectionTrack {
  id: string;
  kind: ObjectionKind;
  order: number;
  trigger: OfflineBrainParams['objections'][number]['trigger'];
  status: 'pending' | 'open' | 'resolved' | 'dropped';
  raisedTurn: number | null;
  timesRaised: number;
  /** Agent turns since it was raised that did nothing about it. */
  ignoredTurns: number;
  /** Agent turns spent on it since it was raised. */
  attempts: number;
  acknowledged: boolean;
  seen: Set<Technique>;
  /** Added by a "challenging" directive (a resolved concern coming back in another form). */
  extraOf: string | null;
  /** Raised in a reply the agent cut off before hearing it. */
  unheard: boolean;
  /** Brought back once at a close after it was dropped; a second drop does not block the close again. */
  resurfaced: boolean;
  /** Agent turns that answered its substance (price: savings per month; timing: a short slot at their time…). */
  substance: number;
  /** Agent turns since it was raised that asked or said something else a person answers first (a question, a summary). */
  deferred: number;
}

export interface NeedTrack {
  id: string;
  progress: number;
  revealed: boolean;
}

/** A read-only picture of the customer's mind (values 0..1). */
export interface OfflineBrainSnapshot {
  stage: Stage;
  mood: string;
  trust: number;
  interest: number;
  patience: number;
  turn: number;
  /** Estimated call time so far (s): from a clock when given, else from words spoken. */
  elapsedSec: number;
  difficulty: DifficultyMode;
  openObjections: { id: string; kind: ObjectionKind; timesRaised: number; ignoredTurns: number; acknowledged: boolean }[];
  resolvedObjections: string[];
  droppedObjections: string[];
  revealedNeeds: string[];
  needProgress: Record<string, number>;
  closeAttempts: number;
  discoveryQuestions: number;
  hintsGiven: number;
  outcome: Outcome | null;
  log: BrainLogEntry[];
}

type Delta = { trust: number; interest: number; patience: number };

const clamp = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const r3 = (x: number) => Math.round(x * 1000) / 1000;

export class Mind {
  trust: number;
  interest: number;
  patience: number;
  stage: Stage;
  turn = 0;
  difficulty: DifficultyMode = 'neutral';
  extraObjections = 0;
  timePressure = false;
  hintsOn = false;
  hintsGiven = 0;
  lastHintTurn = -1;
  closeAttempts = 0;
  discoveryQuestions = 0;
  reasonGiven = false;
  /** The agent has named a price (on_price objections are due from then on). */
  priceMentioned = false;
  empathyShown = false;
  namesUsed = 0;
  interruptions = 0;
  pendingInterruption = false;
  agentWords = 0;
  customerWords = 0;
  /** The hidden need the last discovery question was about (for follow-up questions). */
  lastNeedAsked: string | null = null;
  techAsked: number | null = null;
  techDone = 0;
  detailsSaid = new Set<number>();
  detailsUsed = new Set<number>();
  outcome: Outcome | null = null;
  /** How often the agent asked each fact (a second time is answered "like I said"). */
  slotsAsked = new Map<string, number>();
  /** A proposed time the customer put on hold over an objection ("Thursday at 7? Before we book anything —"). */
  pendingProposal: string | null = null;
  /** What the agent has said in this call (recent part), so the customer does not ask what it was just told. */
  agentSaid = '';
  /** An inbound caller said the agent dealt with their problem. */
  callerSatisfied = false;
  /** An inbound caller has said (again) why they called. */
  reasonRestated = false;
  /** Content words the customer has said (a summary built on them is confirmed). */
  saidWords = new Set<string>();
  readonly inbound: boolean;
  readonly objections: ObjectionTrack[];
  readonly needs: NeedTrack[];
  readonly log: BrainLogEntry[] = [];

  constructor(private readonly p: OfflineBrainParams, private readonly clockSec: (() => number) | null) {
    this.trust = p.start.trust;
    this.interest = p.start.interest;
    this.patience = p.start.patience;
    this.inbound = p.direction === 'inbound';
    this.stage = p.direction === 'inbound' ? 'discovery' : 'opening';
    this.reasonGiven = p.direction === 'inbound' || !p.opening.resistant;
    this.objections = [...p.objections]
      .sort((a, b) => a.order - b.order)
      .map((o) => ({ id: o.id, kind: o.kind, order: o.order, trigger: o.trigger, status: 'pending', raisedTurn: null, timesRaised: 0, ignoredTurns: 0, attempts: 0, acknowledged: false, seen: new Set(), extraOf: null, unheard: false, resurfaced: false, substance: 0, deferred: 0 }));
    this.needs = p.hiddenNeeds.map((n) => ({ id: n.id, progress: 0, revealed: false }));
  }

  /** An independent mind in the same state (the persona and the clock are shared; everything else is copied). */
  copy(): Mind {
    const m = Object.create(Mind.prototype) as Mind;
    for (const [k, v] of Object.entries(this)) (m as unknown as Record<string, unknown>)[k] = k === 'p' || k === 'clockSec' ? v : structuredClone(v);
    return m;
  }

  /** Gains are scaled up when supportive, losses when challenging; `weight` scales the whole delta. */
  apply(d: Delta, weight = 1): void {
    const gain = this.difficulty === 'supportive' ? 1.3 : this.difficulty === 'challenging' ? 0.85 : 1;
    const loss = this.difficulty === 'supportive' ? 0.6 : this.difficulty === 'challenging' ? 1.3 : 1;
    const f = (x: number) => x * weight * (x >= 0 ? gain : loss);
    this.trust = clamp(this.trust + f(d.trust));
    this.interest = clamp(this.interest + f(d.interest));
    this.patience = clamp(this.patience + f(d.patience));
  }

  private readonly actUses = new Map<string, number>();

  /**
   * The effects of the sales acts in one turn. Gains overlap (the best counts fully, the next half, then a quarter)
   * and fade each time the agent repeats an act (the fifth "I understand" counts less); losses always count in full.
   */
  applyActs(acts: Iterable<string>, effects: Record<string, Delta>): void {
    const gains: Record<keyof Delta, number[]> = { trust: [], interest: [], patience: [] };
    const loss: Delta = { trust: 0, interest: 0, patience: 0 };
    for (const act of acts) {
      const d = effects[act];
      if (!d) continue;
      const uses = this.actUses.get(act) ?? 0;
      this.actUses.set(act, uses + 1);
      for (const k of ['trust', 'interest', 'patience'] as const) {
        if (d[k] > 0) gains[k].push(d[k] * 0.75 ** uses);
        else loss[k] += d[k];
      }
    }
    const overlap = (xs: number[]) => xs.sort((a, b) => b - a).reduce((sum, x, i) => sum + x / 2 ** i, 0);
    this.apply({ trust: overlap(gains.trust) + loss.trust, interest: overlap(gains.interest) + loss.interest, patience: overlap(gains.patience) + loss.patience });
  }

  /** Apply one of the persona's scored events and log it. */
  event(e: BrainEvent, detail?: string, weight = 1): void {
    this.apply(this.p.effects.events[e], weight);
    this.note(e, detail);
  }

  note(type: BrainLogType, detail?: string): void {
    this.log.push({ turn: this.turn, type, ...(detail ? { detail } : {}) });
  }

  get open(): ObjectionTrack | null {
    return this.objections.find((o) => o.status === 'open') ?? null;
  }

  get revealedNeeds(): NeedTrack[] {
    return this.needs.filter((n) => n.revealed);
  }

  get resolvedCount(): number {
    return this.objections.filter((o) => o.status === 'resolved').length;
  }

  elapsedSec(): number {
    if (this.clockSec) return this.clockSec();
    // Spoken Hebrew/English runs ~2.5 words a second; each turn change adds about a second of silence.
    return (this.agentWords + this.customerWords) / 2.5 + this.turn * 2;
  }

  mood(): string {
    const m = this.p.mood;
    if (this.patience < m.angryBelowPatience) return 'angry';
    if (this.patience < this.p.thresholds.warnPatience) return 'frustrated';
    const settled = (m.skepticalBelowTrust + m.calmAboveTrust) / 2;
    if ((m.baseline === 'angry' || m.baseline === 'frustrated' || m.baseline === 'confused') && this.trust < settled) return m.baseline;
    if (this.trust < m.skepticalBelowTrust || this.open) return 'skeptical';
    if (this.interest >= 0.6 && this.trust >= 0.5) return 'interested';
    if (this.trust >= m.calmAboveTrust) return 'calm';
    return m.baseline === 'skeptical' ? 'skeptical' : 'calm';
  }

  /** Numbers for the `customer_state` event (names the coaching layer reads). */
  values(): Record<string, number> {
    return {
      trust: r3(this.trust),
      interest: r3(this.interest),
      patience: r3(this.patience),
      openObjections: this.objections.filter((o) => o.status === 'open' || o.status === 'dropped').length,
      needsRevealed: this.revealedNeeds.length,
      closeAttempts: this.closeAttempts,
      stage: STAGES.indexOf(this.stage),
      turn: this.turn,
    };
  }

  snapshot(): OfflineBrainSnapshot {
    return {
      stage: this.stage,
      mood: this.mood(),
      trust: r3(this.trust),
      interest: r3(this.interest),
      patience: r3(this.patience),
      turn: this.turn,
      elapsedSec: Math.round(this.elapsedSec()),
      difficulty: this.difficulty,
      openObjections: this.objections.filter((o) => o.status === 'open').map((o) => ({ id: o.id, kind: o.kind, timesRaised: o.timesRaised, ignoredTurns: o.ignoredTurns, acknowledged: o.acknowledged })),
      resolvedObjections: this.objections.filter((o) => o.status === 'resolved').map((o) => o.id),
      droppedObjections: this.objections.filter((o) => o.status === 'dropped').map((o) => o.id),
      revealedNeeds: this.revealedNeeds.map((n) => n.id),
      needProgress: Object.fromEntries(this.needs.map((n) => [n.id, n.progress])),
      closeAttempts: this.closeAttempts,
      discoveryQuestions: this.discoveryQuestions,
      hintsGiven: this.hintsGiven,
      outcome: this.outcome,
      log: this.log.map((e) => ({ ...e })),
    };
  }
}
