/**
 * CascadeEngine: Silero turn detection + silence window → speech-to-text (server adapter or browser transcripts)
 * → Brain → speech streamed sentence by sentence. Short agent sounds while the customer talks ("כן", "uh-huh")
 * are backchannels: they neither end the customer's turn nor barge in.
 */
import { newId } from '../core/index.ts';
import { BrainEngine, type BrainEngineOptions } from './text-engine.ts';
import type { EngineCapabilities } from './engine.ts';
import type { SpeechSynthesizer, SpeechTranscriber } from './speech.ts';
import type { PreparedReply } from './customer-turn.ts';
import { TurnDetector, type Pause, type Utterance } from './turn-detector.ts';
import type { TranscriptProblem } from './protocol.ts';
import { EndOfTurnPredictor, type EndOfTurnModel } from './end-of-turn.ts';
import { REPAIR_SPEECH_MS, TurnRepair } from './turn-repair.ts';

export interface CascadeEngineOptions extends BrainEngineOptions {
  tts: SpeechSynthesizer;
  /** Server speech-to-text; null = the browser sends transcripts (Web Speech API). */
  stt: SpeechTranscriber | null;
  /** How long to wait for the browser's final transcript after our VAD ends the utterance (ms, default 1500). */
  browserTranscriptWaitMs?: number;
  /**
   * Silence after which the reply is prepared ahead (transcript, brain, first audio) while the rest of the silence
   * window runs; dropped if the agent goes on. Default: 35% of the window, at least 200 ms. Null: never.
   */
  prepareAfterMs?: number | null;
  /** The end-of-turn predictor's weights (default: the trained model). */
  endOfTurnModel?: EndOfTurnModel;
  /** The turn detector's wall-clock fallback when audio stops arriving (TurnDetectorOptions.stallMs; default 500 ms). */
  stallMs?: number | null;
}

/** The reply being prepared during the agent's pause, and the transcript it answers. */
interface Ahead {
  /** Browser path: the finals it was prepared for; server path: the transcript of the audio so far. */
  text: Promise<string | null>;
  reply: PreparedReply | null;
  abort: AbortController;
}

export class CascadeEngine extends BrainEngine {
  readonly name = 'cascade' as const;
  readonly capabilities: EngineCapabilities;
  private readonly detector: TurnDetector;
  private startedOverCustomer = false;
  private partialTurnId = newId();
  private browserFinals: string[] = [];
  /** The browser's latest interim transcript of the agent (cleared by its final). */
  private partialWords = '';
  private awaiting: { speechEndMs: number; timer: NodeJS.Timeout } | null = null;
  private fallback: NodeJS.Timeout | null = null;
  private dropFinalsUntil = 0;
  private paused = false;
  private ahead: Ahead | null = null;
  private recognition: 'on' | 'unavailable' | 'failed' = 'on';
  /** Replies (or their transcripts) prepared ahead and then adopted / dropped (for metrics and tests). */
  readonly preparedAhead = { adopted: 0, dropped: 0 };
  /** Backchannels heard while the customer talked (for metrics and tests). */
  backchannels = 0;
  /** The agent went on just as the customer started: the customer stops (turn-repair.ts; `repair.repairs` counts). */
  readonly repair = new TurnRepair();
  private repairing = false;

  constructor(private readonly c: CascadeEngineOptions) {
    super(c, c.tts);
    this.capabilities = { audioIn: true, audioOut: true, serverTranscripts: c.stt !== null, instructionUpdates: true };
    const tt = c.persona.turnTaking;
    const pauseMs = c.prepareAfterMs === undefined ? Math.max(200, Math.round(tt.silenceMs * 0.35)) : c.prepareAfterMs;
    // the end-of-turn predictor decides with browser transcripts (held-out `turns` bench: sooner and fewer cut-ins than
    // the window in both languages); with server speech-to-text (prosody only) the fixed window, unless the persona asks
    const predicted = (tt.endOfTurn ?? (c.stt ? 'window' : 'predicted')) === 'predicted';
    const endOfTurn = predicted ? new EndOfTurnPredictor({ silenceMs: tt.silenceMs, eagerness: tt.eagerness, language: c.persona.language, model: c.endOfTurnModel }) : undefined;
    this.detector = new TurnDetector(
      // the audio of an utterance is kept only for server speech-to-text (browser transcripts need none of it)
      { clock: c.clock, silenceMs: tt.silenceMs, longSpeechMs: tt.bargeInMinMs, pauseMs: pauseMs ?? undefined, keepAudio: c.stt !== null, endOfTurn, transcript: () => this.agentWords(), sustainedMs: Math.min(REPAIR_SPEECH_MS, tt.bargeInMinMs), stallMs: c.stallMs },
      {
        speechStart: (at, onset) => this.onSpeechStart(at, onset),
        longSpeech: (at) => this.onLongSpeech(at),
        sustained: (at) => this.onSustained(at),
        utterance: (u) => void this.onUtterance(u),
        pause: (p) => this.onPause(p),
        resume: () => this.onResume(),
      },
    );
  }

  override async start(): Promise<void> {
    this.onEvent((e) => this.repair.observe(e));
    await this.detector.init();
    await super.start();
  }

  override pushAudio(pcm: Int16Array): void {
    if (!this.stopped) this.detector.push(pcm);
  }

  override endAgentTurn(): void {
    this.detector.forceEnd();
  }

  /** The agent's words of this turn so far (browser finals and the latest interim result), for the end-of-turn predictor. */
  private agentWords(): string | null {
    return [...this.browserFinals, this.partialWords].join(' ').trim() || null;
  }

  /** For tests and the benchmark: resolves when all pushed audio has been through the VAD. */
  drained(): Promise<void> {
    return this.detector.drained();
  }

  override pushAgentTranscript(text: string, final: boolean): void {
    if (this.c.stt || this.stopped) return; // the server transcribes; ignore duplicates from the browser
    if (!final) {
      this.partialWords = text;
      this.emit({ type: 'agent_transcript', turnId: this.partialTurnId, text, final: false });
      return;
    }
    this.partialWords = '';
    if (this.c.clock() < this.dropFinalsUntil) return; // the final of a backchannel we already ignored
    this.browserFinals.push(text);
    if (this.awaiting) {
      clearTimeout(this.awaiting.timer);
      const { speechEndMs } = this.awaiting;
      this.awaiting = null;
      this.commitBrowserText(speechEndMs);
    } else if (this.paused) {
      this.prepareFromFinals(); // the final arrived during the pause: the reply can start now
    } else if (!this.detector.speaking) {
      // transcripts without audio we could hear (muted mic, audio not sent): commit after a short grace period
      if (this.fallback) clearTimeout(this.fallback);
      this.fallback = setTimeout(() => {
        this.fallback = null;
        if (!this.detector.speaking && !this.awaiting) this.commitBrowserText(null);
      }, 800);
    }
  }

  override async stop(): Promise<void> {
    this.dropAhead();
    this.detector.close();
    if (this.awaiting) clearTimeout(this.awaiting.timer);
    if (this.fallback) clearTimeout(this.fallback);
    await super.stop();
  }

  private onSpeechStart(atMs: number, onsetMs = atMs): void {
    this.startedOverCustomer = this.runner.isSpeaking();
    this.repairing = this.repair.candidate(onsetMs, this.startedOverCustomer);
    if (this.fallback) {
      clearTimeout(this.fallback);
      this.fallback = null;
    }
    this.emit({ type: 'agent_speech_started', atMs });
  }

  /** The agent resumed just as the customer started and is going on: the customer cut in on a pause and stops. */
  private onSustained(atMs: number): void {
    const current = this.runner.current;
    if (!this.repairing || !current) return;
    this.repairing = false;
    this.repair.confirm();
    this.startedOverCustomer = false; // their words are the turn going on, not a backchannel
    // the customer falls silent; a reply not yet heard at all is retracted and rebuilt from the agent's new words
    if (this.runner.bargeIn(current.itemId, undefined, { retract: true })) this.emit({ type: 'barge_in', itemId: current.itemId, atMs });
  }

  private onLongSpeech(atMs: number): void {
    const current = this.runner.current;
    if (!current || !this.runner.isSpeaking()) return;
    if (this.runner.bargeIn(current.itemId)) this.emit({ type: 'barge_in', itemId: current.itemId, atMs });
  }

  /** The agent paused: prepare the reply to what they said so far, ready to go when the silence window ends. */
  private onPause(p: Pause): void {
    this.paused = true;
    if (this.stopped || !this.runner.idle) return;
    if (!this.c.stt) return this.prepareFromFinals();
    const abort = new AbortController();
    const stt = this.c.stt;
    const ahead: Ahead = { text: stt.transcribe(p.audio(), 24_000, this.c.persona.language, abort.signal).catch(() => null), reply: null, abort };
    this.ahead = ahead;
    void ahead.text.then((text) => {
      // still wanted (no resume, no stop); runs before onUtterance's await of the same promise resumes
      if (!abort.signal.aborted && !this.stopped && text?.trim()) ahead.reply = this.runner.prepare(text.trim());
    });
  }

  private prepareFromFinals(): void {
    if (this.stopped || !this.runner.idle || !this.browserFinals.length) return;
    const text = this.browserFinals.join(' ').trim();
    this.dropAhead();
    const reply = this.runner.prepare(text);
    if (reply) this.ahead = { text: Promise.resolve(text), reply, abort: new AbortController() };
  }

  private onResume(): void {
    this.paused = false;
    this.dropAhead();
  }

  private dropAhead(): void {
    const a = this.takeAhead();
    if (!a) return;
    a.abort.abort();
    a.reply?.discard();
    this.preparedAhead.dropped++;
  }

  private takeAhead(): Ahead | null {
    const a = this.ahead;
    this.ahead = null;
    return a;
  }

  private async onUtterance(u: Utterance): Promise<void> {
    this.paused = false;
    this.emit({ type: 'agent_speech_stopped', atMs: u.speechEndMs });
    const backchannel = this.startedOverCustomer && u.durationMs < this.c.persona.turnTaking.bargeInMinMs && this.runner.isSpeaking();
    this.startedOverCustomer = false;
    if (backchannel) {
      this.dropAhead();
      this.backchannels++;
      this.dropFinalsUntil = this.c.clock() + 1500;
      return;
    }
    if (this.c.stt) {
      const ahead = this.takeAhead();
      try {
        // the transcript made during the pause is of the same speech (only silence came after it)
        const early = ahead ? ((await ahead.text)?.trim() ?? '') : '';
        if (!early) ahead?.reply?.discard();
        const text = early || (await this.c.stt.transcribe(u.audio, 24_000, this.c.persona.language));
        if (!text.trim()) return this.inaudible(u.speechEndMs, 'empty');
        this.commit(text, u.speechEndMs, undefined, early ? ahead!.reply : null);
      } catch (e) {
        this.inaudible(u.speechEndMs, 'engine_error', (e as Error).message);
      }
      return;
    }
    if (this.browserFinals.length) return this.commitBrowserText(u.speechEndMs);
    // the browser said it recognises nothing: no transcript will come, the customer reacts now
    if (this.recognition !== 'on') return this.inaudible(u.speechEndMs, 'no_recognition');
    const timer = setTimeout(() => {
      this.awaiting = null;
      this.inaudible(u.speechEndMs, 'no_recognition');
    }, this.c.browserTranscriptWaitMs ?? 1500);
    this.awaiting = { speechEndMs: u.speechEndMs, timer };
  }

  /** Speech without a transcript is never dropped: an inaudible turn, and the reason for the agent. */
  private inaudible(speechEndMs: number, reason: TranscriptProblem, detail?: string): void {
    if (this.stopped) return;
    this.emit({ type: 'transcription_problem', reason, ...(detail ? { detail } : {}) });
    this.commitInaudibleTurn(speechEndMs);
  }

  /** Browser path: whether the page's speech recognition runs (until told otherwise, assume it does). */
  browserRecognition(state: 'on' | 'unavailable' | 'failed'): void {
    this.recognition = state;
  }

  private commitBrowserText(speechEndMs: number | null): void {
    const text = this.browserFinals.join(' ');
    this.browserFinals = [];
    const turnId = this.partialTurnId;
    this.partialTurnId = newId();
    this.commit(text, speechEndMs, turnId, this.takeAhead()?.reply ?? null);
  }

  /** Commit the turn, with the reply prepared ahead when it answers exactly this text. */
  private commit(text: string, speechEndMs: number | null, turnId: string | undefined, prepared: PreparedReply | null): void {
    const adopted = this.commitAgentTurn(text, speechEndMs, turnId, prepared);
    if (prepared) this.preparedAhead[adopted ? 'adopted' : 'dropped']++;
  }
}
