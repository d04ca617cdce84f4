/**
 * A typed practice call (text engine, no microphone) has no speech time and no voice: talk share is read from the
 * words each side wrote, and the voice-only readings (confidence, pace) do not exist.
 */
import { countWords } from '../analysis/index.ts';
import type { Turn } from './types.ts';

/** The agent's share of the words of the call (0..1), null before anyone wrote a word. */
export function wordTalkRatio(turns: readonly Pick<Turn, 'speaker' | 'text'>[]): number | null {
  let agent = 0;
  let all = 0;
  for (const t of turns) {
    const n = countWords(t.text);
    all += n;
    if (t.speaker === 'agent') agent += n;
  }
  return all > 0 ? agent / all : null;
}
