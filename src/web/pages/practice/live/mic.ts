/**
 * Microphone capture: getUserMedia with echo cancellation and noise suppression requested, an AudioContext at
 * 24 kHz (the browser resamples the device), and an AudioWorklet that cuts PCM16 frames of 40 ms and measures
 * their level. Frames go to `onFrame`; the worklet runs off the main thread, so the UI never stalls capture.
 */

/** Why the microphone could not be opened, in words the page can act on. */
export type MicProblem = 'denied' | 'missing' | 'busy' | 'insecure' | 'unsupported';

export class MicError extends Error {
  constructor(readonly problem: MicProblem, message: string) {
    super(message);
  }
}

const FRAME_SAMPLES = 960; // 40 ms at 24 kHz

// The worklet runs in its own global scope; it is loaded from a Blob so the bundler needs no special handling.
const WORKLET = `
class CaptureProcessor extends AudioWorkletProcessor {
  constructor() { super(); this.buf = new Int16Array(${FRAME_SAMPLES}); this.n = 0; this.sum = 0; }
  process(inputs) {
    const ch = inputs[0] && inputs[0][0];
    if (!ch) return true;
    for (let i = 0; i < ch.length; i++) {
      const v = Math.max(-1, Math.min(1, ch[i]));
      this.buf[this.n++] = v < 0 ? v * 32768 : v * 32767;
      this.sum += v * v;
      if (this.n === ${FRAME_SAMPLES}) {
        const level = Math.sqrt(this.sum / ${FRAME_SAMPLES});
        this.port.postMessage({ pcm: this.buf.buffer, level }, [this.buf.buffer]);
        this.buf = new Int16Array(${FRAME_SAMPLES}); this.n = 0; this.sum = 0;
      }
    }
    return true;
  }
}
registerProcessor('salesgym-capture', CaptureProcessor);
`;

export interface Mic {
  readonly sampleRate: number;
  stop(): void;
}

/** Opens the microphone; throws MicError with a problem the page explains. */
export async function openMic(onFrame: (pcm: Int16Array, level: number) => void): Promise<Mic> {
  if (!window.isSecureContext) throw new MicError('insecure', 'The microphone needs a secure page (https or localhost).');
  if (!navigator.mediaDevices?.getUserMedia || typeof AudioWorkletNode === 'undefined') throw new MicError('unsupported', 'This browser cannot capture audio.');
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 },
    });
  } catch (e) {
    const name = (e as DOMException)?.name;
    if (name === 'NotAllowedError' || name === 'SecurityError') throw new MicError('denied', 'Microphone access was refused.');
    if (name === 'NotFoundError' || name === 'OverconstrainedError') throw new MicError('missing', 'No microphone was found.');
    if (name === 'NotReadableError' || name === 'AbortError') throw new MicError('busy', 'The microphone is used by another application.');
    throw new MicError('unsupported', (e as Error)?.message ?? 'The microphone could not be opened.');
  }
  const ctx = new AudioContext({ sampleRate: 24_000, latencyHint: 'interactive' });
  const url = URL.createObjectURL(new Blob([WORKLET], { type: 'text/javascript' }));
  try {
    await ctx.audioWorklet.addModule(url);
  } finally {
    URL.revokeObjectURL(url);
  }
  const source = ctx.createMediaStreamSource(stream);
  const node = new AudioWorkletNode(ctx, 'salesgym-capture', { numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1, channelCountMode: 'explicit' });
  node.port.onmessage = (ev: MessageEvent<{ pcm: ArrayBuffer; level: number }>) => onFrame(new Int16Array(ev.data.pcm), ev.data.level);
  source.connect(node);
  if (ctx.state === 'suspended') await ctx.resume();
  return {
    sampleRate: ctx.sampleRate,
    stop() {
      node.port.onmessage = null;
      source.disconnect();
      node.disconnect();
      for (const t of stream.getTracks()) t.stop();
      void ctx.close();
    },
  };
}
