/**
 * TurnDetector: Silero VAD over the agent's 24 kHz audio (resampled to 16 kHz) plus a silence window.
 * Reports speech start, "speech long enough to be a real barge-in", and end of utterance with its audio.
 */
import { Resampler, int16ToFloat32 } from './audio.ts';
import { SILERO_RATE, SILERO_WINDOW, SileroStream } from './silero.ts';
import type { Clock } from './engine.ts';
import { prosodicCues, type EndOfTurnEstimate, type EndOfTurnPredictor, type ProsodicCues } from './end-of-turn.ts';

export interface TurnDetectorOptions {
  clock: Clock;
  /** Silence that ends the agent's utterance (ms). */
  silenceMs: number;
  /** Speech longer than this is more than a backchannel (ms). */
  longSpeechMs: number;
  /** Speech this long reports `sustained` (ms, optional; shorter than longSpeechMs: "more than a quick 'כן'"). */
  sustainedMs?: number;
  /** Speech probability that starts / continues speech (default 0.5) and below which is silence (0.35). */
  positive?: number;
  negative?: number;
  /** Consecutive voiced ms needed to start speech (default 90). */
  minSpeechMs?: number;
  /** Audio kept before the detected start, for transcription (ms, default 300). */
  prerollMs?: number;
  /** Silence after which the utterance is probably over (a `pause` is reported; default: never). */
  pauseMs?: number;
  /** Keep the utterance's audio (server speech-to-text needs it; default true). False: utterances carry none. */
  keepAudio?: boolean;
  /**
   * Speech longer than this ends the utterance anyway (ms, default 120 000): a monologue gets its answer, and
   * steady noise heard as speech (a television) cannot grow the kept audio without bound.
   */
  maxUtteranceMs?: number;
  /**
   * End-of-turn predictor (end-of-turn.ts): when set, the silence that ends the utterance is its estimate (from the
   * last speech's prosody and `transcript()`), re-read as the silence runs; `silenceMs` is then only its scale.
   */
  endOfTurn?: EndOfTurnPredictor;
  /** The agent's words so far (a partial or final transcript), for the predictor; null when there is none. */
  transcript?: () => string | null;
  /**
   * Wall-clock fallback (ms of no audio at all, default 500; null: never, for evaluations on an audio-time clock).
   * A microphone sends a frame every 20–40 ms; when none has come for this long during an utterance (a scripted client
   * that stops after its last words, a muted or dropped microphone) the silence goes on in wall time and the turn ends
   * once it reaches the wait, held to at most `silenceMs + holdExtraMs`: a turn is never held for audio that never comes.
   */
  stallMs?: number | null;
  /** With audio stalled, or a predictor still awaiting the latest words, the longest wait past `silenceMs` (ms, default 400). */
  holdExtraMs?: number;
}

/** The agent has been silent for `pauseMs`: the utterance is probably over, though speech may still resume. */
export interface Pause {
  speechEndMs: number;
  /** The utterance so far (24 kHz PCM16, with pre-roll): what will be transcribed unless speech resumes. */
  audio(): Int16Array;
}

export interface Utterance {
  /** Session-clock ms when the agent actually stopped speaking (before the silence window). */
  speechEndMs: number;
  speechStartMs: number;
  durationMs: number;
  /** The utterance's audio, 24 kHz PCM16, with pre-roll. */
  audio: Int16Array;
}

export interface TurnDetectorEvents {
  /**
   * Speech confirmed (`minSpeechMs` of confident windows), dated from the first of them. `onsetMs`: where it most
   * likely began — the first window of the last ONSET_LOOKBACK_MS above the `negative` threshold (what keeps speech
   * going once started) not separated from it by clear silence
   * (Silero wavers on weak onsets, so confirmation can lag the first syllable by several hundred ms).
   */
  speechStart(atMs: number, onsetMs?: number): void;
  longSpeech(atMs: number): void;
  /** Speech has gone on for `sustainedMs` (see TurnDetectorOptions). */
  sustained?(atMs: number): void;
  utterance(u: Utterance): void;
  /** The agent paused (see TurnDetectorOptions.pauseMs); `utterance` or `resume` follows. */
  pause?(p: Pause): void;
  /** Speech went on after a pause: the utterance is not over. */
  resume?(): void;
}

const WINDOW_MS = (SILERO_WINDOW / SILERO_RATE) * 1000;
/** How far back before confirmed speech its onset is looked for (ms). */
export const ONSET_LOOKBACK_MS = 600;
/** Below this probability a window is clear silence; this long a run of them separates an onset from the speech (ms). */
const CLEAR_P = 0.15;
const CLEAR_RUN_MS = 150;

/** The onset of speech confirmed at `startMs`: the first window of `recent` with p ≥ `threshold` not separated from it by a clear-silence run. */
export function speechOnset(recent: Array<{ atMs: number; p: number }>, startMs: number, threshold: number): number {
  let onset = startMs;
  let clear = 0;
  for (let i = recent.length - 1; i >= 0; i--) {
    const w = recent[i];
    if (w.atMs >= startMs) continue;
    if (startMs - w.atMs > ONSET_LOOKBACK_MS) break;
    clear = w.p < CLEAR_P ? clear + WINDOW_MS : 0;
    if (clear >= CLEAR_RUN_MS) break;
    if (w.p >= threshold) onset = w.atMs - WINDOW_MS;
  }
  return Math.min(onset, startMs);
}
/** With an end-of-turn predictor: how long before the predicted commit the reply starts being prepared (ms). */
const PREPARE_LEAD_MS = 250;
/** Silence shorter than this inside speech is articulation, not a pause (ms; as in coaching/prosody.ts). */
const MIN_PAUSE_MS = 180;

export class TurnDetector {
  private readonly resampler = new Resampler(24_000, SILERO_RATE);
  private pending16 = new Float32Array(0);
  private chain: Promise<void> = Promise.resolve();
  private vad: SileroStream | null = null;
  /** The latest windows scored outside speech (for `speechOnset`). */
  private recent: Array<{ atMs: number; p: number }> = [];
  private state:
    | { speaking: false; voicedMs: number }
    | {
        speaking: true;
        startMs: number;
        voicedMs: number;
        silenceMs: number;
        silenceStartMs: number;
        long: boolean;
        paused: boolean;
        /** Windows since the last confident one (p ≥ positive): the model's fading tail after speech ends. */
        weak: number;
        /** Prosody of the speech before the current silence (computed once per silence, for the predictor). */
        cues?: ProsodicCues | null;
        /** The transcript as it was when the latest stretch of speech began: unchanged = its words are not in yet. */
        wordsAtSpeech?: string | null;
      } = { speaking: false, voicedMs: 0 };
  /** The last ~1.2 s of audio (24 kHz), kept for the end-of-turn predictor's prosody. */
  private tail: Int16Array | null = null;
  private tailPos = 0;
  /** The predictor's latest estimate during the current silence (for tests, logs and the bench). */
  lastEstimate: EndOfTurnEstimate | null = null;
  /** Wall-clock fallback: the timer armed after each batch of audio, and when that audio came (performance.now()). */
  private stallTimer: NodeJS.Timeout | null = null;
  private lastAudioWall = 0;
  /** Session clock when the last audio was scored (a speech cut off by a stopped microphone ends there). */
  private lastAudioMs = 0;
  /** Turns ended by the wall-clock fallback (for tests and logs). */
  stallEnds = 0;
  /** 24 kHz audio since pre-roll before the current utterance. */
  private audio: Int16Array[] = [];
  private audioSamples = 0;
  private closed = false;

  constructor(private readonly opts: TurnDetectorOptions, private readonly on: TurnDetectorEvents) {}

  async init(): Promise<void> {
    this.vad = await SileroStream.create();
  }

  get speaking(): boolean {
    return this.state.speaking;
  }

  /** Feed agent audio (PCM16 24 kHz mono) as it arrives. */
  push(pcm: Int16Array): void {
    if (this.closed) return;
    this.lastAudioWall = performance.now();
    if (this.stallTimer) {
      clearTimeout(this.stallTimer);
      this.stallTimer = null;
    }
    this.keepAudio(pcm);
    if (this.opts.endOfTurn) this.keepTail(pcm);
    const r = this.resampler.push(int16ToFloat32(pcm));
    const joined = new Float32Array(this.pending16.length + r.length);
    joined.set(this.pending16);
    joined.set(r, this.pending16.length);
    let i = 0;
    const windows: Float32Array[] = [];
    for (; i + SILERO_WINDOW <= joined.length; i += SILERO_WINDOW) windows.push(joined.slice(i, i + SILERO_WINDOW));
    this.pending16 = joined.slice(i);
    if (!windows.length || !this.vad) {
      this.chain = this.chain.then(() => this.armStall());
      return;
    }
    // submitted now (scored in order by the VAD), read in order: throughput is not one round trip per frame
    const scored = windows.map((w) => {
      const p = this.vad!.probability(w);
      p.catch(() => undefined); // a failure surfaces where it is awaited, in order
      return p;
    });
    this.chain = this.chain
      .then(() => this.process(scored))
      .then(() => this.armStall())
      .catch(() => undefined);
  }

  /** After a batch: if an utterance is open and no more audio comes within `stallMs`, the fallback runs. */
  private armStall(): void {
    const ms = this.opts.stallMs === undefined ? 500 : this.opts.stallMs;
    if (ms === null || this.closed || !this.state.speaking || this.stallTimer) return;
    const due = Math.max(0, this.lastAudioWall + ms - performance.now());
    this.stallTimer = setTimeout(() => this.stalled(), due);
    this.stallTimer.unref?.();
  }

  /** No audio for `stallMs`: the silence since the last audio counts in wall time, and the wait is bounded. */
  private stalled(): void {
    this.stallTimer = null;
    const s = this.state;
    if (this.closed || !s.speaking) return;
    if (s.silenceMs === 0) {
      // speech cut off mid-word (the microphone stopped): it ended with the last audio
      s.silenceStartMs = this.lastAudioMs;
      s.weak = 0;
    }
    const silent = s.silenceMs + (performance.now() - this.lastAudioWall);
    const bound = this.opts.silenceMs + (this.opts.holdExtraMs ?? 400);
    const needMs = Math.min(this.silenceNeeded(s), bound);
    if (silent >= needMs) {
      this.stallEnds++;
      this.finish(s.silenceStartMs);
      return;
    }
    if (!s.paused && this.opts.pauseMs !== undefined && silent >= Math.min(this.opts.pauseMs, Math.max(WINDOW_MS, needMs - PREPARE_LEAD_MS))) {
      s.paused = true;
      this.on.pause?.({ speechEndMs: s.silenceStartMs, audio: () => this.joinedAudio() });
    }
    // re-read as words may still arrive (they can shorten the wait); never past the bound
    this.stallTimer = setTimeout(() => this.stalled(), Math.max(10, Math.min(100, needMs - silent)));
    this.stallTimer.unref?.();
  }

  /** Resolves when every pushed window has been scored. */
  drained(): Promise<void> {
    return this.chain;
  }

  /** Push-to-talk release: end the utterance now if there is one. */
  forceEnd(): void {
    this.chain = this.chain.then(() => {
      if (this.state.speaking) this.finish(this.opts.clock());
    });
  }

  close(): void {
    this.closed = true;
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.vad?.close();
  }

  private keepAudio(pcm: Int16Array): void {
    if (this.opts.keepAudio === false) return;
    this.audio.push(pcm.slice());
    this.audioSamples += pcm.length;
    if (!this.state.speaking) {
      const keep = ((this.opts.prerollMs ?? 300) * 24_000) / 1000 + 24_000 * 0.2;
      while (this.audio.length > 1 && this.audioSamples - this.audio[0].length >= keep) this.audioSamples -= this.audio.shift()!.length;
    }
  }

  private async process(scored: Promise<number>[]): Promise<void> {
    const o = this.opts;
    const pos = o.positive ?? 0.5;
    const neg = o.negative ?? 0.35;
    for (const next of scored) {
      if (this.closed) return;
      const p = await next;
      const now = o.clock();
      this.lastAudioMs = now;
      const s = this.state;
      if (!s.speaking) {
        this.recent.push({ atMs: now, p });
        if (this.recent.length > Math.ceil((ONSET_LOOKBACK_MS + 200) / WINDOW_MS)) this.recent.shift();
        s.voicedMs = p >= pos ? s.voicedMs + WINDOW_MS : 0;
        if (s.voicedMs >= (o.minSpeechMs ?? 90)) {
          const startMs = now - s.voicedMs;
          this.state = { speaking: true, startMs, voicedMs: s.voicedMs, silenceMs: 0, silenceStartMs: now, long: false, paused: false, weak: 0, wordsAtSpeech: o.endOfTurn ? (o.transcript?.() ?? null) : null };
          this.trimToPreroll();
          const onsetMs = speechOnset(this.recent, startMs, neg);
          this.recent = [];
          this.on.speechStart(startMs, onsetMs);
        }
        continue;
      }
      if (p >= neg) {
        // speech again after a pause (not a stop or a word join: those are shorter than MIN_PAUSE_MS)
        if (s.silenceMs >= MIN_PAUSE_MS && o.endOfTurn) s.wordsAtSpeech = o.transcript?.() ?? null;
        s.silenceMs = 0;
        s.weak = p >= pos ? 0 : s.weak + 1;
        if (now - s.startMs >= (o.maxUtteranceMs ?? 120_000)) {
          this.finish(now);
          continue;
        }
        s.cues = undefined;
        if (s.paused) {
          s.paused = false;
          this.on.resume?.();
        }
        s.voicedMs += WINDOW_MS;
        if (o.sustainedMs !== undefined && s.voicedMs >= o.sustainedMs && s.voicedMs - WINDOW_MS < o.sustainedMs) this.on.sustained?.(now);
        if (!s.long && s.voicedMs >= o.longSpeechMs) {
          s.long = true;
          this.on.longSpeech(now);
        }
      } else {
        if (s.silenceMs === 0) {
          // speech ended with the last confident window: the uncertain ones after it were its fading tail
          s.silenceStartMs = now - WINDOW_MS * (1 + s.weak);
          s.silenceMs = WINDOW_MS * s.weak;
          s.weak = 0;
        }
        s.silenceMs += WINDOW_MS;
        const needMs = this.silenceNeeded(s);
        // with a predictor the reply is prepared PREPARE_LEAD_MS before the predicted commit when it can (a short wait
        // must not outrun the preparation), and never later than pauseMs
        const pauseMs = o.pauseMs === undefined ? undefined : o.endOfTurn ? Math.min(o.pauseMs, Math.max(WINDOW_MS, needMs - PREPARE_LEAD_MS)) : o.pauseMs;
        if (s.silenceMs >= needMs) this.finish(s.silenceStartMs);
        else if (!s.paused && pauseMs !== undefined && s.silenceMs >= pauseMs) {
          s.paused = true;
          this.on.pause?.({ speechEndMs: s.silenceStartMs, audio: () => this.joinedAudio() });
        }
      }
    }
  }

  /** Silence that ends the utterance: the fixed window, or the predictor's wait for this silence. */
  private silenceNeeded(s: { cues?: ProsodicCues | null; wordsAtSpeech?: string | null }): number {
    const p = this.opts.endOfTurn;
    if (!p) return this.opts.silenceMs;
    if (s.cues === undefined) s.cues = this.tail ? prosodicCues(this.tailAudio()) : null;
    const words = this.opts.transcript?.() ?? null;
    // with a transcript source, words unchanged since this speech began are not its words
    const awaitingWords = this.opts.transcript !== undefined && words === (s.wordsAtSpeech ?? null);
    // the words of the latest stretch of speech (since the last pause): what the clause being spoken is
    const before = s.wordsAtSpeech ?? null;
    const latestWords = words && before && words.startsWith(before) ? words.slice(before.length).trim() || null : words;
    this.lastEstimate = p.estimate({ prosody: s.cues, transcript: words, latestWords, awaitingWords });
    return this.lastEstimate.waitMs;
  }

  private keepTail(pcm: Int16Array): void {
    const t = (this.tail ??= new Int16Array(24_000 * 1.2));
    for (let i = Math.max(0, pcm.length - t.length); i < pcm.length; i++) {
      t[this.tailPos] = pcm[i];
      this.tailPos = (this.tailPos + 1) % t.length;
    }
  }

  private tailAudio(): Int16Array {
    const t = this.tail!;
    const out = new Int16Array(t.length);
    out.set(t.subarray(this.tailPos));
    out.set(t.subarray(0, this.tailPos), t.length - this.tailPos);
    return out;
  }

  private trimToPreroll(): void {
    const keep = ((this.opts.prerollMs ?? 300) * 24_000) / 1000 + (this.state.speaking ? (this.state.voicedMs * 24_000) / 1000 : 0);
    while (this.audio.length > 1 && this.audioSamples - this.audio[0].length >= keep) this.audioSamples -= this.audio.shift()!.length;
  }

  private finish(speechEndMs: number): void {
    const s = this.state;
    if (!s.speaking) return;
    const all = this.joinedAudio();
    this.audio = [];
    this.audioSamples = 0;
    this.state = { speaking: false, voicedMs: 0 };
    this.on.utterance({ speechStartMs: s.startMs, speechEndMs, durationMs: Math.max(0, speechEndMs - s.startMs), audio: all });
  }

  private joinedAudio(): Int16Array {
    const all = new Int16Array(this.audioSamples);
    let off = 0;
    for (const a of this.audio) {
      all.set(a, off);
      off += a.length;
    }
    return all;
  }
}
