/**
 * The browser's own speech recognition (Web Speech API), used when the server has no speech-to-text: it turns
 * the agent's words into agent_transcript messages. Restarts itself when the browser ends a recognition run.
 */

interface RecognitionResult {
  isFinal: boolean;
  0: { transcript: string };
}
interface RecognitionEvent {
  resultIndex: number;
  results: ArrayLike<RecognitionResult>;
}
interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  onresult: ((e: RecognitionEvent) => void) | null;
  onend: (() => void) | null;
  onerror: ((e: { error: string }) => void) | null;
  start(): void;
  stop(): void;
}

type RecognitionCtor = new () => Recognition;

export const speechRecognitionAvailable = (): boolean =>
  typeof window !== 'undefined' && !!((window as unknown as { SpeechRecognition?: unknown }).SpeechRecognition ?? (window as unknown as { webkitSpeechRecognition?: unknown }).webkitSpeechRecognition);

export interface BrowserRecognizer {
  stop(): void;
}

/** Errors after which recognition cannot come back in this page: permission refused, language or service missing. */
const FATAL = new Set(['not-allowed', 'service-not-allowed', 'language-not-supported', 'bad-grammar']);
/** Errors that may pass (a busy microphone, a network blip): retried with a growing pause, a few times in a row. */
const RETRIED = new Set(['audio-capture', 'network']);
const MAX_RETRIES = 3;
/** Runs that end with no result and no error, in a row, before we call recognition dead (Chromium without a service). */
const MAX_EMPTY_ENDS = 5;

/**
 * Starts recognition in he-IL or en-US; `onText(text, final)` per result. Restarts itself when the browser ends a
 * run (`no-speech`, the end of a continuous run), retries `audio-capture` and `network` a few times with a growing
 * pause, and calls `onProblem(error)` once when recognition is gone for good (permission refused, no service,
 * repeated failures, or runs that keep ending without ever hearing anything). Null when the browser has none.
 */
export function startRecognition(language: 'he' | 'en', onText: (text: string, final: boolean) => void, onProblem: (error: string) => void): BrowserRecognizer | null {
  const w = window as unknown as { SpeechRecognition?: RecognitionCtor; webkitSpeechRecognition?: RecognitionCtor };
  const Ctor = w.SpeechRecognition ?? w.webkitSpeechRecognition;
  if (!Ctor) return null;
  let stopped = false;
  let retries = 0;
  let emptyEnds = 0;
  let heardInRun = false;
  let lastError: string | null = null;
  let timer: number | null = null;
  const r = new Ctor();
  r.lang = language === 'he' ? 'he-IL' : 'en-US';
  r.continuous = true;
  r.interimResults = true;
  const giveUp = (error: string) => {
    if (stopped) return;
    stopped = true;
    onProblem(error);
  };
  const begin = () => {
    timer = null;
    if (stopped) return;
    heardInRun = false;
    lastError = null;
    try {
      r.start();
    } catch {
      /* already started: its onend restarts it */
    }
  };
  r.onresult = (e) => {
    retries = 0;
    emptyEnds = 0;
    heardInRun = true;
    for (let i = e.resultIndex; i < e.results.length; i++) {
      const res = e.results[i];
      const text = res[0].transcript.trim();
      if (text) onText(text, res.isFinal);
    }
  };
  r.onerror = (e) => {
    lastError = e.error;
    if (e.error === 'no-speech' || e.error === 'aborted') return; // silence, or our own stop: onend restarts
    if (FATAL.has(e.error)) return giveUp(e.error);
    if (RETRIED.has(e.error) && ++retries > MAX_RETRIES) giveUp(e.error);
  };
  r.onend = () => {
    if (stopped) return;
    if (!heardInRun && lastError !== 'no-speech' && ++emptyEnds > MAX_EMPTY_ENDS) return giveUp(lastError ?? 'ended');
    // a failed run waits longer each time (250 ms, 1 s, 2 s, 3 s); a normal end restarts at once
    const wait = lastError && RETRIED.has(lastError) ? Math.min(3000, 1000 * retries) : 250;
    timer = window.setTimeout(begin, wait);
  };
  begin();
  return {
    stop() {
      stopped = true;
      if (timer !== null) window.clearTimeout(timer);
      try {
        r.stop();
      } catch {
        /* not running */
      }
    },
  };
}
