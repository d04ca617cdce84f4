/**
 * The transcription chain, one for uploads and practice: a configured endpoint (OPENAI_API_KEY, TRANSCRIBE_BASE_URL
 * or a keyless OPENAI_BASE_URL) → the embedded recogniser when a model is installed → (practice only) the
 * browser's recognition → typed. This file says which server step is in force and why; the practice page adds
 * the browser's part.
 */
import type { Config } from '../../config/index.ts';
import { embeddedFromConfig, findModel } from './embedded/engine.ts';
import { EmbeddedTranscriber } from './embedded/transcriber.ts';
import { transcriberFromConfig as endpointTranscriber } from './openai.ts';
import type { Transcriber } from './types.ts';

export type ChainConfig = Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'TRANSCRIBE_BASE_URL' | 'TRANSCRIBE_API_KEY' | 'OPENAI_TRANSCRIBE_MODEL' | 'DATA_DIR' | 'TRANSCRIBE_MODEL_PATH'> &
  Partial<Pick<Config, 'TRANSCRIBE_TIMEOUT_MS_PER_SEC'>>;

/** The server's step of the chain: an endpoint, the embedded model, or none (practice falls back to the browser, then typing). */
export type ServerTranscription =
  | { kind: 'endpoint'; name: string; model: string }
  | { kind: 'embedded'; model: string; path: string }
  | { kind: 'none'; why: string };

/** Which server step this configuration uses (without loading anything). */
export function serverTranscription(config: ChainConfig): ServerTranscription {
  const ep = endpointTranscriber(config as Config);
  if (ep) return { kind: 'endpoint', name: ep.name, model: ep.model };
  const model = findModel(config);
  if (model) return { kind: 'embedded', model: model.split('/').pop()!, path: model };
  const why = config.TRANSCRIBE_MODEL_PATH
    ? `TRANSCRIBE_MODEL_PATH points at ${config.TRANSCRIBE_MODEL_PATH}, which does not exist`
    : 'no transcription endpoint is configured and no model is installed in DATA_DIR/models';
  return { kind: 'none', why };
}

/** The calls' transcriber: the endpoint when configured, else the embedded recogniser when a model is installed, else null (audio-only report). */
export function transcriberFromConfig(config: ChainConfig): Transcriber | null {
  const ep = endpointTranscriber(config as Config);
  if (ep) return ep;
  const e = embeddedFromConfig({ ...config, TRANSCRIBE_TIMEOUT_MS_PER_SEC: config.TRANSCRIBE_TIMEOUT_MS_PER_SEC ?? 3000 });
  return e ? new EmbeddedTranscriber(e) : null;
}
