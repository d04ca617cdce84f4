/**
 * The report of a practice call in which the agent said no words the system could read (speech heard but not
 * transcribed, or nothing said): no score, no skills, no averages — only what the audio measures (customer reply
 * latency, the agent's voice confidence, how the call ended), and a plain note of what a transcript would add.
 */
import type { Language, SkillId } from '../analysis/index.ts';
import type { SessionOutcome, SessionReport } from './report-schema.ts';

/** Why there is no score, and what a transcript would add (session language). */
export function wordlessNotice(lang: Language, unheardTurns: number): string {
  if (lang === 'he') {
    const heard = unheardTurns > 0 ? ` (${unheardTurns} קטעי דיבור נשמעו אבל לא תומללו)` : '';
    return `אין ציון לשיחה הזו: לא זוהו בה מילים של הנציג${heard}. הדוח מציג רק מה שהשמע עצמו מודד — זמני התגובה של הלקוח, הביטחון הקולי ואיך השיחה הסתיימה. תמליל היה מוסיף: ציון ומיומנויות, שאלות בירור, טיפול בהתנגדויות, יחס דיבור ורצפי דיבור, ציטוטים ושלושה דברים לשפר. השיחה לא נספרת בממוצעים ולא משלימה משימה.`;
  }
  const heard = unheardTurns > 0 ? ` (${unheardTurns} utterance${unheardTurns === 1 ? ' was' : 's were'} heard but not transcribed)` : '';
  return `No score for this call: none of the agent's words were recognised${heard}. This report shows only what the audio itself measures — the customer's reply latency, the voice confidence and how the call ended. A transcript would add: the score and skills, discovery questions, objection handling, talk ratio and monologues, quotes, and three things to improve. The call counts in no average and completes no assignment.`;
}

const FIXES: Record<Language, [string, string, string]> = {
  he: [
    'הפעילו זיהוי דיבור לפני השיחה הבאה: מודל מקומי (npx salesgym models pull), או OPENAI_API_KEY / TRANSCRIBE_BASE_URL בשרת.',
    'לפני "התחל", הריצו בעמוד התרגול את בדיקת המיקרופון והזיהוי וודאו שהמשפט שאמרתם נכתב.',
    'כשאין זיהוי דיבור, הקלידו את המשפטים בתיבה שמתחת לתמליל — כך השיחה תקבל ניתוח וציון מלאים.',
  ],
  en: [
    'Turn on speech recognition before the next call: a local model (npx salesgym models pull), or OPENAI_API_KEY / TRANSCRIBE_BASE_URL on the server.',
    'Before Start, run the microphone and recognition check on the practice page and make sure the sentence you say is written out.',
    'When there is no speech recognition, type your sentences in the box under the transcript — the call then gets a full analysis and score.',
  ],
};

export interface WordlessInput {
  lang: Language;
  callType: SessionReport['callType'];
  scenarioId?: string;
  level?: string;
  durationMs: number;
  outcome: SessionOutcome;
  outcomeReason: string;
  unheardTurns: number;
  targets: SkillId[];
  metrics: SessionReport['metrics'];
  /** Only rows the audio can measure (latency, pause before answering an objection). */
  benchmarks: SessionReport['benchmarks'];
  latency: SessionReport['latency'];
  tone: SessionReport['tone'];
  voiceConfidence: number | null;
  difficulty: SessionReport['difficulty'];
  hints: SessionReport['hints'];
  moods: SessionReport['moods'];
}

/** Audio-measurable benchmark rows: the rest need words. */
export const AUDIO_BENCHMARKS: ReadonlySet<string> = new Set(['objectionPauseMs', 'latencyP50Ms', 'latencyP95Ms']);

export function wordlessReport(i: WordlessInput): SessionReport {
  const notice = wordlessNotice(i.lang, i.unheardTurns);
  const he = i.lang === 'he';
  return {
    kind: 'simulation',
    language: i.lang,
    callType: i.callType,
    ...(i.scenarioId ? { scenarioId: i.scenarioId } : {}),
    ...(i.level ? { level: i.level } : {}),
    durationSec: Math.round(i.durationMs / 100) / 10,
    outcome: i.outcome,
    outcomeReason: i.outcomeReason,
    overallScore: null,
    scoreBreakdown: { skills: 0, criteria: null, outcome: 0, formula: he ? 'אין ציון: לא זוהו מילים של הנציג' : 'no score: no words of the agent were recognised' },
    noScoreReason: notice,
    skills: [],
    skillsNotExercised: [],
    criteria: [],
    strengths: [],
    weaknesses: [],
    recommendations: [...FIXES[i.lang]],
    improvements: [...FIXES[i.lang]],
    metrics: i.metrics,
    benchmarks: i.benchmarks.filter((b) => AUDIO_BENCHMARKS.has(b.id)),
    objections: [],
    tone: i.tone,
    targeted: i.targets.map((skill) => ({ skill, exercised: false, how: he ? 'לא זוהו מילים, אז אין מה לשפוט' : 'no words were recognised, so there is nothing to judge', score: null, verdict: 'not_exercised' as const })),
    targetedObjections: [],
    difficulty: i.difficulty,
    hints: i.hints,
    moods: i.moods,
    latency: i.latency,
    voiceConfidence: i.voiceConfidence,
    quotesDropped: 0,
  };
}
