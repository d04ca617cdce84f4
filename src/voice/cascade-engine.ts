/**
 * CascadeEngine: Silero turn detection + silence window → speech-to-text (server adapter or browser transcripts)
 * → Brain → speech streamed sentence by sentence. Short agent sounds while the customer talks ("כן", "uh-huh")
 * are backchannels: they neither end the customer's turn nor barge in.
 */
import { newId } from '../core/index.ts';
import { BrainEngine, type BrainEngineOptions } from './text-engine.ts';
import type { EngineCapabilities } from './engine.ts';
import type { SpeechSynthesizer, SpeechTranscriber } from './speech.ts';
import { TurnDetector, type Utterance } from './turn-detector.ts';

export interface CascadeEngineOptions extends BrainEngineOptions {
  tts: SpeechSynthesizer;
  /** Server speech-to-text; null = the browser sends transcripts (Web Speech API). */
  stt: SpeechTranscriber | null;
  /** How long to wait for the browser's final transcript after our VAD ends the utterance (ms, default 1500). */
  browserTranscriptWaitMs?: number;
}

export class CascadeEngine extends BrainEngine {
  readonly name = 'cascade' as const;
  readonly capabilities: EngineCapabilities;
  private readonly detector: TurnDetector;
  private startedOverCustomer = false;
  private partialTurnId = newId();
  private browserFinals: string[] = [];
  private awaiting: { speechEndMs: number; timer: NodeJS.Timeout } | null = null;
  private fallback: NodeJS.Timeout | null = null;
  private dropFinalsUntil = 0;
  /** Backchannels heard while the customer talked (for metrics and tests). */
  backchannels = 0;

  constructor(private readonly c: CascadeEngineOptions) {
    super(c, c.tts);
    this.capabilities = { audioIn: true, audioOut: true, serverTranscripts: c.stt !== null, instructionUpdates: true };
    const tt = c.persona.turnTaking;
    this.detector = new TurnDetector(
      { clock: c.clock, silenceMs: tt.silenceMs, longSpeechMs: tt.bargeInMinMs },
      {
        speechStart: (at) => this.onSpeechStart(at),
        longSpeech: (at) => this.onLongSpeech(at),
        utterance: (u) => void this.onUtterance(u),
      },
    );
  }

  override async start(): Promise<void> {
    await this.detector.init();
    await super.start();
  }

  override pushAudio(pcm: Int16Array): void {
    if (!this.stopped) this.detector.push(pcm);
  }

  override endAgentTurn(): void {
    this.detector.forceEnd();
  }

  /** For tests and the benchmark: resolves when all pushed audio has been through the VAD. */
  drained(): Promise<void> {
    return this.detector.drained();
  }

  override pushAgentTranscript(text: string, final: boolean): void {
    if (this.c.stt || this.stopped) return; // the server transcribes; ignore duplicates from the browser
    if (!final) {
      this.emit({ type: 'agent_transcript', turnId: this.partialTurnId, text, final: false });
      return;
    }
    if (this.c.clock() < this.dropFinalsUntil) return; // the final of a backchannel we already ignored
    this.browserFinals.push(text);
    if (this.awaiting) {
      clearTimeout(this.awaiting.timer);
      const { speechEndMs } = this.awaiting;
      this.awaiting = null;
      this.commitBrowserText(speechEndMs);
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
    this.detector.close();
    if (this.awaiting) clearTimeout(this.awaiting.timer);
    if (this.fallback) clearTimeout(this.fallback);
    await super.stop();
  }

  private onSpeechStart(atMs: number): void {
    this.startedOverCustomer = this.runner.isSpeaking();
    if (this.fallback) {
      clearTimeout(this.fallback);
      this.fallback = null;
    }
    this.emit({ type: 'agent_speech_started', atMs });
  }

  private onLongSpeech(atMs: number): void {
    const current = this.runner.current;
    if (!current || !this.runner.isSpeaking()) return;
    if (this.runner.bargeIn(current.itemId)) this.emit({ type: 'barge_in', itemId: current.itemId, atMs });
  }

  private async onUtterance(u: Utterance): Promise<void> {
    this.emit({ type: 'agent_speech_stopped', atMs: u.speechEndMs });
    const backchannel = this.startedOverCustomer && u.durationMs < this.c.persona.turnTaking.bargeInMinMs && this.runner.isSpeaking();
    this.startedOverCustomer = false;
    if (backchannel) {
      this.backchannels++;
      this.dropFinalsUntil = this.c.clock() + 1500;
      return;
    }
    if (this.c.stt) {
      try {
        const text = await this.c.stt.transcribe(u.audio, 24_000, this.c.persona.language);
        this.commitAgentTurn(text, u.speechEndMs);
      } catch (e) {
        this.emit({ type: 'error', code: 'ENGINE_ERROR', message: (e as Error).message, recoverable: true });
      }
      return;
    }
    if (this.browserFinals.length) return this.commitBrowserText(u.speechEndMs);
    const timer = setTimeout(() => (this.awaiting = null), this.c.browserTranscriptWaitMs ?? 1500);
    this.awaiting = { speechEndMs: u.speechEndMs, timer };
  }

  private commitBrowserText(speechEndMs: number | null): void {
    const text = this.browserFinals.join(' ');
    this.browserFinals = [];
    const turnId = this.partialTurnId;
    this.partialTurnId = newId();
    this.commitAgentTurn(text, speechEndMs, turnId);
  }
}
