/** What the practice page mounts from coaching: the live panel + hint toasts, and the feed behind them. */
export { LiveCoaching, LiveCoachPanel, TalkRatioGauge, ObjectionTracker, MoodChip, ConfidenceMeter, DifficultyLog, HintToasts } from './LivePanel.tsx';
export { CoachingFeed, reduceCoaching, EMPTY_COACHING, type CoachingState, type ServerMessageSource, type HintItem, type DifficultyItem } from './feed.ts';
export { ReportLinkCard } from './ReportLinkCard.tsx';
export { LIVE_MOODS, isLiveMood, moodTone, inPageLanguage, type LiveMood, type MoodTone } from './live-text.ts';
