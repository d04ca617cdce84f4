import type { Language } from '../../analysis/index.ts';

/** A piece of recognised speech; times in seconds from the start of the audio given to the transcriber. */
export interface TranscribedSegment {
  startSec: number;
  endSec: number;
  text: string;
  /** Speaker label from a diarizing model ("A", "B"…), if it gave one. */
  speakerLabel?: string;
}

/** What a transcriber can do; callers check it instead of the provider's name. */
export interface TranscriberCapabilities {
  /** 'segments': the model returns timed segments; 'none': we time it by sending one utterance per request. */
  timestamps: 'segments' | 'none';
  /** Tells speakers apart on a mono recording. */
  diarization: boolean;
  /** Largest upload the endpoint accepts, bytes (OpenAI: 25 MB). */
  maxUploadBytes: number;
}

export interface TranscribeOptions {
  language: Language;
  signal?: AbortSignal;
  /** Fraction 0..1 of the audio done. */
  onProgress?: (fraction: number) => void;
  /** Speech stretches from the VAD; used to cut at silences and (for models without timestamps) per utterance. */
  speech?: { startSec: number; endSec: number }[];
}

/** One speech-to-text backend. Implementations: OpenAI and any OpenAI-compatible endpoint (presets of one class). */
export interface Transcriber {
  readonly name: string;
  readonly model: string;
  readonly capabilities: TranscriberCapabilities;
  /** Transcribes a 16 kHz mono WAV of any length (split into chunks under the upload limit as needed). */
  transcribe(wavPath: string, opts: TranscribeOptions): Promise<TranscribedSegment[]>;
}
