/**
 * Choosing and building the engine for a session from configuration and what is available: the fallback chain
 * Realtime → cascade (OpenAI-compatible speech-to-text + chat + text-to-speech) → offline, started at the tier the
 * company or the agent chose.
 */
import type { Config } from '../config/index.ts';
import { AppError } from '../core/index.ts';
import type { Brain } from './brain.ts';
import { CascadeEngine } from './cascade-engine.ts';
import { ChatBrain } from './chat-brain.ts';
import type { Clock, CustomerToolHandlers, SimulationEngine, VoicePersona } from './engine.ts';
import type { EngineChoice, EngineName, EngineTier } from './protocol.ts';
import { FallbackEngine, type ChainLink } from './fallback-engine.ts';
import type { UsageRecord } from './usage.ts';
import { RealtimeEngine } from './realtime-engine.ts';
import { EmbeddedSpeechTranscriber, EspeakSynthesizer, OpenAiSpeechSynthesizer, OpenAiTranscriber, type SpeechTranscriber } from './speech.ts';
import { embeddedFromConfig } from '../calls/index.ts';
import { TextEngine } from './text-engine.ts';

export type VoiceConfig = Pick<
  Config,
  'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_REALTIME_URL' | 'OPENAI_REALTIME_MODEL' | 'OPENAI_CHAT_MODEL' | 'OPENAI_TRANSCRIBE_MODEL' | 'OPENAI_TTS_MODEL' | 'TRANSCRIBE_BASE_URL' | 'TRANSCRIBE_API_KEY'
> &
  Partial<Pick<Config, 'DATA_DIR' | 'TRANSCRIBE_MODEL_PATH' | 'TRANSCRIBE_TIMEOUT_MS_PER_SEC'>>;

/** Tiers this configuration can run: Realtime needs a key (and the Realtime service: OpenAI's, or OPENAI_REALTIME_URL when OPENAI_BASE_URL points elsewhere); the cascade needs a chat endpoint; offline needs the offline brain. */
export function availableTiers(cfg: VoiceConfig, hasOffline: boolean): EngineTier[] {
  const out: EngineTier[] = [];
  if (cfg.OPENAI_API_KEY && (!cfg.OPENAI_BASE_URL || cfg.OPENAI_REALTIME_URL)) out.push('realtime');
  if (cfg.OPENAI_API_KEY || cfg.OPENAI_BASE_URL) out.push('cascade');
  if (hasOffline) out.push('offline');
  return out;
}

const TIER_NEEDS: Record<EngineTier, string> = {
  realtime: 'The Realtime engine needs OPENAI_API_KEY (and OPENAI_REALTIME_URL when OPENAI_BASE_URL points to another server).',
  cascade: 'The cascade engine needs OPENAI_API_KEY or OPENAI_BASE_URL (an OpenAI-compatible chat endpoint).',
  offline: 'The offline engine needs the offline customer brain, which this server was started without.',
};

/**
 * The chain a session runs, best first: from the chosen tier (agent's choice, else the company's, else "auto")
 * down to offline, skipping what is not configured. Text sessions use no Realtime. An explicit choice that is not
 * available is an error saying what to configure.
 */
export function engineChain(cfg: VoiceConfig, wanted: 'voice' | 'text', choice: EngineChoice | EngineName | undefined, hasOffline: boolean): EngineTier[] {
  const avail = availableTiers(cfg, hasOffline).filter((t) => wanted === 'voice' || t !== 'realtime');
  const c: EngineChoice = choice === undefined || choice === 'text' ? 'auto' : choice;
  if (c !== 'auto' && !(wanted === 'text' && c === 'realtime') && !avail.includes(c)) {
    // the old "cascade" meant "not Realtime": with no chat endpoint that is the offline cascade
    if (c === 'cascade' && avail.includes('offline')) return ['offline'];
    throw new AppError('NOT_CONFIGURED', `${TIER_NEEDS[c]} ${avail.length ? `Available here: ${avail.join(', ')}.` : ''}`.trim());
  }
  const from = c === 'auto' || (wanted === 'text' && c === 'realtime') ? 0 : avail.indexOf(c);
  const chain = avail.slice(from);
  if (chain.length === 0) throw new AppError('NOT_CONFIGURED', 'No customer engine is available: configure OPENAI_API_KEY or OPENAI_BASE_URL (the offline brain is not installed on this server).');
  return chain;
}

/** Sessions stored before engine chains: their one engine, with the fallbacks this configuration offers after it. */
export function legacyChain(name: EngineName, cfg: VoiceConfig): EngineTier[] {
  if (name === 'realtime') return ['realtime', 'cascade', 'offline'];
  if (name === 'text') return cfg.OPENAI_API_KEY || cfg.OPENAI_BASE_URL ? ['cascade', 'offline'] : ['offline'];
  return cfg.OPENAI_API_KEY || cfg.OPENAI_BASE_URL ? ['cascade', 'offline'] : ['offline'];
}

/** The engine class a tier runs in a voice or text session. */
export function engineNameOf(tier: EngineTier, wanted: 'voice' | 'text'): EngineName {
  if (wanted === 'text') return 'text';
  return tier === 'realtime' ? 'realtime' : 'cascade';
}

/** The engine class a session starts on (the head of its chain; see `engineChain`), the offline brain assumed present. */
export function chooseEngine(cfg: VoiceConfig, wanted: 'voice' | 'text', prefer?: EngineChoice | EngineName): EngineName {
  return engineNameOf(engineChain(cfg, wanted, prefer, true)[0], wanted);
}

/**
 * Server speech-to-text, the transcription chain's server steps: an endpoint (TRANSCRIBE_BASE_URL or an OpenAI
 * key), else the embedded recogniser when a model is installed; null: the browser transcribes, else the agent types.
 */
export function transcriberFrom(cfg: VoiceConfig, onUsage?: (u: UsageRecord) => void, opts: { cloud?: boolean } = {}): SpeechTranscriber | null {
  const report = onUsage && ((u: { seconds: number }) => onUsage({ kind: 'transcription', model: cfg.OPENAI_TRANSCRIBE_MODEL, seconds: u.seconds }));
  if (cfg.TRANSCRIBE_BASE_URL) return new OpenAiTranscriber({ baseURL: cfg.TRANSCRIBE_BASE_URL, apiKey: cfg.TRANSCRIBE_API_KEY, model: cfg.OPENAI_TRANSCRIBE_MODEL, onUsage: report });
  // `cloud: false` (the offline tier): never OpenAI's service, only a self-hosted endpoint or the embedded model
  if (cfg.OPENAI_API_KEY && opts.cloud !== false) return new OpenAiTranscriber({ baseURL: cfg.OPENAI_BASE_URL, apiKey: cfg.OPENAI_API_KEY, model: cfg.OPENAI_TRANSCRIBE_MODEL, onUsage: report });
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

export interface BuildChainInput extends Omit<BuildEngineInput, 'name'> {
  chain: EngineTier[];
  mode: 'voice' | 'text';
  /** Usage reported by the paid services (cost per call). */
  onUsage?: (u: UsageRecord) => void;
  log?: (msg: string) => void;
  /** Realtime reconnect attempts after a drop and the pause before each (ms), default [250, 1000, 3000]. */
  reconnectDelaysMs?: number[];
}

/** The session's engine: the chain behind one FallbackEngine. */
export function buildEngineChain(i: BuildChainInput): FallbackEngine {
  const links: ChainLink[] = i.chain.map((tier) => ({ tier, name: engineNameOf(tier, i.mode), build: () => buildTier(tier, i) }));
  const engine = new FallbackEngine({ chain: links, log: i.log });
  // the Realtime engine reports usage as events (response.done, transcription); the HTTP adapters call back
  if (i.onUsage) engine.onEvent((e) => e.type === 'usage' && i.onUsage!(e.usage));
  return engine;
}

function buildTier(tier: EngineTier, i: BuildChainInput): SimulationEngine {
  const { cfg, persona, clock } = i;
  const usage = i.onUsage;
  if (tier === 'realtime') {
    if (!cfg.OPENAI_API_KEY) throw new AppError('NOT_CONFIGURED', TIER_NEEDS.realtime);
    return new RealtimeEngine({ apiKey: cfg.OPENAI_API_KEY, url: cfg.OPENAI_REALTIME_URL, model: cfg.OPENAI_REALTIME_MODEL, transcribeModel: cfg.OPENAI_TRANSCRIBE_MODEL, persona, clock, tools: i.tools, log: i.log, reconnectDelaysMs: i.reconnectDelaysMs });
  }
  if (tier === 'cascade') {
    if (!cfg.OPENAI_API_KEY && !cfg.OPENAI_BASE_URL) throw new AppError('NOT_CONFIGURED', TIER_NEEDS.cascade);
    const brain = new ChatBrain({ baseURL: cfg.OPENAI_BASE_URL, apiKey: cfg.OPENAI_API_KEY, model: cfg.OPENAI_CHAT_MODEL, persona, onUsage: usage });
    if (i.mode === 'text') return new TextEngine({ persona, brain, clock });
    const tts = cfg.OPENAI_API_KEY
      ? new OpenAiSpeechSynthesizer({ baseURL: cfg.OPENAI_BASE_URL, apiKey: cfg.OPENAI_API_KEY, model: cfg.OPENAI_TTS_MODEL, onUsage: (u) => usage?.({ kind: 'speech', model: cfg.OPENAI_TTS_MODEL, seconds: u.seconds, characters: u.characters }) })
      : new EspeakSynthesizer();
    return new CascadeEngine({ persona, brain, clock, tts, stt: transcriberFrom(cfg, usage) });
  }
  const brain = i.offlineBrain();
  if (i.mode === 'text') return new TextEngine({ persona, brain, clock });
  // offline: no cloud; a self-hosted transcription server or the embedded model (else the browser transcribes)
  const stt = transcriberFrom(cfg, usage, { cloud: false });
  return new CascadeEngine({ persona, brain, clock, tts: new EspeakSynthesizer(), stt });
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
