/**
 * The embedded recogniser behind the calls' Transcriber interface: a 16 kHz mono WAV of any length is cut into
 * chunks of at most 30 s (Whisper's window) at silences, each chunk transcribed in the worker, and the segments
 * shifted to call time. Stereo calls come here one channel at a time (transcribeCall), so channels become speakers.
 */
import { readWavSamples } from '../../../audio/index.ts';
import { planChunks } from '../chunks.ts';
import type { TranscribeOptions, TranscribedSegment, Transcriber, TranscriberCapabilities } from '../types.ts';
import type { EmbeddedWhisper } from './engine.ts';

const WINDOW_SEC = 30;

export class EmbeddedTranscriber implements Transcriber {
  readonly name = 'embedded';
  readonly capabilities: TranscriberCapabilities = { timestamps: 'segments', diarization: false, maxUploadBytes: Number.MAX_SAFE_INTEGER };
  constructor(private readonly engine: EmbeddedWhisper) {}

  get model(): string {
    return this.engine.model;
  }

  async transcribe(wavPath: string, opts: TranscribeOptions): Promise<TranscribedSegment[]> {
    const { samples, sampleRate } = await readWavSamples(wavPath);
    if (sampleRate !== 16_000) throw new Error(`the embedded recogniser needs 16 kHz audio, got ${sampleRate} Hz`);
    const duration = samples.length / sampleRate;
    const out: TranscribedSegment[] = [];
    let done = 0;
    for (const c of planChunks(duration, WINDOW_SEC, opts.speech)) {
      opts.signal?.throwIfAborted();
      // a chunk with no speech in it (the VAD says so) is not worth a model run
      const hasSpeech = !opts.speech || opts.speech.some((s) => s.endSec > c.startSec && s.startSec < c.endSec);
      if (hasSpeech) {
        const pcm = samples.subarray(Math.floor(c.startSec * sampleRate), Math.ceil(c.endSec * sampleRate));
        for (const s of await this.engine.transcribe(pcm, opts.language, opts.signal)) {
          if (!s.text) continue;
          out.push({ startSec: r3(c.startSec + s.startMs / 1000), endSec: r3(Math.min(c.endSec, c.startSec + s.endMs / 1000)), text: s.text });
        }
      }
      done += c.endSec - c.startSec;
      opts.onProgress?.(Math.min(1, done / Math.max(duration, 0.001)));
    }
    return out;
  }
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
