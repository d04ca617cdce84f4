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

/** Starts recognition in he-IL or en-US; `onText(text, final)` per result; `onProblem` on a lasting error. */
export function startRecognition(language: 'he' | 'en', onText: (text: string, final: boolean) => void, onProblem: (error: string) => void): BrowserRecognizer | null {
  const w = window as unknown as { SpeechRecognition?: RecognitionCtor; webkitSpeechRecognition?: RecognitionCtor };
  const Ctor = w.SpeechRecognition ?? w.webkitSpeechRecognition;
  if (!Ctor) return null;
  let stopped = false;
  let failures = 0;
  const r = new Ctor();
  r.lang = language === 'he' ? 'he-IL' : 'en-US';
  r.continuous = true;
  r.interimResults = true;
  r.onresult = (e) => {
    failures = 0;
    for (let i = e.resultIndex; i < e.results.length; i++) {
      const res = e.results[i];
      const text = res[0].transcript.trim();
      if (text) onText(text, res.isFinal);
    }
  };
  r.onerror = (e) => {
    if (e.error === 'no-speech' || e.error === 'aborted') return;
    failures++;
    if (e.error === 'not-allowed' || e.error === 'service-not-allowed' || failures > 3) {
      stopped = true;
      onProblem(e.error);
    }
  };
  r.onend = () => {
    if (!stopped) setTimeout(() => !stopped && r.start(), 250);
  };
  r.start();
  return {
    stop() {
      stopped = true;
      r.stop();
    },
  };
}
