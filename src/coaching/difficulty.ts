/**
 * DifficultyEngine: the specification's rule — confidence above 0.8 → more objections and time pressure;
 * below 0.4 → a more supportive customer and hints — made stable: the reading is smoothed over turns, entering
 * and leaving a mode use different thresholds (hysteresis), a mode is held for a minimum number of turns, and
 * each level caps how far it may go. Every change is logged with its reason.
 */
import type { Language } from '../analysis/index.ts';
import { LEVEL_SPECS, type Level } from '../scenarios/index.ts';
import type { Bilingual } from './types.ts';
import { clamp01, round } from './types.ts';

export type DifficultyMode = 'supportive' | 'neutral' | 'challenging';

/** What the customer should do now. */
export interface DifficultyDirectives {
  mode: DifficultyMode;
  /** −1 easier, 0 same, +1 harder: the change this update made. */
  levelDelta: -1 | 0 | 1;
  /** The live difficulty 0..1, inside the level's band. */
  difficulty: number;
  /** Objections to raise beyond the persona's own. */
  extraObjections: number;
  /** The customer presses for time ("I have two minutes"). */
  timePressure: boolean;
  /** The customer is more forgiving: gives clearer cues, forgives a slip. */
  supportive: boolean;
  /** On-screen hints are on. */
  hintsEnabled: boolean;
  /** Only critical misses get a hint (an ignored objection, talking over): the agent is cruising. */
  hintsReduced?: boolean;
  reason: Bilingual;
}

export interface DifficultyChange {
  turn: number;
  atMs: number;
  from: DifficultyMode;
  to: DifficultyMode;
  /** Smoothed confidence that triggered it. */
  confidence: number;
  difficulty: number;
  reason: Bilingual;
}

/** Per-level limits. */
export interface LevelLimits {
  band: { min: number; start: number; max: number };
  /** Most extra objections the engine may add at this level. */
  maxExtraObjections: number;
  /** Whether time pressure may be applied. */
  timePressure: boolean;
  /** Whether hints may ever be shown at this level. */
  hints: boolean;
}

export const LEVEL_LIMITS: Record<Level, LevelLimits> = {
  foundation: { band: LEVEL_SPECS.foundation.difficulty, maxExtraObjections: 1, timePressure: false, hints: LEVEL_SPECS.foundation.hintsAllowed > 0 },
  intermediate: { band: LEVEL_SPECS.intermediate.difficulty, maxExtraObjections: 1, timePressure: true, hints: LEVEL_SPECS.intermediate.hintsAllowed > 0 },
  advanced: { band: LEVEL_SPECS.advanced.difficulty, maxExtraObjections: 2, timePressure: true, hints: LEVEL_SPECS.advanced.hintsAllowed > 0 },
  expert: { band: LEVEL_SPECS.expert.difficulty, maxExtraObjections: 3, timePressure: true, hints: LEVEL_SPECS.expert.hintsAllowed > 0 },
};

export interface DifficultyOptions {
  level: Level;
  /** Enter challenging above this smoothed confidence (spec: 0.8). */
  challengeEnter?: number;
  /** Leave challenging below this. Default 0.7. */
  challengeExit?: number;
  /** Enter supportive below this (spec: 0.4). */
  supportEnter?: number;
  /** Leave supportive above this. Default 0.5. */
  supportExit?: number;
  /** Turns a mode is held before it may change again. Default 2. */
  minDwellTurns?: number;
  /** Weight of the newest reading in the smoothing (0..1). Default 0.6: reacts within two turns. */
  smoothing?: number;
  /** Difficulty step per turn spent challenging / supportive. Default 0.1. */
  step?: number;
  /** The customer's gender: the Hebrew reasons speak of "הלקוחה" when female. Default male. */
  customerGender?: 'female' | 'male';
}

const REASONS = {
  challenge: (c: number): Bilingual => ({
    he: `הביטחון שלך גבוה (${pct(c)}): [הלקוח|הלקוחה] [יעלה|תעלה] עוד התנגדויות [וילחץ|ותלחץ] על זמן.`,
    en: `You sound confident (${pct(c)}): the customer will raise more objections and press for time.`,
  }),
  support: (c: number): Bilingual => ({
    he: `הביטחון ירד (${pct(c)}): [הלקוח|הלקוחה] [יהיה|תהיה] [סבלני|סבלנית] יותר ורמזים יופיעו על המסך.`,
    en: `Confidence dropped (${pct(c)}): the customer will be more patient and hints will appear on screen.`,
  }),
  neutralFromChallenge: (c: number): Bilingual => ({
    he: `הביטחון התייצב (${pct(c)}): [הלקוח|הלקוחה] [חוזר|חוזרת] לקצב הרגיל.`,
    en: `Confidence settled (${pct(c)}): the customer goes back to the normal pace.`,
  }),
  neutralFromSupport: (c: number): Bilingual => ({
    he: `הביטחון חזר (${pct(c)}): [הלקוח|הלקוחה] [חוזר|חוזרת] להתנהגות הרגילה.`,
    en: `Confidence is back (${pct(c)}): the customer returns to normal behaviour.`,
  }),
  start: (): Bilingual => ({ he: 'רמת הקושי של התרחיש.', en: "The scenario's difficulty." }),
};

/**
 * A typed call has no voice: the reading is how the typed replies read (fluency, acknowledgement), so the reasons
 * speak of how the call goes — never of a voice confidence the agent was told appears only when they speak.
 */
const TEXT_REASONS: Pick<typeof REASONS, 'challenge' | 'support' | 'neutralFromChallenge' | 'neutralFromSupport'> = {
  challenge: () => ({
    he: 'השיחה מתנהלת היטב: [הלקוח|הלקוחה] [יעלה|תעלה] עוד התנגדויות [וילחץ|ותלחץ] על זמן.',
    en: 'The call is going well: the customer will raise more objections and press for time.',
  }),
  support: () => ({
    he: 'השיחה נתקעה (תשובות מהוססות או התנגדות בלי הכרה): [הלקוח|הלקוחה] [יהיה|תהיה] [סבלני|סבלנית] יותר ורמזים יופיעו על המסך.',
    en: 'The call is stuck (hesitant replies or an objection left unacknowledged): the customer will be more patient and hints will appear on screen.',
  }),
  neutralFromChallenge: () => ({
    he: 'השיחה התייצבה: [הלקוח|הלקוחה] [חוזר|חוזרת] לקצב הרגיל.',
    en: 'The call settled: the customer goes back to the normal pace.',
  }),
  neutralFromSupport: () => ({
    he: 'השיחה חזרה למסלול: [הלקוח|הלקוחה] [חוזר|חוזרת] להתנהגות הרגילה.',
    en: 'The call is back on track: the customer returns to normal behaviour.',
  }),
};

/** What a turn's reading was made from: the agent's voice, or (typed calls, no audio) the text alone. */
export type ReadingBasis = 'voice' | 'text';

function pct(c: number): string {
  return `${Math.round(c * 100)}%`;
}

export class DifficultyEngine {
  private readonly o: Required<Omit<DifficultyOptions, 'level' | 'customerGender'>> & { level: Level };
  private readonly limits: LevelLimits;
  private mode: DifficultyMode = 'neutral';
  private smoothed: number | null = null;
  private turnsInMode = 0;
  private lastDelta: -1 | 0 | 1 = 0;
  private turn = 0;
  private difficulty: number;
  private readonly changes: DifficultyChange[] = [];
  private current: DifficultyDirectives;

  private readonly customerGender: 'female' | 'male';

  constructor(opts: DifficultyOptions) {
    this.customerGender = opts.customerGender ?? 'male';
    this.o = {
      level: opts.level,
      challengeEnter: opts.challengeEnter ?? 0.8,
      challengeExit: opts.challengeExit ?? 0.7,
      supportEnter: opts.supportEnter ?? 0.4,
      supportExit: opts.supportExit ?? 0.5,
      minDwellTurns: opts.minDwellTurns ?? 2,
      smoothing: opts.smoothing ?? 0.6,
      step: opts.step ?? 0.1,
    };
    this.limits = LEVEL_LIMITS[opts.level];
    this.difficulty = this.limits.band.start;
    this.turnsInMode = this.o.minDwellTurns; // free to move from the first reading
    this.current = this.directives(0, REASONS.start());
  }

  /** Directives in force now. */
  get directivesNow(): DifficultyDirectives {
    return this.current;
  }

  /** Every change so far, with its reason. */
  get log(): readonly DifficultyChange[] {
    return this.changes;
  }

  get smoothedConfidence(): number | null {
    return this.smoothed;
  }

  /**
   * One agent turn finished with this confidence reading (0..1; null = no evidence, e.g. a silent turn), read from
   * the voice or, in a typed call, from the text (`basis`: the reason's wording follows it).
   * Returns the new directives when the mode changed, otherwise null.
   */
  observeTurn(confidence: number | null, atMs: number, basis: ReadingBasis = 'voice'): DifficultyDirectives | null {
    this.turn++;
    this.turnsInMode++;
    if (confidence === null || !Number.isFinite(confidence)) return null;
    const c = clamp01(confidence);
    const a = this.o.smoothing;
    this.smoothed = this.smoothed === null ? c : a * c + (1 - a) * this.smoothed;
    const s = this.smoothed;
    const from = this.mode;
    let to: DifficultyMode = from;
    if (from === 'neutral') {
      if (s > this.o.challengeEnter) to = 'challenging';
      else if (s < this.o.supportEnter) to = 'supportive';
    } else if (from === 'challenging') {
      if (s < this.o.supportEnter) to = 'supportive';
      else if (s < this.o.challengeExit) to = 'neutral';
    } else {
      if (s > this.o.challengeEnter) to = 'challenging';
      else if (s > this.o.supportExit) to = 'neutral';
    }
    // Keep stepping the live difficulty while a mode holds (within the level's band).
    const band = this.limits.band;
    if (from === 'challenging' && to === from) this.difficulty = Math.min(band.max, this.difficulty + this.o.step);
    if (from === 'supportive' && to === from) this.difficulty = Math.max(band.min, this.difficulty - this.o.step);
    const delta: -1 | 1 = rank(to) > rank(from) ? 1 : -1;
    // The dwell stops flapping (a reversal right after a change); moving on in the same direction is allowed.
    if (to === from || (this.turnsInMode < this.o.minDwellTurns && delta !== this.lastDelta)) {
      this.current = { ...this.current, levelDelta: 0, difficulty: round(this.difficulty) };
      return null;
    }
    this.difficulty = delta > 0 ? Math.min(band.max, this.difficulty + this.o.step) : Math.max(band.min, this.difficulty - this.o.step);
    const R = basis === 'text' ? TEXT_REASONS : REASONS;
    const worded =
      to === 'challenging' ? R.challenge(s)
      : to === 'supportive' ? R.support(s)
      : from === 'challenging' ? R.neutralFromChallenge(s)
      : R.neutralFromSupport(s);
    const reason = { he: genderize(worded.he, this.customerGender), en: worded.en };
    this.mode = to;
    this.turnsInMode = 0;
    this.lastDelta = delta;
    this.current = this.directives(delta, reason);
    this.changes.push({ turn: this.turn, atMs, from, to, confidence: round(s), difficulty: round(this.difficulty), reason });
    return this.current;
  }

  private directives(levelDelta: -1 | 0 | 1, reason: Bilingual): DifficultyDirectives {
    const l = this.limits;
    const m = this.mode;
    const span = Math.max(1e-9, l.band.max - l.band.min);
    const extra = m === 'challenging' ? Math.max(1, Math.round(((this.difficulty - l.band.min) / span) * l.maxExtraObjections)) : 0;
    return {
      mode: m,
      levelDelta,
      difficulty: round(this.difficulty),
      extraObjections: Math.min(l.maxExtraObjections, extra),
      timePressure: m === 'challenging' && l.timePressure,
      supportive: m === 'supportive',
      // Hints are on unless the level forbids them; a cruising agent (challenging) gets only the critical ones.
      hintsEnabled: l.hints,
      hintsReduced: m === 'challenging',
      reason,
    };
  }
}

const rank = (m: DifficultyMode) => (m === 'supportive' ? 0 : m === 'neutral' ? 1 : 2);

/** The voice engine's mid-call directive shape (engine.updateDirectives / brain.adjust). */
export interface EngineDirective {
  level: DifficultyMode;
  note?: string;
}

/** Anything that can take a directive: the offline brain (`adjust`) or an engine (`updateDirectives`). */
export interface DifficultyTarget {
  apply(d: DifficultyDirectives, lang: Language): void | Promise<void>;
}

/** The offline brain adapter: maps directives onto `brain.adjust({level, note})`. */
export function brainTarget(brain: { adjust(d: EngineDirective): void }): DifficultyTarget {
  return { apply: (d, lang) => brain.adjust({ level: d.mode, note: toInstructionUpdate(d, lang) }) };
}

/** The LLM/Realtime adapter: maps directives onto `engine.updateDirectives({level, note})` (the engine layers the note onto the persona). */
export function engineTarget(engine: { updateDirectives(d: EngineDirective): Promise<void> }): DifficultyTarget {
  return { apply: (d, lang) => engine.updateDirectives({ level: d.mode, note: toInstructionUpdate(d, lang) }) };
}

/**
 * The instruction text appended for an LLM customer (Realtime `session.update`), in the session's language.
 * Tells the model how to behave from now on without breaking character or mentioning the change.
 */
/** `[masculine|feminine]` alternatives resolved for the customer's gender (Hebrew verbs agree with the speaker). */
const genderize = (text: string, gender: 'female' | 'male') => text.replace(/\[([^[\]|]*)\|([^[\]|]*)\]/g, (_m, masc: string, fem: string) => (gender === 'male' ? masc : fem));

export function toInstructionUpdate(d: DifficultyDirectives, lang: Language, gender: 'female' | 'male' = 'female'): string {
  const he = lang === 'he';
  const lines: string[] = [];
  if (d.mode === 'challenging') {
    lines.push(he ? 'מעכשיו [היה לקוח קשה|היי לקוחה קשה] יותר, בלי לצאת מהדמות ובלי להזכיר שמשהו השתנה.' : 'From now on be a harder customer; stay in character and never mention that anything changed.');
    if (d.extraObjections > 0) {
      lines.push(he
        ? `[העלה|העלי] עוד ${d.extraObjections === 1 ? 'התנגדות אחת' : `${d.extraObjections} התנגדויות`} אמיתית לפני [שתסכים|שתסכימי] לצעד הבא, ואל [תוותר|תוותרי] עליה בקלות.`
        : `Raise ${d.extraObjections === 1 ? 'one more real objection' : `${d.extraObjections} more real objections`} before you agree to any next step, and do not drop it easily.`);
    }
    if (d.timePressure) lines.push(he ? '[אתה לחוץ|את לחוצה] בזמן: [אמור|אמרי] שיש לך רק כמה דקות [ובקש|ובקשי] שיגיעו לעניין.' : 'You are short of time: say you only have a few minutes and ask them to get to the point.');
  } else if (d.mode === 'supportive') {
    lines.push(he ? 'מעכשיו [היה לקוח סבלני ופתוח|היי לקוחה סבלנית ופתוחה] יותר, בלי לצאת מהדמות ובלי להזכיר שמשהו השתנה.' : 'From now on be a more patient, open customer; stay in character and never mention that anything changed.');
    lines.push(he ? '[תן|תני] רמזים ברורים יותר לצרכים שלך [כשנשאלת|כשנשאלת] שאלה טובה, [וסלח|וסלחי] על טעות קטנה.' : 'Give clearer clues about your needs when asked a good question, and forgive a small slip.');
    lines.push(he ? 'אל [תעלה|תעלי] התנגדויות חדשות כרגע.' : 'Do not raise new objections for now.');
  } else {
    lines.push(he ? '[חזור|חזרי] להתנהגות הרגילה של הדמות כפי שהוגדרה בתחילת השיחה.' : 'Return to the character’s normal behaviour as defined at the start of the call.');
  }
  return genderize(lines.join(' '), gender);
}
