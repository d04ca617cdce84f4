/**
 * ConversationTracker: live conversation metrics from turns and speech activity. `update(event)` as things
 * happen, `snapshot(nowMs)` whenever the UI wants figures (at least once a second). Pure and deterministic:
 * the same events give the same snapshot.
 */
import type { Language, ObjectionKind, Speaker } from '../analysis/index.ts';
import { COACHING_BENCHMARKS } from './benchmarks.ts';
import { isUnheard, type CustomerState, type LiveEvent, type Turn } from './types.ts';
import { readTurn, sentenceWith, type TurnReading } from './utterance.ts';

/** One objection the customer raised and what the agent did with it. */
export interface ObjectionRecord {
  id: number;
  kind: ObjectionKind;
  text: string;
  /** Customer turn that raised it (session ms). */
  atMs: number;
  endMs: number;
  /** Customer stopped → agent started answering (ms); null until the agent answers. */
  responseDelayMs: number | null;
  /** Agent's first answer acknowledged it (acknowledgement or empathy). */
  acknowledged: boolean;
  acknowledgedAtMs: number | null;
  /** Agent's first answer asked about it (LAER "explore"). */
  explored: boolean;
  /** True once the customer moved on without raising it again; false when they pressed it; null = open. */
  resolved: boolean | null;
  answeredTurn: number | null;
}

export interface BuyingSignalRecord {
  text: string;
  atMs: number;
  /** The agent's next turn proposed a close or a next step; null until the agent spoke. */
  followedUp: boolean | null;
  followUpAtMs: number | null;
}

/** A turn plus its sentence-level reading. */
export interface TrackedTurn extends Turn {
  index: number;
  reading: TurnReading;
}

export interface ConversationSnapshot {
  atMs: number;
  talk: { agentMs: number; customerMs: number; /** Agent share of talk time, null before anyone spoke. */ ratio: number | null };
  monologue: { currentMs: number; longestMs: number };
  longestCustomerStoryMs: number;
  questions: { agent: number; discovery: number; open: number; customer: number; firstDiscoveryAtMs: number | null };
  /** Agent words per minute of agent talk time. */
  wordsPerMin: number | null;
  fillers: { count: number; perMin: number };
  interruptions: { byAgent: number; byCustomer: number; lastByAgentAtMs: number | null };
  objections: {
    raised: number;
    acknowledged: number;
    resolved: number;
    open: number;
    /** Mean customer-stopped → agent-answered gap, against the ~1.5 s benchmark. */
    meanResponseMs: number | null;
    benchmarkMs: number;
    list: ObjectionRecord[];
  };
  needsRevealed: number;
  price: { firstAtMs: number | null; beforeNeeds: { atMs: number; text: string } | null };
  buyingSignals: BuyingSignalRecord[];
  closeAttempts: number;
  nextStep: { proposedAtMs: number | null; text: string | null };
  /** Mean customer-stopped → agent-started gap over all switches (ms). */
  patienceMs: number | null;
  speakerSwitches: number;
  agentSpeaking: boolean;
  customerSpeaking: boolean;
  agentTurns: number;
  customerTurns: number;
}

export interface TrackerOptions {
  language: Language;
  /** Overlap (ms) of an agent turn over the customer's that counts as talking over them. Default 300. */
  overlapMs?: number;
}

const CLOSE_ACTS = ['close_attempt', 'next_step'] as const;

export class ConversationTracker {
  readonly language: Language;
  private readonly overlapMs: number;
  private readonly turns: TrackedTurn[] = [];
  private readonly objections: ObjectionRecord[] = [];
  private readonly signals: BuyingSignalRecord[] = [];
  private readonly speakingSince: Record<Speaker, number | null> = { agent: null, customer: null };
  private talkMs: Record<Speaker, number> = { agent: 0, customer: 0 };
  private words = 0;
  private fillers = 0;
  private monologueStart: number | null = null;
  /** The running monologue holds at least one worded agent turn. */
  private monologueHasWords = false;
  /** Some agent turn had words: live speech may count as talk before its transcript arrives. */
  private agentWords = false;
  private unheard = 0;
  private longestMonologue = 0;
  private customerStoryStart: number | null = null;
  private longestStory = 0;
  private q = { agent: 0, discovery: 0, open: 0, customer: 0, firstDiscoveryAtMs: null as number | null };
  private interruptions = { byAgent: 0, byCustomer: 0, lastByAgentAtMs: null as number | null };
  private needsFromText = 0;
  private state: CustomerState | null = null;
  private firstPriceAtMs: number | null = null;
  private priceBeforeNeeds: { atMs: number; text: string } | null = null;
  private closeAttempts = 0;
  private nextStep: { proposedAtMs: number | null; text: string | null } = { proposedAtMs: null, text: null };
  private gaps: number[] = [];
  private switches = 0;
  private lastAtMs = 0;

  constructor(opts: TrackerOptions) {
    this.language = opts.language;
    this.overlapMs = opts.overlapMs ?? 300;
  }

  update(e: LiveEvent): void {
    switch (e.type) {
      case 'speech_started':
        this.lastAtMs = Math.max(this.lastAtMs, e.atMs);
        if (this.speakingSince[e.speaker] === null) this.speakingSince[e.speaker] = e.atMs;
        if (e.speaker === 'agent') this.noteAgentStart(e.atMs);
        return;
      case 'speech_stopped':
        this.lastAtMs = Math.max(this.lastAtMs, e.atMs);
        return; // the turn that follows carries the exact span; until then the speaker counts as talking
      case 'customer_state':
        this.state = { ...this.state, ...e.state };
        this.lastAtMs = Math.max(this.lastAtMs, e.atMs);
        return;
      case 'tick':
        this.lastAtMs = Math.max(this.lastAtMs, e.atMs);
        return;
      case 'turn':
        if (isUnheard(e)) return this.onUnheard(e.endMs);
        this.onTurn({ speaker: e.speaker, text: e.text, startMs: e.startMs, endMs: e.endMs, interrupted: e.interrupted });
        return;
    }
  }

  /** Every finished turn with its reading, in order. */
  get transcript(): readonly TrackedTurn[] {
    return this.turns;
  }

  /** The latest customer state reported by the engine, if any. */
  get customerState(): CustomerState | null {
    return this.state;
  }

  private onTurn(t: Turn): void {
    const reading = readTurn(t.text, this.language);
    const tt: TrackedTurn = { ...t, index: this.turns.length, reading };
    const prev = this.turns[this.turns.length - 1];
    this.lastAtMs = Math.max(this.lastAtMs, t.endMs);
    this.speakingSince[t.speaker] = null;
    const dur = Math.max(0, t.endMs - t.startMs);
    this.talkMs[t.speaker] += dur;
    if (prev && prev.speaker !== t.speaker) {
      this.switches++;
      if (t.speaker === 'agent') this.gaps.push(Math.max(0, t.startMs - prev.endMs));
    }
    this.turns.push(tt);
    if (t.speaker === 'agent') this.onAgentTurn(tt, prev);
    else this.onCustomerTurn(tt, prev);
  }

  /**
   * The agent spoke but no words could be had: audio without words is not talk (no talk time, no monologue, no
   * words per minute); it only ends the speech that was counted as going on.
   */
  private onUnheard(atMs: number): void {
    this.lastAtMs = Math.max(this.lastAtMs, atMs);
    this.speakingSince.agent = null;
    this.unheard++;
    if (!this.monologueHasWords) this.monologueStart = null;
  }

  /** Agent utterances heard without words so far. */
  get unheardTurns(): number {
    return this.unheard;
  }

  private noteAgentStart(atMs: number): void {
    if (this.monologueStart === null) this.monologueStart = atMs;
    // The first sign of the agent answering an objection fixes the response delay.
    for (const o of this.objections) {
      if (o.responseDelayMs === null && atMs >= o.atMs) o.responseDelayMs = Math.max(0, atMs - o.endMs);
    }
  }

  private onAgentTurn(t: TrackedTurn, prev: TrackedTurn | undefined): void {
    const r = t.reading;
    this.noteAgentStart(t.startMs);
    this.agentWords = true;
    this.monologueHasWords = true;
    this.longestMonologue = Math.max(this.longestMonologue, t.endMs - (this.monologueStart ?? t.startMs));
    this.customerStoryStart = null;
    this.words += r.words;
    this.fillers += r.fillers;
    for (const s of r.sentences) {
      if (s.isQuestion) this.q.agent++;
      if (s.isOpenQuestion) this.q.open++;
      if (s.acts.includes('discovery_question')) {
        this.q.discovery++;
        this.q.firstDiscoveryAtMs ??= t.startMs;
      }
      if (s.acts.includes('close_attempt')) this.closeAttempts++;
    }
    const price = sentenceWith(r, 'price_mention');
    if (price && this.firstPriceAtMs === null) {
      this.firstPriceAtMs = t.startMs;
      if (this.needsRevealed() === 0 && this.q.discovery === 0) this.priceBeforeNeeds = { atMs: t.startMs, text: price.text };
    }
    const step = sentenceWith(r, ...CLOSE_ACTS);
    if (step && this.nextStep.proposedAtMs === null) this.nextStep = { proposedAtMs: t.startMs, text: step.text };

    // Talking over the customer: the customer was cut off, or the agent's turn started well before theirs ended.
    if (prev && prev.speaker === 'customer' && !r.acts.has('backchannel')) {
      const overlap = prev.endMs - t.startMs;
      if (prev.interrupted || overlap >= this.overlapMs) this.countAgentInterruption(t.startMs, prev);
    }
    // First answer to each open objection: acknowledged? explored?
    for (const o of this.objections) {
      if (o.answeredTurn !== null || t.startMs < o.atMs) continue;
      o.answeredTurn = t.index;
      o.acknowledged = r.acts.has('acknowledgement') || r.acts.has('empathy');
      o.acknowledgedAtMs = o.acknowledged ? t.startMs : null;
      o.explored = r.sentences.some((s) => s.isQuestion);
    }
    for (const b of this.signals) {
      if (b.followedUp !== null) continue;
      b.followedUp = CLOSE_ACTS.some((a) => r.acts.has(a));
      b.followUpAtMs = b.followedUp ? t.startMs : null;
    }
  }

  /** Customer turns already counted as talked over (one interruption per customer turn). */
  private readonly countedFor = new Set<number>();
  private countAgentInterruption(atMs: number, customerTurn: TrackedTurn): void {
    if (this.countedFor.has(customerTurn.index)) return;
    this.countedFor.add(customerTurn.index);
    this.interruptions.byAgent++;
    this.interruptions.lastByAgentAtMs = atMs;
  }

  private onCustomerTurn(t: TrackedTurn, prev: TrackedTurn | undefined): void {
    const r = t.reading;
    const substantive = !r.acts.has('backchannel') || r.words > 4;
    if (substantive) {
      this.monologueStart = null;
      this.monologueHasWords = false;
    }
    if (this.customerStoryStart === null) this.customerStoryStart = t.startMs;
    this.longestStory = Math.max(this.longestStory, t.endMs - this.customerStoryStart);
    if (prev && prev.speaker === 'agent' && prev.endMs - t.startMs >= this.overlapMs && substantive) this.interruptions.byCustomer++;
    for (const s of r.sentences) {
      if (s.isQuestion) this.q.customer++;
      if (s.acts.includes('need_statement')) this.needsFromText++;
    }
    // Objections answered earlier: the customer's next turn resists again (any objection) → not resolved;
    // moves on → resolved. (One sentence carries one objection kind, so "too expensive and I don't trust you"
    // reads as trust: judging by kind would call the price objection resolved.)
    const resists = r.acts.has('objection');
    for (const o of this.objections) {
      if (o.answeredTurn === null || o.resolved !== null) continue;
      o.resolved = !resists;
    }
    for (const s of r.sentences) {
      if (s.objectionKind && s.acts.includes('objection')) {
        this.objections.push({
          id: this.objections.length + 1, kind: s.objectionKind, text: s.text, atMs: t.startMs, endMs: t.endMs,
          responseDelayMs: null, acknowledged: false, acknowledgedAtMs: null, explored: false, resolved: null, answeredTurn: null,
        });
      }
      // "Sounds interesting, but it's too expensive" is an objection, not a buying signal.
      if (s.acts.includes('buying_signal') && !s.acts.includes('objection')) this.signals.push({ text: s.text, atMs: t.startMs, followedUp: null, followUpAtMs: null });
    }
  }

  private needsRevealed(): number {
    return Math.max(this.needsFromText, this.state?.needsRevealed ?? 0);
  }

  snapshot(nowMs: number = this.lastAtMs): ConversationSnapshot {
    const now = Math.max(nowMs, this.lastAtMs);
    const live = (s: Speaker) => (this.speakingSince[s] === null ? 0 : Math.max(0, now - this.speakingSince[s]!));
    // agent speech counts as talk as it happens only once the call has shown it gets words (else it may be
    // audio that no recogniser turns into words: not talk, not a monologue)
    const agentLive = this.agentWords ? live('agent') : 0;
    const agentMs = this.talkMs.agent + agentLive;
    const customerMs = this.talkMs.customer + live('customer');
    const total = agentMs + customerMs;
    const agentSpeaking = this.speakingSince.agent !== null;
    const currentMonologue = agentSpeaking && this.agentWords && this.monologueStart !== null ? now - this.monologueStart : 0;
    // speech without words makes the agent's share unknowable, not 0 %
    const ratioKnown = total > 0 && (this.agentWords || this.unheard === 0);
    const answered = this.objections.filter((o) => o.responseDelayMs !== null);
    const agentMin = agentMs / 60_000;
    let resolved = this.objections.filter((o) => o.resolved === true).length;
    let open = this.objections.filter((o) => o.resolved !== true).length;
    // The engine's own count of open objections is the truth when it reports one.
    if (this.state?.openObjections !== undefined) {
      open = Math.min(this.objections.length, Math.max(0, Math.round(this.state.openObjections)));
      resolved = this.objections.length - open;
    }
    return {
      atMs: now,
      talk: { agentMs, customerMs, ratio: ratioKnown ? agentMs / total : null },
      monologue: { currentMs: currentMonologue, longestMs: Math.max(this.longestMonologue, currentMonologue) },
      longestCustomerStoryMs: this.longestStory,
      questions: { ...this.q },
      wordsPerMin: agentMin > 0.05 ? this.words / agentMin : null,
      fillers: { count: this.fillers, perMin: agentMin > 0.05 ? this.fillers / agentMin : 0 },
      interruptions: { ...this.interruptions },
      objections: {
        raised: this.objections.length,
        acknowledged: this.objections.filter((o) => o.acknowledged).length,
        resolved,
        open,
        meanResponseMs: answered.length ? answered.reduce((s, o) => s + o.responseDelayMs!, 0) / answered.length : null,
        benchmarkMs: COACHING_BENCHMARKS.objectionPauseMs.value,
        list: this.objections.map((o) => ({ ...o })),
      },
      needsRevealed: this.needsRevealed(),
      price: { firstAtMs: this.firstPriceAtMs, beforeNeeds: this.priceBeforeNeeds },
      buyingSignals: this.signals.map((b) => ({ ...b })),
      closeAttempts: this.closeAttempts,
      nextStep: { ...this.nextStep },
      patienceMs: this.gaps.length ? this.gaps.reduce((a, b) => a + b, 0) / this.gaps.length : null,
      speakerSwitches: this.switches,
      agentSpeaking,
      customerSpeaking: this.speakingSince.customer !== null,
      agentTurns: this.turns.filter((t) => t.speaker === 'agent').length,
      customerTurns: this.turns.filter((t) => t.speaker === 'customer').length,
    };
  }
}
