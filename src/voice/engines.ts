/** Choosing and building the engine for a session from configuration and what is available. */
import type { Config } from '../config/index.ts';
import { AppError } from '../core/index.ts';
import type { Brain } from './brain.ts';
import { CascadeEngine } from './cascade-engine.ts';
import { ChatBrain } from './chat-brain.ts';
import type { Clock, CustomerToolHandlers, SimulationEngine, VoicePersona } from './engine.ts';
import type { EngineName } from './protocol.ts';
import { RealtimeEngine } from './realtime-engine.ts';
import { EmbeddedSpeechTranscriber, EspeakSynthesizer, OpenAiSpeechSynthesizer, OpenAiTranscriber, type SpeechTranscriber } from './speech.ts';
import { embeddedFromConfig } from '../calls/index.ts';
import { TextEngine } from './text-engine.ts';

export type VoiceConfig = Pick<
  Config,
  'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_REALTIME_URL' | 'OPENAI_REALTIME_MODEL' | 'OPENAI_CHAT_MODEL' | 'OPENAI_TRANSCRIBE_MODEL' | 'OPENAI_TTS_MODEL' | 'TRANSCRIBE_BASE_URL' | 'TRANSCRIBE_API_KEY'
> &
  Partial<Pick<Config, 'DATA_DIR' | 'TRANSCRIBE_MODEL_PATH' | 'TRANSCRIBE_TIMEOUT_MS_PER_SEC'>>;

/** Which engine a session gets: asked-for text → text; a key → realtime; otherwise the offline cascade. */
export function chooseEngine(cfg: VoiceConfig, wanted: 'voice' | 'text', prefer?: EngineName): EngineName {
  if (wanted === 'text') return 'text';
  if (prefer === 'cascade') return 'cascade';
  if (prefer === 'realtime' && !cfg.OPENAI_API_KEY) throw new AppError('NOT_CONFIGURED', 'The Realtime engine needs OPENAI_API_KEY; the offline engine is available instead.');
  return cfg.OPENAI_API_KEY && !cfg.OPENAI_BASE_URL ? 'realtime' : 'cascade';
}

/**
 * Server speech-to-text, the transcription chain's server steps: an endpoint (TRANSCRIBE_BASE_URL or an OpenAI
 * key), else the embedded recogniser when a model is installed; null: the browser transcribes, else the agent types.
 */
export function transcriberFrom(cfg: VoiceConfig): SpeechTranscriber | null {
  if (cfg.TRANSCRIBE_BASE_URL) return new OpenAiTranscriber({ baseURL: cfg.TRANSCRIBE_BASE_URL, apiKey: cfg.TRANSCRIBE_API_KEY, model: cfg.OPENAI_TRANSCRIBE_MODEL });
  if (cfg.OPENAI_API_KEY) return new OpenAiTranscriber({ baseURL: cfg.OPENAI_BASE_URL, apiKey: cfg.OPENAI_API_KEY, model: cfg.OPENAI_TRANSCRIBE_MODEL });
  const embedded = cfg.DATA_DIR ? embeddedFromConfig({ DATA_DIR: cfg.DATA_DIR, TRANSCRIBE_MODEL_PATH: cfg.TRANSCRIBE_MODEL_PATH, TRANSCRIBE_TIMEOUT_MS_PER_SEC: cfg.TRANSCRIBE_TIMEOUT_MS_PER_SEC ?? 3000 }) : null;
  return embedded ? new EmbeddedSpeechTranscriber(embedded) : null;
}

/** An LLM brain when a chat endpoint is configured, else the given offline brain. */
export function brainFrom(cfg: VoiceConfig, persona: VoicePersona, offline: () => Brain): Brain {
  if (cfg.OPENAI_API_KEY || cfg.OPENAI_BASE_URL) return new ChatBrain({ baseURL: cfg.OPENAI_BASE_URL, apiKey: cfg.OPENAI_API_KEY, model: cfg.OPENAI_CHAT_MODEL, persona });
  return offline();
}

export interface BuildEngineInput {
  name: EngineName;
  cfg: VoiceConfig;
  persona: VoicePersona;
  clock: Clock;
  tools: CustomerToolHandlers;
  /** The offline customer brain for this persona (used when no chat endpoint is configured). */
  offlineBrain: () => Brain;
}

export function buildEngine(i: BuildEngineInput): SimulationEngine {
  const { cfg, persona, clock } = i;
  if (i.name === 'realtime') {
    if (!cfg.OPENAI_API_KEY) throw new AppError('NOT_CONFIGURED', 'The Realtime engine needs OPENAI_API_KEY.');
    return new RealtimeEngine({ apiKey: cfg.OPENAI_API_KEY, url: cfg.OPENAI_REALTIME_URL, model: cfg.OPENAI_REALTIME_MODEL, transcribeModel: cfg.OPENAI_TRANSCRIBE_MODEL, persona, clock, tools: i.tools });
  }
  const brain = brainFrom(cfg, persona, i.offlineBrain);
  if (i.name === 'text') return new TextEngine({ persona, brain, clock });
  const tts = cfg.OPENAI_API_KEY ? new OpenAiSpeechSynthesizer({ baseURL: cfg.OPENAI_BASE_URL, apiKey: cfg.OPENAI_API_KEY, model: cfg.OPENAI_TTS_MODEL }) : new EspeakSynthesizer();
  return new CascadeEngine({ persona, brain, clock, tts, stt: transcriberFrom(cfg) });
}
