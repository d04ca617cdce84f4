/**
 * Runs one customer reply: brain text streamed as deltas, optionally spoken sentence by sentence, cut off on
 * barge-in at the audio actually heard. Shared by the Text and Cascade engines.
 */
import { newId } from '../core/index.ts';
import type { Brain } from './brain.ts';
import { SentenceSplitter } from './brain.ts';
import type { Clock, DifficultyDirective, EngineEvent, VoicePersona } from './engine.ts';
import type { SpeechSynthesizer } from './speech.ts';
import { FrameChunker } from './audio.ts';
import { PLAYBACK_REPORTS, WIRE_AUDIO } from './protocol.ts';

interface SpokenSentence {
  text: string;
  /** Audio start offset within the item (ms) and duration (ms). */
  startMs: number;
  durationMs: number;
}

interface ActiveTurn {
  itemId: string;
  abort: AbortController;
  text: string;
  sentences: SpokenSentence[];
  audioMs: number;
  firstAudioAtMs: number | null;
  streaming: boolean;
  /** Set when the reply was cut off; turn_done has been emitted. */
  cut: boolean;
  /** A fixed line (a bad-line reaction), not the brain's: the brain neither answers it nor hears it cut. */
  scripted?: boolean;
  /** The agent's words it answers (null: the customer speaks first), with the words of a retracted reply before them. */
  asked: string | null;
  /** The brain as it was before this reply (set on adoption, when the brain can fork): a retraction restores it. */
  before?: Brain;
  /** Cut by a turn repair: if none of it was heard, the reply is retracted (see `bargeIn`). */
  retract?: boolean;
}

/** Text actually heard when playback stopped after playedMs (whole sentences + the played share of the next). */
export function heardText(sentences: SpokenSentence[], playedMs: number): string {
  const parts: string[] = [];
  for (const s of sentences) {
    if (playedMs >= s.startMs + s.durationMs) parts.push(s.text);
    else {
      if (playedMs > s.startMs && s.durationMs > 0) {
        const words = s.text.split(/\s+/);
        const n = Math.floor(((playedMs - s.startMs) / s.durationMs) * words.length);
        if (n > 0) parts.push(words.slice(0, n).join(' '));
      }
      break;
    }
  }
  return parts.join(' ');
}

/**
 * A customer reply produced ahead of time (while the agent's silence window runs): the brain and the speech run,
 * but nothing reaches the session until the runner adopts it; dropped, it leaves no trace.
 */
export interface PreparedReply {
  readonly agentText: string | null;
  /** The brain it was produced with (a fork until adopted). */
  readonly brain: Brain;
  /** Stop producing it; it will never be heard. */
  discard(): void;
}

interface Reply extends PreparedReply {
  turn: ActiveTurn;
  /** Events produced before adoption; null once live. */
  held: EngineEvent[] | null;
  done: Promise<void>;
}

export class CustomerTurnRunner {
  private active: ActiveTurn | null = null;
  private readonly frameSamples = (WIRE_AUDIO.sampleRate * WIRE_AUDIO.outboundFrameMs) / 1000;
  /** The brain that answers the next turn (replaced by the fork of an adopted prepared reply). */
  brain: Brain;
  private readonly prepared = new Set<Reply>();
  /** The agent's words of a retracted reply: the next reply answers them together with the agent's new words. */
  private carry: string | null = null;
  /** Replies retracted by a turn repair before any of them was heard (for metrics and tests). */
  retracted = 0;

  constructor(
    private readonly deps: {
      brain: Brain;
      tts: SpeechSynthesizer | null;
      persona: VoicePersona;
      clock: Clock;
      emit: (e: EngineEvent) => void;
    },
  ) {
    this.brain = deps.brain;
  }

  /** The reply that can still be cut off: being produced, or its audio still playing. Null once it was heard in full. */
  get current(): { itemId: string; audioMs: number; streaming: boolean } | null {
    return this.active && !this.active.cut && this.isSpeaking() ? { itemId: this.active.itemId, audioMs: this.active.audioMs, streaming: this.active.streaming } : null;
  }

  /** Nothing is being said or settled: a reply may be prepared ahead of the next turn. */
  get idle(): boolean {
    return !this.isSpeaking() && this.pendingSettle === null;
  }

  /** True while the customer is producing or (by wall clock) still playing audio/text. */
  isSpeaking(now = this.deps.clock()): boolean {
    const a = this.active;
    if (!a || a.cut) return false;
    if (a.streaming) return true;
    return a.firstAudioAtMs !== null && now < a.firstAudioAtMs + a.audioMs;
  }

  /** Produce the customer's reply to `agentText` (null: the customer speaks first). Resolves when done or cut. */
  run(agentText: string | null): Promise<void> {
    this.settlePending(); // a cut still waiting for the client's report decides what the brain is asked now
    // a snapshot to go back to if a turn repair cuts this reply before a word of it is heard (spoken replies only: a
    // text reply is heard when shown)
    const before = this.deps.tts ? this.brain.fork?.() : undefined;
    const reply = this.start(agentText, this.brain);
    reply.turn.before = before;
    return this.adopt(reply);
  }

  /**
   * Say a fixed line as the customer (spoken and streamed like any reply, cut off the same way), without asking
   * the brain or changing it: the reaction to an inaudible agent turn.
   */
  say(line: string): Promise<void> {
    const brain: Brain = {
      kind: this.brain.kind,
      async *respond() {
        yield { type: 'text', delta: line };
      },
      interrupted: () => undefined,
      adjust: () => undefined,
    };
    const reply = this.start(null, brain);
    reply.turn.scripted = true;
    return this.adopt(reply);
  }

  /**
   * Start producing a reply on a fork of the brain, before the agent's turn is certain to be over, without letting
   * anything out: `adopt` makes it the customer's reply, `discard` drops it. Null when the brain cannot fork.
   */
  prepare(agentText: string): PreparedReply | null {
    const fork = this.brain.fork?.();
    return fork ? this.start(agentText, fork) : null;
  }

  private start(agentText: string | null, brain: Brain): Reply {
    const turn: ActiveTurn = { itemId: newId(), abort: new AbortController(), text: '', sentences: [], audioMs: 0, firstAudioAtMs: null, streaming: true, cut: false, asked: null };
    // after a retracted reply the brain hears the agent's earlier words too (it never answered them)
    const asked = agentText !== null && this.carry ? `${this.carry} ${agentText}` : agentText;
    turn.asked = asked;
    const reply: Reply = {
      agentText,
      brain,
      turn,
      held: [{ type: 'customer_turn_started', itemId: turn.itemId, atMs: 0 }],
      done: Promise.resolve(),
      discard: () => {
        this.prepared.delete(reply);
        turn.cut = true;
        turn.abort.abort();
      },
    };
    this.prepared.add(reply);
    reply.done = this.produce(turn, brain, asked, (e) => (reply.held ? reply.held.push(e) : this.deliver(turn, e)), () => reply.held === null);
    return reply;
  }

  /** Make a prepared reply the customer's answer: what it produced so far goes out now, the rest as it comes. */
  adopt(prepared: PreparedReply): Promise<void> {
    const reply = prepared as Reply;
    if (!this.prepared.delete(reply) || reply.turn.cut) throw new Error('adopt: this reply was discarded or already adopted');
    if (this.active) this.interrupt(this.active.itemId, null); // settles a pending barge-in too
    if (!reply.turn.scripted) {
      // a prepared reply ran on a fork: the brain before it is the current one; a reply run now on the brain itself
      // keeps a snapshot taken before it started (see `run`)
      reply.turn.before ??= reply.brain !== this.brain ? this.brain : undefined;
      this.brain = reply.brain;
      if (reply.turn.asked !== null) this.carry = null;
    }
    this.active = reply.turn;
    const held = reply.held ?? [];
    reply.held = null;
    for (const e of held) this.deliver(reply.turn, e);
    return reply.done;
  }

  /** The current brain's instructions (LLM brains), else null. */
  brainInstructions(): string | null {
    return this.brain.instructions?.() ?? null;
  }

  /** Apply a difficulty directive to the brain and to every reply being prepared. */
  adjust(d: DifficultyDirective): void {
    this.brain.adjust(d);
    if (this.active?.before && this.active.before !== this.brain) this.active.before.adjust(d);
    for (const r of this.prepared) if (r.brain !== this.brain) r.brain.adjust(d);
  }

  /** Out to the session, stamped with the time it really leaves. */
  private deliver(turn: ActiveTurn, e: EngineEvent): void {
    const now = this.deps.clock();
    if (e.type === 'customer_audio') {
      if (turn.cut) return;
      turn.firstAudioAtMs ??= now;
    }
    this.deps.emit('atMs' in e ? { ...e, atMs: now } : e);
  }

  /** `live`: someone is waiting for this reply (adopted); a reply prepared ahead has the rest of the window. */
  private async produce(turn: ActiveTurn, brain: Brain, agentText: string | null, out: (e: EngineEvent) => void, live: () => boolean): Promise<void> {
    const { tts, persona } = this.deps;
    const signal = turn.abort.signal;
    const splitter = new SentenceSplitter();
    const queue: string[] = [];
    let textDone = false;
    let wake: (() => void) | null = null;
    const notify = () => {
      wake?.();
      wake = null;
    };
    let hangup: Extract<EngineEvent, { type: 'hangup' }> | null = null;

    const speak = async () => {
      if (!tts) return;
      const chunker = new FrameChunker(this.frameSamples);
      const send = (pcm: Int16Array) => {
        if (signal.aborted) return;
        turn.audioMs += (pcm.length / WIRE_AUDIO.sampleRate) * 1000;
        out({ type: 'customer_audio', itemId: turn.itemId, pcm, atMs: 0 });
      };
      for (;;) {
        if (signal.aborted) return;
        // the first sentence alone (audio starts sooner); once the whole text is known, the rest in one piece
        // (one synthesis instead of one per sentence: espeak-ng's start-up dominates its cost)
        const sentence = turn.sentences.length > 0 && textDone && queue.length > 1 ? queue.splice(0).join(' ') : queue.shift();
        if (sentence === undefined) {
          if (textDone) break;
          await new Promise<void>((r) => (wake = r));
          continue;
        }
        const spoken: SpokenSentence = { text: sentence, startMs: turn.audioMs, durationMs: 0 };
        turn.sentences.push(spoken);
        let samples = 0;
        // the first sentence of an adopted reply is what the agent waits for; a prepared one yields to live work
        const background = turn.sentences.length > 1 || !live();
        for await (const pcm of tts.synthesize(sentence, { language: persona.language, voice: tts.voiceFor(persona), speed: persona.voice.speed, background }, signal)) {
          samples += pcm.length;
          spoken.durationMs = (samples / WIRE_AUDIO.sampleRate) * 1000;
          for (const f of chunker.push(pcm)) send(f);
        }
        const rest = chunker.flush();
        if (rest) send(rest);
      }
    };

    const speaking = speak().catch((e) => {
      if (!signal.aborted) out({ type: 'error', code: 'ENGINE_ERROR', message: `Speech synthesis failed: ${(e as Error).message}`, recoverable: true });
    });
    try {
      for await (const chunk of brain.respond({ agentText }, signal)) {
        if (signal.aborted) break;
        if (chunk.type === 'text') {
          turn.text += chunk.delta;
          out({ type: 'customer_text_delta', itemId: turn.itemId, delta: chunk.delta, atMs: 0 });
          queue.push(...splitter.push(chunk.delta));
          notify();
        } else if (chunk.type === 'state') out({ type: 'customer_state', mood: chunk.mood, values: chunk.values });
        else hangup = { type: 'hangup', outcome: chunk.outcome, reason: chunk.reason };
      }
    } catch (e) {
      if (!signal.aborted) out({ type: 'error', code: 'ENGINE_ERROR', message: `The customer could not answer: ${(e as Error).message}`, recoverable: true });
    }
    const tail = splitter.flush();
    if (tail) queue.push(tail);
    textDone = true;
    notify();
    await speaking;
    turn.streaming = false;
    if (turn.cut) return;
    if (!tts) turn.sentences.push({ text: turn.text, startMs: 0, durationMs: 0 });
    out({ type: 'customer_turn_done', itemId: turn.itemId, text: turn.text.trim(), interrupted: false, atMs: 0 });
    if (hangup) out(hangup);
  }

  /**
   * The agent talked over the customer: stop producing now, but wait up to `reportWaitMs` for the client to
   * say how much it played before deciding what was heard (then `interrupt` settles it, or the estimate does).
   */
  bargeIn(itemId: string, reportWaitMs: number = PLAYBACK_REPORTS.interruptWaitMs, opts: { retract?: boolean } = {}): boolean {
    const a = this.active;
    if (!a || a.cut || a.itemId !== itemId) return false;
    a.cut = true;
    a.retract = opts.retract;
    a.abort.abort();
    const estimateAt = this.deps.clock();
    this.pendingSettle = { turn: a, estimateAt, timer: setTimeout(() => this.settle(a, this.estimatePlayed(a, estimateAt)), reportWaitMs) };
    return true;
  }

  /**
   * Cut the current reply off at what the client played (playedMs), or at an estimate when null.
   * Returns the heard text, or null when itemId is not the reply in progress.
   */
  interrupt(itemId: string, playedMs: number | null): string | null {
    const pending = this.pendingSettle;
    // playback stopped at the barge-in: without the client's report, what was heard is estimated at that moment
    if (pending && pending.turn.itemId === itemId) return this.settle(pending.turn, playedMs ?? this.estimatePlayed(pending.turn, pending.estimateAt));
    const a = this.active;
    if (!a || a.cut || a.itemId !== itemId) return null;
    // A reply that was produced and played in full is not cut by the next turn (a typed reply is "heard" when shown).
    if (!this.isSpeaking()) return null;
    a.cut = true;
    a.abort.abort();
    return this.settle(a, playedMs ?? this.estimatePlayed(a, this.deps.clock()));
  }

  private pendingSettle: { turn: ActiveTurn; estimateAt: number; timer: NodeJS.Timeout } | null = null;

  private settlePending(): void {
    const p = this.pendingSettle;
    if (p) this.settle(p.turn, this.estimatePlayed(p.turn, p.estimateAt));
  }

  /** The client's latest report of how much of the current reply it has played, on the session clock. */
  private lastReport: { itemId: string; playedMs: number; atMs: number } | null = null;

  /** The client says it has played `playedMs` of itemId (periodic position reports): sharpens the estimate. */
  notePlayback(itemId: string, playedMs: number): void {
    if (this.active?.itemId === itemId) this.lastReport = { itemId, playedMs, atMs: this.deps.clock() };
  }

  /** How much of `a` had been heard at `at` when the client did not say: from its last report, else from the first audio sent. */
  private estimatePlayed(a: ActiveTurn, at: number): number {
    const r = this.lastReport?.itemId === a.itemId ? this.lastReport : null;
    const played = r ? r.playedMs + Math.max(0, at - r.atMs) : a.firstAudioAtMs === null ? 0 : at - a.firstAudioAtMs;
    return Math.max(0, Math.min(a.audioMs, played));
  }

  private settle(a: ActiveTurn, playedMs: number): string {
    if (this.pendingSettle?.turn === a) {
      clearTimeout(this.pendingSettle.timer);
      this.pendingSettle = null;
    }
    const heardMs = Math.min(playedMs, a.audioMs);
    // no audio left at all: nothing was heard (a sentence still being synthesized has no duration yet)
    const heard = !this.deps.tts ? a.text.trim() : a.firstAudioAtMs === null ? '' : heardText(a.sentences, heardMs);
    if (a.retract && !a.scripted && !heard && a.before && a.asked !== null) {
      // a turn repair before a word was heard: for the brain the reply never happened; the agent's words it answered
      // are answered with the agent's next ones
      this.brain = a.before;
      this.carry = a.asked;
      this.retracted++;
    } else if (!a.scripted) this.brain.interrupted(heard);
    this.deps.emit({ type: 'customer_turn_done', itemId: a.itemId, text: heard, interrupted: true, atMs: this.deps.clock(), ...(this.deps.tts && a.firstAudioAtMs !== null ? { heardMs } : {}) });
    return heard;
  }

  /** Stop everything (engine shutdown) without reporting a cut. */
  cancel(): void {
    if (this.pendingSettle) clearTimeout(this.pendingSettle.timer);
    this.pendingSettle = null;
    for (const r of [...this.prepared]) r.discard();
    if (this.active) {
      this.active.cut = true;
      this.active.abort.abort();
    }
  }
}
