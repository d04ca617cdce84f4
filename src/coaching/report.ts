/**
 * The session report of a practice call: outcome, overall and per-skill scores with verbatim quotes, scenario
 * criteria, metrics against benchmarks, targeted weaknesses, difficulty timeline, hints, latency, and three
 * things to do differently. Deterministic: the same session gives the same report.
 */
import {
  SKILL_LABELS, normalizeText,
  type CallType, type ConversationMetrics, type Language, type ObjectionKind, type Quote, type SkillId, type SkillScore,
} from '../analysis/index.ts';
import type { Criterion, Level } from '../scenarios/index.ts';
import { COACHING_BENCHMARKS, compareToBenchmark } from './benchmarks.ts';
import type { HintEvent } from './coach.ts';
import type { DifficultyChange } from './difficulty.ts';
import type { LiveRecord } from './live.ts';
import { threeImprovements } from './report-advice.ts';
import { buildContext, hasAct, quoteOf, replay, type ReportContext } from './report-context.ts';
import { evaluateCriteria } from './report-criteria.ts';
import { sessionReportSchema, type SessionOutcome, type SessionReport } from './report-schema.ts';
import { questionTarget, scoreSkills } from './report-skills.ts';
import type { CustomerState, Turn } from './types.ts';
import { isUnheard, round } from './types.ts';
import { wordlessReport } from './report-wordless.ts';
import { wordTalkRatio } from './typed-call.ts';
import { addressReport } from './report-address.ts';
import type { ConfidenceReading } from './voice-confidence.ts';

/** The voice protocol's per-turn latency timeline (session ms, null when not observed). */
export interface LatencyTimelineLike {
  agentSpeechEndMs: number | null;
  turnCommittedMs: number | null;
  firstCustomerTextMs: number | null;
  firstCustomerAudioSentMs: number | null;
  firstAudioPlayedMs: number | null;
}

/** What the scenario asked for. */
export interface ScenarioFacts {
  id?: string;
  level?: Level;
  callType?: CallType;
  targetSkills?: SkillId[];
  successCriteria?: readonly Criterion[];
  /** Objection kinds the persona was built to raise. */
  objectionKinds?: ObjectionKind[];
  /** The company's differentiator (questionnaire), for the mentions_differentiator criterion. */
  differentiator?: string;
}

export interface SessionReportInput {
  language: Language;
  turns: Turn[];
  durationMs?: number;
  /** The engine's outcome (voice protocol OUTCOMES) when it knows one; otherwise inferred from the words. */
  engineOutcome?: 'purchase' | 'next_step' | 'postponed' | 'hung_up' | 'no_outcome';
  /** The session's end reason (voice END_REASONS), e.g. customer_hung_up. */
  endReason?: string;
  customerState?: CustomerState | null;
  scenario?: ScenarioFacts;
  difficulty?: readonly DifficultyChange[];
  hints?: readonly HintEvent[];
  moods?: LiveRecord['moods'];
  latency?: readonly LatencyTimelineLike[];
  voice?: ConfidenceReading | null;
  /** Agent utterances heard without words (they are not in `turns`' words; a call of only these gets no score). */
  unheardTurns?: number;
  /** A typed call: talk share from the words, no speaking pace or voice (default false). */
  typed?: boolean;
  /** The agent's gender (users.gender): the report's Hebrew second person agrees with it (default: masculine forms). */
  agentGender?: 'female' | 'male' | null;
}

/** The report input from the live layer's record plus what only the session knows. */
export function reportInputFromLive(r: LiveRecord, extra: Omit<SessionReportInput, 'language' | 'turns'> = {}): SessionReportInput {
  return {
    language: r.language,
    turns: r.turns,
    customerState: r.customerState,
    difficulty: r.difficulty,
    hints: r.hints,
    moods: r.moods,
    voice: r.voice,
    unheardTurns: r.unheardTurns,
    typed: r.typed,
    ...extra,
    scenario: { level: r.level, ...extra.scenario },
  };
}

const OUTCOME_SCORE: Record<SessionOutcome, number> = { converted: 100, next_step: 80, lost: 25, hung_up: 0 };

const AFFIRM = {
  he: /(?:^|\s)(?:כן|בסדר|סגור|סגרנו|יאללה|אוקיי|אוקי|מעולה|בטח|קדימה|מתאים|אפשר|נשמע טוב|בוא נעשה|בוא נתקדם|אני בפנים)(?=$|[\s,.!?])/u,
  en: /\b(?:yes|yeah|sure|ok|okay|deal|sounds good|let's do it|let's go|works for me|go ahead|that works|i'm in|fine)\b/u,
};
const PURCHASE = {
  he: /(?:לרשום אותך|נרשום אותך|רושם אותך|רושמת אותך|נצא לדרך|נסגור|נתחיל|להתחיל|להצטרף|לחתום|נפעיל|להפעיל|נעביר את|הפוליסה|נוכל להתחיל)/u,
  en: /\b(?:sign (?:you )?up|get (?:you )?started|go ahead with|start (?:the|your) (?:policy|plan|coverage)|enrol|enroll|activate|set (?:it|you) up|close (?:this|the deal)|move forward with)\b/u,
};

/** Outcome from the engine when known, else from the last proposal and the customer's answer to it. */
export function inferOutcome(c: Pick<ReportContext, 'turns' | 'lang'>, engineOutcome?: SessionReportInput['engineOutcome'], endReason?: string): { outcome: SessionOutcome; reason: string } {
  const he = c.lang === 'he';
  if (engineOutcome === 'purchase') return { outcome: 'converted', reason: he ? 'הלקוח הסכים לקנות' : 'the customer agreed to buy' };
  if (engineOutcome === 'next_step') return { outcome: 'next_step', reason: he ? 'סוכם צעד הבא' : 'a next step was agreed' };
  // a customer who ends the call warmly but postpones has not hung up on the agent: no decision, not a hang-up
  if (engineOutcome === 'postponed') return { outcome: 'lost', reason: he ? 'הלקוח דחה את ההחלטה' : 'the customer postponed the decision' };
  if (engineOutcome === 'hung_up' || endReason === 'customer_hung_up') return { outcome: 'hung_up', reason: he ? 'הלקוח ניתק' : 'the customer hung up' };
  if (engineOutcome === 'no_outcome') return { outcome: 'lost', reason: he ? 'השיחה הסתיימה בלי החלטה' : 'the call ended without a decision' };
  for (let i = c.turns.length - 1; i >= 0; i--) {
    const t = c.turns[i];
    if (t.speaker !== 'agent' || !hasAct(t, 'close_attempt', 'next_step')) continue;
    const reply = c.turns.slice(i + 1).find((x) => x.speaker === 'customer');
    if (!reply) continue; // a closing confirmation nobody answered: judge the proposal before it
    if (hasAct(reply, 'objection')) break;
    if (!AFFIRM[c.lang].test(normalizeText(reply.text)) && !hasAct(reply, 'buying_signal')) break;
    return PURCHASE[c.lang].test(normalizeText(t.text))
      ? { outcome: 'converted', reason: he ? 'הלקוח קיבל את הצעת הסגירה' : 'the customer accepted the close' }
      : { outcome: 'next_step', reason: he ? 'הלקוח הסכים לצעד הבא' : 'the customer agreed to the next step' };
  }
  return { outcome: 'lost', reason: he ? 'לא סוכם צעד הבא' : 'no next step was agreed' };
}

/** Builds and validates the report. */
export function buildSessionReport(given: SessionReportInput): SessionReport {
  // inaudible agent turns carry no words: they are counted, never judged
  const input = { ...given, turns: given.turns.filter((t) => !isUnheard(t)), unheardTurns: (given.unheardTurns ?? 0) + given.turns.filter((t) => t.speaker === 'agent' && isUnheard(t) && t.inaudible).length };
  const lang = input.language;
  const sc = input.scenario ?? {};
  const targets = sc.targetSkills ?? [];
  const pre = replay(lang, input.turns, input.customerState);
  const { outcome, reason } = inferOutcome({ turns: pre.turns, lang }, input.engineOutcome, input.endReason);
  const durationMs = input.durationMs ?? Math.max(0, ...input.turns.map((t) => t.endMs));
  const c = buildContext(lang, input.turns, input.customerState, outcome, durationMs);
  // typed turns take no speaking time: the talk share is the share of the words, and there is no speaking pace
  if (input.typed) c.snap = { ...c.snap, talk: { ...c.snap.talk, ratio: wordTalkRatio(input.turns) }, wordsPerMin: null };
  if (!input.turns.some((t) => t.speaker === 'agent')) {
    return addressReport(sessionReportSchema.parse(wordlessReport({
      lang, callType: sc.callType ?? 'phone_sale', scenarioId: sc.id, level: sc.level, durationMs, outcome, outcomeReason: reason,
      unheardTurns: input.unheardTurns, targets, metrics: metricsOf(c, durationMs), benchmarks: benchmarkRows(c, durationMs, input.latency ?? [], lang),
      latency: latencySummary(input.latency ?? []), voiceConfidence: input.voice?.confidence ?? null,
      tone: input.voice?.confidence != null ? [{ speaker: 'agent', confidence: input.voice.confidence, features: toneFeatures(input.voice) }] : [],
      difficulty: difficultyRows(input.difficulty), hints: hintRows(input.hints), moods: moodRows(input.moods),
    })), input.agentGender);
  }
  const { skills, checks, notExercised } = scoreSkills(c);
  const criteria = evaluateCriteria(sc.successCriteria ?? [], c, sc.differentiator);

  const weighted = skills.map((s) => ({ s: s.score, w: targets.includes(s.id) ? 2 : 1 }));
  const skillPart = weighted.length ? weighted.reduce((a, x) => a + x.s * x.w, 0) / weighted.reduce((a, x) => a + x.w, 0) : 0;
  const critPart = criteria.length ? (100 * criteria.filter((x) => x.passed).length) / criteria.length : null;
  const outPart = OUTCOME_SCORE[outcome];
  const overall = critPart === null ? 0.8 * skillPart + 0.2 * outPart : 0.7 * skillPart + 0.15 * critPart + 0.15 * outPart;
  // in the call's language (the page explains it in the reader's own from the parts)
  const formula = lang === 'he'
    ? critPart === null
      ? '80% ממוצע המיומנויות (מיומנויות היעד נספרות פעמיים) + 20% תוצאת השיחה'
      : '70% ממוצע המיומנויות (מיומנויות היעד נספרות פעמיים) + 15% הקריטריונים שהתקיימו + 15% תוצאת השיחה'
    : critPart === null
      ? '80% skills average (target skills count twice) + 20% outcome of the call'
      : '70% skills average (target skills count twice) + 15% criteria met + 15% outcome of the call';

  const snap = c.snap;
  const improvements = threeImprovements(checks, targets, lang);
  const report: SessionReport = {
    kind: 'simulation',
    language: lang,
    callType: sc.callType ?? 'phone_sale',
    ...(sc.id ? { scenarioId: sc.id } : {}),
    ...(sc.level ? { level: sc.level } : {}),
    durationSec: round(durationMs / 1000, 1),
    outcome,
    outcomeReason: reason,
    overallScore: Math.round(overall),
    scoreBreakdown: { skills: Math.round(skillPart), criteria: critPart === null ? null : Math.round(critPart), outcome: outPart, formula },
    skills,
    skillsNotExercised: notExercised,
    criteria,
    strengths: skills.filter((s) => s.score >= 75).map((s) => ({ skill: s.id, description: describe(s, lang), quotes: doneQuotes(checks, s.id, c) })),
    weaknesses: skills.filter((s) => s.score < 60).map((s) => ({ skill: s.id, severity: round((100 - s.score) / 100, 2), ...whatWasMissing(checks, s.id, c) })),
    recommendations: improvements,
    improvements,
    metrics: metricsOf(c, durationMs),
    benchmarks: benchmarkRows(c, durationMs, input.latency ?? [], lang),
    objections: snap.objections.list.map((o) => ({
      kind: o.kind, quote: o.text, startSec: o.atMs / 1000, handled: o.acknowledged && o.resolved !== false,
      acknowledged: o.acknowledged, responseDelaySec: o.responseDelayMs === null ? null : round(o.responseDelayMs / 1000, 2),
    })),
    tone: input.voice?.confidence != null ? [{ speaker: 'agent', confidence: input.voice.confidence, features: toneFeatures(input.voice) }] : [],
    targeted: targets.map((id) => targetedRow(id, skills, c, lang)),
    targetedObjections: (sc.objectionKinds ?? []).map((kind) => {
      const raised = snap.objections.list.filter((o) => o.kind === kind);
      return { kind, raised: raised.length > 0, handled: raised.length > 0 && raised.every((o) => o.acknowledged && o.resolved !== false) };
    }),
    difficulty: difficultyRows(input.difficulty),
    hints: hintRows(input.hints),
    moods: moodRows(input.moods),
    latency: latencySummary(input.latency ?? []),
    voiceConfidence: input.voice?.confidence ?? null,
    quotesDropped: 0,
  };
  const dropped = verifyQuotes(report, input.turns);
  return addressReport(sessionReportSchema.parse({ ...report, quotesDropped: dropped }), input.agentGender);
}

const difficultyRows = (d: SessionReportInput['difficulty']): SessionReport['difficulty'] =>
  (d ?? []).map((x) => ({ atSec: round(x.atMs / 1000, 1), from: x.from, to: x.to, confidence: x.confidence, reason: x.reason }));
const hintRows = (h: SessionReportInput['hints']): SessionReport['hints'] =>
  (h ?? []).map((x) => ({ rule: x.rule, text: x.text, triggerAtSec: round(x.triggerAtMs / 1000, 1), shownAtSec: round(x.shownAtMs / 1000, 1), trigger: x.trigger }));
const moodRows = (m: SessionReportInput['moods']): SessionReport['moods'] => (m ?? []).map((x) => ({ atSec: round(x.atMs / 1000, 1), mood: x.mood, source: x.source }));

/** A strength: only what was actually done (its passed checks). */
function describe(s: SkillScore, lang: Language): string {
  const label = SKILL_LABELS[s.id][lang];
  const items = s.checks.filter((x) => x.passed).map((x) => x.label);
  if (items.length === 0) return label;
  return `${label}: ${items.join('; ')}`;
}

type Checks = ReturnType<typeof scoreSkills>['checks'];
const sameQuote = (a: Quote, b: Quote) => a.speaker === b.speaker && a.startSec === b.startSec && a.text === b.text;
const uniq = (qs: Quote[]) => qs.filter((q, i) => qs.findIndex((x) => sameQuote(x, q)) === i);
const firstSentenceOf = (t: ReportContext['turns'][number]) => t.reading.sentences[0]?.text ?? t.text;

/** The agent's line answering a customer moment (the next agent turn), and the one that drew it out (the previous). */
function agentAround(c: ReportContext, q: Quote, dir: 'after' | 'before'): Quote | undefined {
  const ms = q.startSec * 1000;
  const t = dir === 'after' ? c.agent.find((x) => x.startMs > ms) : [...c.agent].reverse().find((x) => x.startMs < ms);
  return t && quoteOf(t, firstSentenceOf(t));
}

/**
 * A weakness: what was missing and when ("… (01:52)"), quoting the agent's own line at that moment; where the
 * evidence is the customer's words (an objection left unacknowledged), they become context and the agent's reply
 * is quoted. With no moment to point at (talk share, pauses), the agent's longest line is quoted.
 */
function whatWasMissing(checks: Checks, skill: SkillId, c: ReportContext): { description: string; quotes: Quote[]; context?: Quote[] } {
  const lang = c.lang;
  const failed = checks.filter((x) => x.skill === skill && !x.passed).sort((a, b) => b.weight - a.weight);
  const quotes: Quote[] = [];
  const context: Quote[] = [];
  const items = failed.map((f) => {
    const agentQ = f.evidence.find((q) => q.speaker === 'agent');
    const customerQ = f.evidence.find((q) => q.speaker === 'customer');
    const at = agentQ ?? (customerQ && agentAround(c, customerQ, 'after'));
    if (at) quotes.push(at);
    if (customerQ) context.push(customerQ);
    const when = at ?? customerQ;
    return when ? `${f.missing[lang]} (${clockOf(when.startSec)})` : f.missing[lang];
  });
  if (quotes.length === 0 && c.agent.length) {
    // no single moment (talk share, pauses, a missing opening): the opening line, or the agent's longest
    const longest = c.agent.reduce((m, t) => (t.endMs - t.startMs + t.text.length / 1000 > m.endMs - m.startMs + m.text.length / 1000 ? t : m));
    const line = skill === 'opening' ? c.agent[0] : longest;
    const q = quoteOf(line, firstSentenceOf(line));
    quotes.push(q);
    if (items.length) items[0] = `${items[0]} (${clockOf(q.startSec)})`;
  }
  return {
    description: `${SKILL_LABELS[skill][lang]}: ${items.join('; ')}`,
    quotes: uniq(quotes).slice(0, 3),
    ...(context.length ? { context: uniq(context).slice(0, 3) } : {}),
  };
}

/** A strength's quotes: the agent's lines from its passed checks (a customer's words give way to the agent line that drew them out). */
function doneQuotes(checks: Checks, skill: SkillId, c: ReportContext): Quote[] {
  const qs = checks
    .filter((x) => x.skill === skill && x.passed)
    .flatMap((x) => x.evidence)
    .map((q) => (q.speaker === 'agent' ? q : agentAround(c, q, 'before')))
    .filter((q): q is Quote => !!q);
  return uniq(qs).slice(0, 3);
}

/** mm:ss of a session time in seconds. */
function clockOf(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

function metricsOf(c: ReportContext, durationMs: number): ConversationMetrics {
  const s = c.snap;
  const min = Math.max(durationMs, 1) / 60_000;
  return {
    durationSec: round(durationMs / 1000, 1),
    talkRatioAgent: round(s.talk.ratio ?? 0),
    longestAgentMonologueSec: round(s.monologue.longestMs / 1000, 1),
    longestCustomerStorySec: round(s.longestCustomerStoryMs / 1000, 1),
    interactivityPerMin: round(s.speakerSwitches / min, 2),
    patienceSec: round((s.patienceMs ?? 0) / 1000, 2),
    patienceAfterObjectionSec: s.objections.meanResponseMs === null ? null : round(s.objections.meanResponseMs / 1000, 2),
    questionsAgent: s.questions.agent,
    questionsCustomer: s.questions.customer,
    questionsAgentPerMin: round(s.questions.agent / min, 2),
    fillerWordsPerMin: round(s.fillers.perMin, 2),
    wordsPerMinAgent: round(s.wordsPerMin ?? 0, 0),
    interruptions: s.interruptions.byAgent,
  };
}

const BENCH_LABELS: Record<string, { he: string; en: string }> = {
  talkRatio: { he: 'יחס דיבור של הנציג', en: 'Agent talk ratio' },
  objectionPauseMs: { he: 'השהייה לפני תשובה להתנגדות', en: 'Pause before answering an objection' },
  questions: { he: 'שאלות בירור', en: 'Discovery questions' },
  wordsPerMin: { he: 'מילים לדקה', en: 'Words per minute' },
  longestMonologueMs: { he: 'רצף הדיבור הארוך ביותר', en: 'Longest monologue' },
  fillersPerMin: { he: 'מילות מילוי לדקה', en: 'Filler words per minute' },
  interruptions: { he: 'קטיעות של הלקוח', en: 'Interruptions of the customer' },
  latencyP50Ms: { he: 'זמן תגובת הלקוח (חציון)', en: 'Customer reply latency (p50)' },
  latencyP95Ms: { he: 'זמן תגובת הלקוח (95% מהתורות)', en: 'Customer reply latency (p95)' },
};

function benchmarkRows(c: ReportContext, durationMs: number, latency: readonly LatencyTimelineLike[], lang: Language): SessionReport['benchmarks'] {
  const s = c.snap;
  const B = COACHING_BENCHMARKS;
  const rows: SessionReport['benchmarks'] = [];
  const row = (id: keyof typeof BENCH_LABELS, value: number, unit: string, benchmark: string, status: 'good' | 'above' | 'below') =>
    rows.push({ id, label: BENCH_LABELS[id][lang], value: round(value, 2), unit, benchmark, status });
  if (s.talk.ratio !== null) row('talkRatio', s.talk.ratio, 'ratio', `${B.talkRatio.range[0]}–${B.talkRatio.range[1]} (top reps ≈ 0.43)`, compareToBenchmark('talkRatio', s.talk.ratio));
  if (s.objections.meanResponseMs !== null) row('objectionPauseMs', s.objections.meanResponseMs, 'ms', '≈ 1500 (average reps ≈ 300)', compareToBenchmark('objectionPauseMs', s.objections.meanResponseMs));
  const target = questionTarget(durationMs);
  row('questions', s.questions.discovery, 'count', `≥ ${target} for this call length (11–14 per full call)`, s.questions.discovery >= target ? 'good' : 'below');
  if (s.wordsPerMin !== null) row('wordsPerMin', s.wordsPerMin, 'wpm', `${B.wordsPerMin.range[0]}–${B.wordsPerMin.range[1]} (≈ 173)`, compareToBenchmark('wordsPerMin', s.wordsPerMin));
  row('longestMonologueMs', s.monologue.longestMs, 'ms', '≤ 60000', compareToBenchmark('longestMonologueMs', s.monologue.longestMs));
  row('fillersPerMin', s.fillers.perMin, 'per_min', '≤ 3', compareToBenchmark('fillersPerMin', s.fillers.perMin));
  row('interruptions', s.interruptions.byAgent, 'count', '≤ 1', compareToBenchmark('interruptions', s.interruptions.byAgent));
  const l = latencySummary(latency);
  if (l.p50Ms !== null) row('latencyP50Ms', l.p50Ms, 'ms', '≤ 800', compareToBenchmark('latencyP50Ms', l.p50Ms));
  if (l.p95Ms !== null) row('latencyP95Ms', l.p95Ms, 'ms', '≤ 1200', compareToBenchmark('latencyP95Ms', l.p95Ms));
  return rows;
}

function nearestRank(xs: number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]);
}

/** p50/p95 of agent-stopped → customer-heard (or audio sent / first text when that is all there is). */
export function latencySummary(timeline: readonly LatencyTimelineLike[]): SessionReport['latency'] {
  const heard: number[] = [], eot: number[] = [], text: number[] = [];
  for (const t of timeline) {
    const end = t.agentSpeechEndMs ?? t.turnCommittedMs;
    const reply = t.firstAudioPlayedMs ?? t.firstCustomerAudioSentMs ?? t.firstCustomerTextMs;
    if (end !== null && reply !== null && reply >= end) heard.push(reply - end);
    if (t.agentSpeechEndMs !== null && t.turnCommittedMs !== null) eot.push(Math.max(0, t.turnCommittedMs - t.agentSpeechEndMs));
    if (t.turnCommittedMs !== null && t.firstCustomerTextMs !== null) text.push(Math.max(0, t.firstCustomerTextMs - t.turnCommittedMs));
  }
  return { turns: timeline.length, p50Ms: nearestRank(heard, 50), p95Ms: nearestRank(heard, 95), endOfTurnP50Ms: nearestRank(eot, 50), firstTextP50Ms: nearestRank(text, 50) };
}

function targetedRow(id: SkillId, skills: SkillScore[], c: ReportContext, lang: Language): SessionReport['targeted'][number] {
  const s = skills.find((x) => x.id === id);
  const he = lang === 'he';
  const snap = c.snap;
  if (!s) {
    return { skill: id, exercised: false, how: he ? 'המצב לא עלה בשיחה הזו — התרחיש לא תרגל את החולשה' : 'the situation did not come up — the scenario did not exercise this weakness', score: null, verdict: 'not_exercised' };
  }
  const facts: Partial<Record<SkillId, string>> = {
    objection_handling: he ? `${snap.objections.raised} התנגדויות, ${snap.objections.acknowledged} קיבלו הכרה, ${snap.objections.resolved} נפתרו` : `${snap.objections.raised} objections, ${snap.objections.acknowledged} acknowledged, ${snap.objections.resolved} resolved`,
    discovery: he ? `${snap.questions.discovery} שאלות בירור, ${snap.needsRevealed} צרכים נחשפו` : `${snap.questions.discovery} discovery questions, ${snap.needsRevealed} needs revealed`,
    closing: he ? `${snap.closeAttempts} ניסיונות סגירה, תוצאה: ${c.outcome}` : `${snap.closeAttempts} close attempts, outcome: ${c.outcome}`,
    listening: he ? `יחס דיבור ${Math.round((snap.talk.ratio ?? 0) * 100)}%, ${snap.interruptions.byAgent} קטיעות` : `talk ratio ${Math.round((snap.talk.ratio ?? 0) * 100)}%, ${snap.interruptions.byAgent} interruptions`,
  };
  const passed = s.checks.filter((x) => x.passed).length;
  const how = facts[id] ?? (he ? `${passed} מתוך ${s.checks.length} בדיקות עברו` : `${passed} of ${s.checks.length} checks passed`);
  return { skill: id, exercised: true, how, score: s.score, verdict: s.score >= 75 ? 'strong' : s.score >= 50 ? 'ok' : 'needs_work' };
}

function toneFeatures(v: ConfidenceReading): Record<string, number> {
  const f = v.features;
  const out: Record<string, number> = {
    pauseRatio: round(f.pauseRatio), syllablesPerSec: round(f.syllablesPerSec, 2), hesitationsPerMin: round(f.hesitationsPerMin, 2),
    pitchSpreadSt: round(f.pitchSpreadSt, 2), energySpreadDb: round(f.energySpreadDb, 2),
  };
  if (f.pitchHz !== null) out.pitchHz = round(f.pitchHz, 1);
  return out;
}

/**
 * Keeps only quotes that exist verbatim in the transcript: same speaker, same start time (ms), and the quote
 * text inside that turn's text. Returns how many were dropped.
 */
export function verifyQuotes(report: SessionReport, turns: readonly Turn[]): number {
  let dropped = 0;
  const ok = (q: Quote) => turns.some((t) => t.speaker === q.speaker && Math.abs(t.startMs - q.startSec * 1000) < 1 && t.text.includes(q.text));
  const keep = (qs: Quote[]) => qs.filter((q) => (ok(q) ? true : (dropped++, false)));
  for (const s of report.skills) {
    s.evidence = keep(s.evidence);
    for (const c of s.checks) c.evidence = keep(c.evidence);
  }
  for (const s of report.strengths) s.quotes = keep(s.quotes);
  for (const w of report.weaknesses) {
    w.quotes = keep(w.quotes);
    if (w.context) w.context = keep(w.context);
  }
  for (const c of report.criteria) c.evidence = keep(c.evidence);
  return dropped;
}
