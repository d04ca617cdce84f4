/**
 * What the live view shows for server-sent coaching text and customer moods, independent of React: the page's
 * UI language wins over the call's (hints and difficulty reasons come in both), and every mood the server can
 * send (the coaching layer's and the offline brain's) has a colour tone.
 */
import type { Lang } from '../../i18n/index.ts';

/** Every customer mood the server sends: coaching CUSTOMER_MOODS plus the offline brain's `frustrated`. */
export const LIVE_MOODS = ['calm', 'interested', 'skeptical', 'annoyed', 'frustrated', 'angry', 'confused'] as const;
export type LiveMood = (typeof LIVE_MOODS)[number];
export const isLiveMood = (m: string | null | undefined): m is LiveMood => !!m && (LIVE_MOODS as readonly string[]).includes(m);

export type MoodTone = 'neutral' | 'ok' | 'warn' | 'danger';
const MOOD_TONE: Record<LiveMood, MoodTone> = { calm: 'neutral', interested: 'ok', skeptical: 'warn', annoyed: 'warn', confused: 'warn', frustrated: 'danger', angry: 'danger' };

/** The chip colour for a mood (`idle` when none or unknown); CSS classes `mood-<tone>` in coaching.css. */
export const moodTone = (m: string | null | undefined): MoodTone | 'idle' => (isLiveMood(m) ? MOOD_TONE[m] : 'idle');

/** Server text in the page's language when the server sent both, else as sent (older servers: the call's language). */
export function inPageLanguage(sent: string, both: { he: string; en: string } | undefined, lang: Lang): string {
  return both?.[lang] || sent;
}
