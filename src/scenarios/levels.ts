/** The four levels of progressive skill building (spec: foundation → expert). */
export const LEVELS = ['foundation', 'intermediate', 'advanced', 'expert'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, { he: string; en: string }> = {
  foundation: { he: 'בסיס', en: 'Foundation' },
  intermediate: { he: 'ביניים', en: 'Intermediate' },
  advanced: { he: 'מתקדם', en: 'Advanced' },
  expert: { he: 'מומחה', en: 'Expert' },
};

/** What a level changes. Values 0..1 unless the name says otherwise. */
export interface LevelSpec {
  /** Objections the customer raises in a general scenario. */
  objectionCount: number;
  /** How hard each objection is pressed (0 mild remark .. 1 deal-breaker). */
  intensity: number;
  /** Starting patience; the customer hangs up when it runs out. */
  patience: number;
  /** Starting trust and interest for the offline brain. */
  trust: number;
  interest: number;
  /** Coach hints the agent may receive in the call. */
  hintsAllowed: number;
  timeLimitSec: number;
  /** Close attempts needed before the customer agrees (closing scenarios add to this). */
  closeAttempts: number;
  /** How fast the mood swings. */
  volatility: number;
  /** Good discovery questions needed before each hidden need is revealed. */
  questionsPerNeed: number;
  /** People on the customer's side of the call. */
  stakeholders: number;
  /** The band the live DifficultyEngine may move within (0..1), and where it starts. */
  difficulty: { min: number; start: number; max: number };
}

export const LEVEL_SPECS: Record<Level, LevelSpec> = {
  foundation: { objectionCount: 1, intensity: 0.3, patience: 0.85, trust: 0.45, interest: 0.45, hintsAllowed: 6, timeLimitSec: 480, closeAttempts: 1, volatility: 0.2, questionsPerNeed: 1, stakeholders: 1, difficulty: { min: 0.1, start: 0.25, max: 0.45 } },
  intermediate: { objectionCount: 2, intensity: 0.5, patience: 0.7, trust: 0.35, interest: 0.35, hintsAllowed: 4, timeLimitSec: 600, closeAttempts: 1, volatility: 0.35, questionsPerNeed: 1, stakeholders: 1, difficulty: { min: 0.3, start: 0.45, max: 0.65 } },
  advanced: { objectionCount: 3, intensity: 0.7, patience: 0.5, trust: 0.25, interest: 0.3, hintsAllowed: 2, timeLimitSec: 720, closeAttempts: 2, volatility: 0.5, questionsPerNeed: 2, stakeholders: 1, difficulty: { min: 0.5, start: 0.65, max: 0.85 } },
  expert: { objectionCount: 4, intensity: 0.85, patience: 0.4, trust: 0.2, interest: 0.25, hintsAllowed: 0, timeLimitSec: 900, closeAttempts: 2, volatility: 0.6, questionsPerNeed: 2, stakeholders: 2, difficulty: { min: 0.65, start: 0.8, max: 1 } },
};

export const levelIndex = (l: Level): number => LEVELS.indexOf(l);
/** The next level up (expert stays expert). */
export const nextLevel = (l: Level): Level => LEVELS[Math.min(LEVELS.length - 1, levelIndex(l) + 1)];
export const previousLevel = (l: Level): Level => LEVELS[Math.max(0, levelIndex(l) - 1)];
