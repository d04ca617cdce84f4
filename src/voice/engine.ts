/**
 * The engine contract every simulation engine implements (Realtime, Cascade, Text), plus the persona slice
 * and tool callbacks engines need. The SimulationSession talks only to this interface.
 */
import type { Language } from '../analysis/index.ts';
import type { EngineName, EngineTier, Outcome, PersonaCard, TranscriptProblem } from './protocol.ts';
import type { UsageRecord } from './usage.ts';

/** Milliseconds since the session started; one clock for every timestamp in a session. */
export type Clock = () => number;

export interface EngineCapabilities {
  /** Accepts microphone audio (pushAudio). */
  audioIn: boolean;
  /** Produces customer audio. */
  audioOut: boolean;
  /** Transcribes the agent's audio itself (otherwise the browser sends transcripts). */
  serverTranscripts: boolean;
  /** Applies instruction / difficulty updates mid-call. */
  instructionUpdates: boolean;
}

/** Turn-taking settings of one persona. */
export interface TurnTaking {
  /** Silence (ms) after the agent stops before the customer answers; impatient customers wait less. */
  silenceMs: number;
  /** Realtime engine: which service VAD to use. */
  vad: 'server_vad' | 'semantic_vad';
  /** semantic_vad eagerness. */
  eagerness: 'low' | 'medium' | 'high' | 'auto';
  /** Agent speech shorter than this while the customer talks is a backchannel, not a barge-in (ms, default 600). */
  bargeInMinMs: number;
  /**
   * Cascade engine: how the end of the agent's turn is decided. 'predicted': the end-of-turn predictor
   * (end-of-turn.ts; waits scale with silenceMs and eagerness); 'window': silenceMs of silence, always. Default:
   * predicted with browser transcripts (it beats the window on the held-out `turns` bench), window with server STT.
   */
  endOfTurn?: 'predicted' | 'window';
}

/** What an engine needs to know about the customer it plays. */
export interface VoicePersona {
  id: string;
  name: string;
  language: Language;
  /** Grammatical gender of the customer (Hebrew directives agree with it); default female. */
  gender?: 'female' | 'male';
  /** Compiled instructions for an LLM customer (Realtime / chat brain). */
  instructions: string;
  card: PersonaCard;
  voice: {
    /** OpenAI voice (alloy, ash, ballad, coral, echo, sage, shimmer, verse, marin, cedar). */
    realtime: string;
    /** espeak-ng voice variant, e.g. "he", "en-us+f3". */
    espeak: string;
    /** Speaking rate factor, 1 = normal. */
    speed: number;
  };
  turnTaking: TurnTaking;
  /** The customer speaks first (inbound call); otherwise the agent opens. */
  customerSpeaksFirst: boolean;
}

export const DEFAULT_TURN_TAKING: TurnTaking = { silenceMs: 700, vad: 'server_vad', eagerness: 'auto', bargeInMinMs: 600 };

/** A mid-call change of how hard the customer is. */
export interface DifficultyDirective {
  level: 'supportive' | 'neutral' | 'challenging';
  /** Extra instructions for LLM customers, in the persona's language. */
  note?: string;
  /** Offline brain: objections to raise beyond the persona's own (default 1 when challenging). */
  extraObjections?: number;
  /** Offline brain: the customer presses for time (default true when challenging). */
  timePressure?: boolean;
  /** Offline brain: in-character hints after weak turns (default true when supportive). */
  hints?: boolean;
}

/** Server-side answers to the specification's function tools (Realtime engine) — grounded in our data. */
export interface CustomerToolHandlers {
  company_objection_handler(args: { topic?: string }): Promise<unknown> | unknown;
  customer_background_generator(args: { aspect?: string }): Promise<unknown> | unknown;
  scenario_difficulty_adjuster(args: { observation?: string }): Promise<unknown> | unknown;
}

/** Everything engines report, as one discriminated union. Times are session-clock ms. */
export type EngineEvent =
  | { type: 'status'; status: 'connected' | 'reconnecting' | 'degraded'; detail?: string }
  | { type: 'agent_speech_started'; atMs: number }
  | { type: 'agent_speech_stopped'; atMs: number }
  /** `inaudible`: speech was heard but no words could be had (text is empty); see inaudible.ts. */
  | { type: 'agent_transcript'; turnId: string; text: string; final: boolean; inaudible?: boolean }
  | { type: 'agent_turn_committed'; turnId: string; text: string; atMs: number; speechEndMs: number | null; inaudible?: boolean }
  /** Why the last agent utterance has no words (the session tells the agent once per reason). */
  | { type: 'transcription_problem'; reason: TranscriptProblem; detail?: string }
  | { type: 'customer_turn_started'; itemId: string; atMs: number }
  | { type: 'customer_text_delta'; itemId: string; delta: string; atMs: number }
  /** PCM16 24 kHz mono. */
  | { type: 'customer_audio'; itemId: string; pcm: Int16Array; atMs: number }
  /** `heardMs`: for a reply cut off mid-audio, how much of its audio the client played (its stored turn ends there). */
  | { type: 'customer_turn_done'; itemId: string; text: string; interrupted: boolean; atMs: number; heardMs?: number }
  /** The agent talked over the customer: stop playback of itemId now. */
  | { type: 'barge_in'; itemId: string; atMs: number }
  | { type: 'customer_state'; mood: string; values: Record<string, number> }
  | { type: 'hangup'; outcome: Outcome; reason: string }
  | { type: 'tool_call'; name: string; args: unknown; result: unknown }
  /** The engine in use failed for good (or could not start) and the call goes on in the next one. */
  | { type: 'engine_switched'; from: EngineTier; to: EngineTier; name: EngineName; capabilities: EngineCapabilities; reason: string }
  /** What the call consumed from a paid service, as the service reported it (cost per call). */
  | { type: 'usage'; usage: UsageRecord }
  | { type: 'error'; code: 'ENGINE_ERROR' | 'ENGINE_RECONNECTING'; message: string; recoverable: boolean };

export type EngineListener = (e: EngineEvent) => void;

/** One simulation engine. Created per session; `start` once, `stop` once. */
export interface SimulationEngine {
  readonly name: EngineName;
  readonly capabilities: EngineCapabilities;
  start(): Promise<void>;
  /** Agent microphone audio, PCM16 24 kHz mono. */
  pushAudio(pcm: Int16Array): void;
  /** Agent transcript from the browser's speech recognition. */
  pushAgentTranscript(text: string, final: boolean): void;
  /** The browser says whether its speech recognition runs (engines that wait for browser transcripts use it). */
  browserRecognition?(state: 'on' | 'unavailable' | 'failed'): void;
  /** A typed agent turn. */
  pushAgentText(text: string): void;
  /** Push-to-talk release: end the agent's turn now. */
  endAgentTurn(): void;
  /** The client stopped playback of itemId after playedMs (barge-in). */
  interrupt(itemId: string, playedMs: number): void;
  /** Playback progress report (ms of itemId heard so far). */
  notePlayback(itemId: string, playedMs: number): void;
  /** A mid-call difficulty change, layered onto the persona's instructions (never replacing them). */
  updateDirectives(d: DifficultyDirective): Promise<void>;
  /** The customer's instructions in force (LLM customers: persona + current layers); null for the offline brain. */
  instructions(): string | null;
  stop(): Promise<void>;
  onEvent(listener: EngineListener): () => void;
}

/** Small helper engines extend: listener set + emit. */
export class EngineEmitter {
  private readonly listeners = new Set<EngineListener>();
  onEvent(listener: EngineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  protected emit(e: EngineEvent): void {
    for (const l of this.listeners) l(e);
  }
}
