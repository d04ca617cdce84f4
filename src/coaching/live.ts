/**
 * LiveCoaching: the live layer of one practice call in one object — ConversationTracker, VoiceConfidence,
 * EmotionDetector, DifficultyEngine and RealTimeCoach — fed by the voice session's taps and emitting the wire
 * protocol's `metrics`, `hint`, `difficulty` and `customer_state` messages. `record()` hands everything the
 * session report needs.
 */
import type { Language } from '../analysis/index.ts';
import { LEVEL_SPECS, LEVEL_LABELS, type Level } from '../scenarios/index.ts';
import { RealTimeCoach, hintTexts, type CoachOptions, type HintEvent } from './coach.ts';
import { ConversationTracker, type ConversationSnapshot } from './conversation-tracker.ts';
import { DifficultyEngine, type DifficultyChange, type DifficultyDirectives, type DifficultyOptions, type DifficultyTarget } from './difficulty.ts';
import { EmotionDetector, type AgentReading, type MoodReading } from './emotion.ts';
import { hedgeCount, type CustomerMood } from './emotion-lexicon.ts';
import { ProsodyTracker, featuresOf } from './prosody.ts';
import { VoiceConfidence, type ConfidenceReading } from './voice-confidence.ts';
import { wordTalkRatio } from './typed-call.ts';
import { type Bilingual, type CustomerState, type LiveEvent, type Turn, clamp01, customerStateFromValues, isUnheard, round } from './types.ts';

/** The messages the live layer sends to the browser (same shapes as the voice wire protocol). */
export type CoachMessage =
  | { type: 'metrics'; values: Record<string, number> }
  | { type: 'hint'; text: string; severity: 'info' | 'warn'; texts: Bilingual }
  | { type: 'difficulty'; level: string; reason: string; reasons: Bilingual }
  | { type: 'customer_state'; mood: string; values: Record<string, number> };

export interface LiveCoachingOptions {
  language: Language;
  level: Level;
  /** Hints allowed in the call (default: the level's hintsAllowed). */
  maxHints?: number;
  /** Scenario time limit (default: the level's). */
  timeLimitSec?: number;
  coach?: Partial<Omit<CoachOptions, 'language' | 'maxHints' | 'timeLimitSec'>>;
  difficulty?: Partial<Omit<DifficultyOptions, 'level'>>;
  /** Where messages go (the session transport's sendJson). */
  emit?: (m: CoachMessage) => void;
  /** Where difficulty directives go (brainTarget / engineTarget). */
  target?: DifficultyTarget;
  /** Audio seconds the live confidence looks back over (default 15: roughly the last two turns). */
  voiceWindowSec?: number;
}

/** Everything the session report reads from the live layer. */
export interface LiveRecord {
  language: Language;
  level: Level;
  turns: Turn[];
  snapshot: ConversationSnapshot;
  hints: HintEvent[];
  difficulty: DifficultyChange[];
  moods: { atMs: number; mood: CustomerMood; source: MoodReading['source'] }[];
  customerState: CustomerState | null;
  voice: ConfidenceReading | null;
  /** Confidence per agent turn as the difficulty engine saw it. */
  turnConfidence: { atMs: number; confidence: number | null }[];
  /** Agent utterances heard without words (no recogniser, a failed one, or an empty result). */
  unheardTurns: number;
  /** A typed call (no microphone): talk share comes from words, and there is no voice reading. */
  typed: boolean;
}

/** Structural slices of the voice domain's session tap inputs (so this file needs no voice import). */
export interface TurnRecordLike {
  speaker: 'agent' | 'customer';
  text: string;
  startMs: number;
  endMs: number;
  interrupted: boolean;
  /** Agent speech heard without words (voice domain's TurnRecord.inaudible). */
  inaudible?: boolean;
}
export type EngineEventLike =
  | { type: 'agent_speech_started'; atMs: number }
  | { type: 'agent_speech_stopped'; atMs: number }
  | { type: 'customer_turn_started'; atMs: number }
  | { type: 'customer_state'; mood: string; values: Record<string, number> }
  | { type: string };

export class LiveCoaching {
  readonly tracker: ConversationTracker;
  readonly voice: VoiceConfidence;
  readonly emotion: EmotionDetector;
  readonly difficulty: DifficultyEngine;
  readonly coach: RealTimeCoach;
  private readonly customerProsody = new ProsodyTracker({}, 30);
  private readonly turns: Turn[] = [];
  private readonly moods: LiveRecord['moods'] = [];
  private readonly turnConf: LiveRecord['turnConfidence'] = [];
  private lastMetricsAt = -Infinity;
  private lastMood: CustomerMood | null = null;
  private nowMs = 0;
  private agentHadAudio = false;
  /** Typed turns (text engine): no speech time and no voice — talk share from words, no confidence or pace. */
  private typed = false;

  constructor(private readonly o: LiveCoachingOptions) {
    const spec = LEVEL_SPECS[o.level];
    this.tracker = new ConversationTracker({ language: o.language });
    this.voice = new VoiceConfidence({}, o.voiceWindowSec ?? 15);
    this.emotion = new EmotionDetector({ language: o.language });
    this.difficulty = new DifficultyEngine({ level: o.level, ...o.difficulty });
    this.coach = new RealTimeCoach({
      language: o.language,
      maxHints: o.maxHints ?? spec.hintsAllowed,
      timeLimitSec: o.timeLimitSec ?? spec.timeLimitSec,
      ...o.coach,
    });
    this.coach.setMode(this.difficulty.directivesNow);
  }

  /** The call is typed (no microphone): talk share is read from words; voice-only readings are left out. */
  setTyped(typed: boolean): void {
    this.typed = typed;
  }

  /** Agent microphone audio, PCM16 24 kHz mono. */
  agentAudio(pcm: Int16Array, atMs?: number): void {
    this.voice.push(pcm);
    this.agentHadAudio = true;
    if (atMs !== undefined) this.nowMs = Math.max(this.nowMs, atMs);
  }

  /** Customer audio as sent to the browser (its arousal sharpens the mood estimate). */
  customerAudio(pcm: Int16Array): void {
    if (this.emotion.engineDriven) return; // the brain's own state is the mood: no need to listen for it
    this.customerProsody.push(pcm);
  }

  /** A conversation event; finished turns drive emotion, difficulty and the coach. */
  update(e: LiveEvent): void {
    this.tracker.update(e);
    if (e.type === 'customer_state') {
      this.emotion.observeState(e.state);
      this.noteMood(e.atMs);
    }
    if (e.type !== 'turn') {
      this.tick(e.atMs);
      return;
    }
    if (isUnheard(e)) {
      // no words: nothing to judge, no confidence to read; the tracker only closes the speech it counted
      this.tick(e.endMs, true);
      return;
    }
    const turn: Turn = { speaker: e.speaker, text: e.text, startMs: e.startMs, endMs: e.endMs, interrupted: e.interrupted };
    this.turns.push(turn);
    if (e.speaker === 'customer') {
      this.emotion.observeCustomerTurn(e.text, this.customerArousal());
      this.noteMood(e.endMs);
    } else {
      const c = this.turnConfidence(turn);
      this.turnConf.push({ atMs: e.endMs, confidence: c });
      const d = this.difficulty.observeTurn(c, e.endMs, this.agentHadAudio ? 'voice' : 'text');
      if (d) this.applyDirectives(d);
    }
    this.tick(e.endMs, true);
  }

  /** Advance the clock: evaluate hints, and send metrics at most once a second (or now when forced). */
  tick(atMs: number, force = false): void {
    this.nowMs = Math.max(this.nowMs, atMs);
    const s = this.tracker.snapshot(this.nowMs);
    for (const h of this.coach.evaluate(s, this.nowMs)) this.o.emit?.({ type: 'hint', text: h.text, severity: h.severity, texts: hintTexts(h.rule) });
    if (force || this.nowMs - this.lastMetricsAt >= 1000) {
      this.lastMetricsAt = this.nowMs;
      this.o.emit?.({ type: 'metrics', values: this.metrics(s) });
    }
  }

  /** The numbers of the live panel. */
  metrics(s: ConversationSnapshot = this.tracker.snapshot(this.nowMs)): Record<string, number> {
    const v: Record<string, number> = {
      elapsedSec: round(s.atMs / 1000, 1),
      monologueSec: round(s.monologue.currentMs / 1000, 1),
      longestMonologueSec: round(s.monologue.longestMs / 1000, 1),
      questions: s.questions.agent,
      discoveryQuestions: s.questions.discovery,
      fillersPerMin: round(s.fillers.perMin, 1),
      interruptions: s.interruptions.byAgent,
      objectionsRaised: s.objections.raised,
      objectionsAcknowledged: s.objections.acknowledged,
      objectionsResolved: s.objections.resolved,
      needsRevealed: s.needsRevealed,
      difficulty: this.difficulty.directivesNow.difficulty,
      hintsLeft: this.coach.remaining,
    };
    // typed turns have no speech time: their talk share is the share of the words (never a false 0 %), and a
    // typed call has no speaking pace
    if (this.typed) {
      v.typed = 1; // the panel says the share is of the words, and that there is no voice reading
      const byWords = wordTalkRatio(this.turns);
      if (byWords !== null) v.talkRatio = round(byWords);
    } else {
      if (s.talk.ratio !== null) v.talkRatio = round(s.talk.ratio);
      v.wordsPerMin = round(s.wordsPerMin ?? 0, 0);
    }
    if (s.objections.meanResponseMs !== null) v.objectionResponseSec = round(s.objections.meanResponseMs / 1000, 2);
    const last = s.objections.list.at(-1);
    if (last?.responseDelayMs != null) v.lastObjectionResponseSec = round(last.responseDelayMs / 1000, 2);
    const conf = this.agentHadAudio ? this.voice.live().confidence : null;
    if (conf !== null) v.confidence = conf;
    const a = this.agentState(s);
    v.agentHesitation = a.hesitation;
    v.agentStress = a.stress;
    return v;
  }

  agentState(s: ConversationSnapshot = this.tracker.snapshot(this.nowMs)): AgentReading {
    const lastAgent = [...this.turns].reverse().find((t) => t.speaker === 'agent');
    return this.emotion.agent({ voice: this.agentHadAudio ? this.voice.live() : null, snapshot: s, recentAgentText: lastAgent?.text });
  }

  /** Everything the report needs, at the end of the call. */
  record(): LiveRecord {
    return {
      language: this.o.language,
      level: this.o.level,
      turns: [...this.turns],
      snapshot: this.tracker.snapshot(this.nowMs),
      hints: [...this.coach.hints],
      difficulty: [...this.difficulty.log],
      moods: [...this.moods],
      customerState: this.tracker.customerState,
      voice: this.agentHadAudio ? this.voice.overall() : null,
      turnConfidence: [...this.turnConf],
      unheardTurns: this.tracker.unheardTurns,
      typed: this.typed,
    };
  }

  /**
   * A SimulationSession tap (voice domain's SessionTap shape): agent/customer audio, engine events and
   * finished turns flow in; messages flow out through `emit`.
   */
  tap() {
    return {
      onAgentAudio: (pcm: Int16Array, atMs: number) => this.agentAudio(pcm, atMs),
      onCustomerAudio: (pcm: Int16Array) => this.customerAudio(pcm),
      onEngineEvent: (e: EngineEventLike) => this.onEngineEvent(e),
      onTurn: (t: TurnRecordLike) => this.update({ type: 'turn', speaker: t.speaker, text: t.text, startMs: t.startMs, endMs: t.endMs, interrupted: t.interrupted, ...(t.inaudible ? { inaudible: true } : {}) }),
    };
  }

  private onEngineEvent(e: EngineEventLike): void {
    if (e.type === 'agent_speech_started' && 'atMs' in e) this.update({ type: 'speech_started', speaker: 'agent', atMs: e.atMs });
    else if (e.type === 'agent_speech_stopped' && 'atMs' in e) this.update({ type: 'speech_stopped', speaker: 'agent', atMs: e.atMs });
    else if (e.type === 'customer_turn_started' && 'atMs' in e) this.update({ type: 'speech_started', speaker: 'customer', atMs: e.atMs });
    else if (e.type === 'customer_state' && 'values' in e) {
      this.update({ type: 'customer_state', state: customerStateFromValues(e.mood, e.values), atMs: this.nowMs });
    }
  }

  /**
   * Confidence of one agent turn for the difficulty engine. With audio: 0.7 × live voice confidence +
   * 0.3 × text fluency. Without audio (typed or browser-transcribed turns): text fluency alone, where text
   * fluency = 1 − 0.5·min(1, 10·fillers/words) − 0.5·min(1, 10·hedges/words), minus 0.2 for talking over the
   * customer and 0.2 for answering an objection without acknowledging it.
   */
  private turnConfidence(t: Turn): number | null {
    const s = this.tracker.snapshot(t.endMs);
    const tracked = this.tracker.transcript.at(-1);
    const words = tracked?.reading.words ?? 0;
    if (words === 0) return null;
    const fillers = tracked?.reading.fillers ?? 0;
    const hedges = hedgeCount(t.text, this.o.language);
    let text = 1 - 0.5 * clamp01((10 * fillers) / words) - 0.5 * clamp01((10 * hedges) / words);
    if (s.interruptions.lastByAgentAtMs === t.startMs) text -= 0.2;
    if (s.objections.list.some((o) => o.answeredTurn === tracked?.index && !o.acknowledged)) text -= 0.2;
    text = clamp01(text);
    const voice = this.agentHadAudio ? this.voice.live().confidence : null;
    return round(voice === null ? text : 0.7 * voice + 0.3 * text);
  }

  private customerArousal(): number | undefined {
    const f = featuresOf(this.customerProsody.window(10));
    if (f.speakingSec < 1 || f.energyDb === null) return undefined;
    // Loud, fast and wide-ranging reads as agitated; each part 0..1, averaged.
    return round((clamp01((f.energyDb + 30) / 15) + clamp01((f.syllablesPerSec - 5) / 3) + clamp01((f.pitchSpreadSt - 3) / 4)) / 3);
  }

  private applyDirectives(d: DifficultyDirectives): void {
    this.coach.setMode(d);
    const lang = this.o.language;
    this.o.emit?.({ type: 'difficulty', level: `${d.mode}:${LEVEL_LABELS[this.o.level][lang]}`, reason: d.reason[lang], reasons: d.reason });
    void Promise.resolve(this.o.target?.apply(d, lang)).catch(() => undefined);
  }

  private noteMood(atMs: number): void {
    const m = this.emotion.customer();
    if (m.mood === this.lastMood) return;
    this.lastMood = m.mood;
    this.moods.push({ atMs, mood: m.mood, source: m.source });
    // With an engine that reports its own state the session already forwards it; only estimates go out.
    if (m.source === 'estimated') this.o.emit?.({ type: 'customer_state', mood: m.mood, values: m.scores });
  }
}
