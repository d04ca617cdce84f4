import { SKILL_LABELS, type SkillId } from '../analysis/index.ts';
import { scenarioTypeForSkill, type ScenarioType } from './catalogue.ts';
import { LEVEL_LABELS, nextLevel, previousLevel, type Level } from './levels.ts';

/** The parts of a weakness profile the recommender reads (WeaknessProfile from personas fits). */
export interface ProfileLike {
  basis: string;
  top: SkillId[];
  skills: { skill: SkillId; weakness: number; score: number | null }[];
}

/** A finished practice session, newest last or in any order (sorted by `at`). */
export interface PracticeResult {
  type: ScenarioType;
  level: Level;
  passed: boolean;
  at: Date;
}

/** An open manager assignment. */
export interface OpenAssignment {
  scenarioId: string;
  type: ScenarioType;
  level: Level;
  dueAt: Date | null;
  targetSkills: SkillId[];
}

export interface Recommendation {
  type: ScenarioType;
  level: Level;
  targets: SkillId[];
  /** Set when the recommendation is a manager's assignment. */
  scenarioId?: string;
  reason: { he: string; en: string };
}

/** Level from a skill score (0..100) or, without a score, from the weakness (0..1). */
export function levelForSkill(score: number | null, weakness: number): Level {
  if (score !== null) return score < 50 ? 'foundation' : score < 70 ? 'intermediate' : score < 85 ? 'advanced' : 'expert';
  return weakness > 0.6 ? 'foundation' : weakness > 0.45 ? 'intermediate' : weakness > 0.3 ? 'advanced' : 'expert';
}

/**
 * "Practise next": an overdue or due assignment first; otherwise the top weakness at a level matched to the
 * agent's score, moved up after two passes in a row and down after two failures; after three sessions of the
 * same type with a pass, the next weakness gets its turn.
 */
export function recommendNextScenario(
  profile: ProfileLike,
  opts: { history?: PracticeResult[]; assignments?: OpenAssignment[]; now?: Date } = {},
): Recommendation {
  const now = opts.now ?? new Date();
  const assignments = [...(opts.assignments ?? [])].sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
  if (assignments.length > 0) {
    const a = assignments[0];
    // a date a person reads in each language ("13 בדצמבר 2026", "December 13, 2026"), never an ISO string
    const day = (locale: string) => (a.dueAt ? new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(a.dueAt) : null);
    const due = day('he-IL');
    const dueEn = day('en-US');
    const overdue = a.dueAt !== null && a.dueAt.getTime() < now.getTime();
    return {
      type: a.type, level: a.level, targets: a.targetSkills, scenarioId: a.scenarioId,
      reason: {
        he: `תרגול שהמנהל הקצה לך${due ? (overdue ? ` — היה צריך להסתיים עד ${due}` : ` — עד ${due}`) : ''}`,
        en: `Assigned by your manager${dueEn ? (overdue ? ` — was due ${dueEn}` : ` — due ${dueEn}`) : ''}`,
      },
    };
  }
  const history = [...(opts.history ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (profile.basis === 'none' || profile.top.length === 0) {
    return { type: 'opening', level: 'foundation', targets: ['opening', 'discovery'], reason: { he: 'אין עדיין שיחות מנותחות — מתחילים מפתיחת שיחה ברמת בסיס', en: 'No analysed calls yet — start with the opening at foundation level' } };
  }

  let skill = profile.top[0];
  const recentSame = trailing(history, (h) => h.type === scenarioTypeForSkill(skill));
  let rotated = false;
  if (recentSame.length >= 3 && recentSame.some((h) => h.passed) && profile.top.length > 1) {
    skill = profile.top[1];
    rotated = true;
  }
  const s = profile.skills.find((x) => x.skill === skill)!;
  let level = levelForSkill(s.score, s.weakness);
  const type = scenarioTypeForSkill(skill);
  const sameType = history.filter((h) => h.type === type);
  const last2 = sameType.slice(-2);
  let move = '';
  if (last2.length === 2 && last2.every((h) => h.passed)) {
    const up = nextLevel(last2[1].level);
    if (up !== level) move = 'up';
    level = up;
  } else if (last2.length === 2 && last2.every((h) => !h.passed)) {
    const down = previousLevel(last2[1].level);
    if (down !== level) move = 'down';
    level = down;
  }
  const targets = [skill, ...profile.top.filter((t) => t !== skill)].slice(0, 3);
  const label = SKILL_LABELS[skill];
  const scoreText = s.score !== null ? { he: ` (ציון ${Math.round(s.score)})`, en: ` (score ${Math.round(s.score)})` } : { he: '', en: '' };
  const he = [`${rotated ? 'מגוון: החולשה הבאה שלך' : 'החולשה המובילה שלך'} היא ${label.he}${scoreText.he}`, move === 'up' ? `עברת פעמיים ברצף — עולים לרמת ${LEVEL_LABELS[level].he}` : move === 'down' ? `שני ניסיונות לא עברו — יורדים לרמת ${LEVEL_LABELS[level].he}` : `רמה: ${LEVEL_LABELS[level].he}`];
  const en = [`${rotated ? 'For variety, your next weakness' : 'Your top weakness'} is ${label.en.toLowerCase()}${scoreText.en}`, move === 'up' ? `two passes in a row — moving up to ${LEVEL_LABELS[level].en}` : move === 'down' ? `two attempts did not pass — stepping down to ${LEVEL_LABELS[level].en}` : `level: ${LEVEL_LABELS[level].en}`];
  return { type, level, targets, reason: { he: he.join('; '), en: en.join('; ') } };
}

/** The run of results at the end of `xs` that match `pred`. */
function trailing<T>(xs: T[], pred: (x: T) => boolean): T[] {
  const out: T[] = [];
  for (let i = xs.length - 1; i >= 0 && pred(xs[i]); i--) out.unshift(xs[i]);
  return out;
}
