/**
 * Skill scores of a practice call: per skill, concrete weighted yes/no checks (the same `skills[]` shape as
 * call analysis), each backed by a quote where one exists. A skill with nothing to judge is left out and named
 * as not exercised (e.g. objection handling when no objection came up).
 */
import type { Quote, SkillId, SkillScore } from '../analysis/index.ts';
import { COACHING_BENCHMARKS } from './benchmarks.ts';
import { actQuote, hasAct, quoteOf, type ReportContext } from './report-context.ts';
import type { Bilingual } from './types.ts';

export interface Check {
  id: string;
  skill: SkillId;
  label: Bilingual;
  /** What was missing when it failed (the weakness text), never the positive label. */
  missing: Bilingual;
  weight: number;
  passed: boolean;
  evidence: Quote[];
}

type CheckSpec = Omit<Check, 'skill' | 'missing'>;

/**
 * What each check's failure leaves missing, with the call's own figures where they help. Hebrew describes the
 * call, with no gendered verb, so it reads right whoever the agent is.
 */
const MISSING: Record<string, (c: ReportContext) => Bilingual> = {
  greeted: () => L('לא הייתה ברכה והצגה בפתיחה', 'No greeting or introduction at the start'),
  reason_early: () => L('מטרת השיחה לא נאמרה ב-30 השניות הראשונות', 'The reason for the call was not given in the first 30 seconds'),
  early_question: () => L('לא נשאלה שאלה בפתיחה', 'No question early in the call'),
  enough_questions: (c) => L(`מעט מדי שאלות בירור: ${c.snap.questions.discovery} מתוך ${questionTarget(c.durationMs)} לפחות`, `Too few discovery questions: ${c.snap.questions.discovery} of at least ${questionTarget(c.durationMs)}`),
  open_questions: (c) => L(`פחות משתי שאלות פתוחות (${c.snap.questions.open})`, `Fewer than two open questions (${c.snap.questions.open})`),
  needs_revealed: () => L('הלקוח לא חשף אף צורך: השאלות לא הגיעו לשם', 'The customer revealed no need: the questions did not get there'),
  no_price_before_needs: () => L('המחיר הוצג לפני בירור הצרכים', 'The price came before the needs were explored'),
  acknowledged_customer: () => L('לא הובעו הבנה או אמפתיה ללקוח', 'No understanding or empathy shown to the customer'),
  referenced_detail: () => L('אין חזרה על פרט שהלקוח סיפר', 'Nothing the customer shared was referred back to'),
  customer_not_hostile: () => L('הלקוח ניתק או סיים כועס', 'The customer hung up or ended angry'),
  // shown only above 60 %: rounded up, so it never reads "passed 60 % (60 %)"
  talk_ratio: (c) => L(`חלק הנציג בדיבור עלה על 60% (${Math.ceil((c.snap.talk.ratio ?? 0) * 100)}%)`, `The agent's share of the talk passed 60% (${Math.ceil((c.snap.talk.ratio ?? 0) * 100)}%)`),
  no_long_monologue: () => L('רצף דיבור של יותר מדקה', 'A stretch of talking over a minute'),
  no_interruptions: (c) => {
    const n = c.snap.interruptions.byAgent;
    return n === 1 ? L('הלקוח נקטע פעם אחת', 'The customer was talked over once') : L(`הלקוח נקטע ${n} פעמים`, `The customer was talked over ${n} times`);
  },
  answered_questions: () => L('שאלה של הלקוח נשארה בלי תשובה', "A customer's question was left unanswered"),
  customer_opened_up: () => L('הלקוח כמעט לא שיתף: פחות משלושה דברים משמעותיים', 'The customer hardly opened up: fewer than three things of substance'),
  followed_up: () => L('רוב התשובות לא התייחסו למה שהלקוח אמר', 'Most replies did not follow up on what the customer said'),
  acknowledged_all: (c) => L(`התנגדות נענתה בלי הכרה קודם (${c.snap.objections.acknowledged} מתוך ${c.snap.objections.raised} קיבלו הכרה)`, `An objection was answered without acknowledging it first (${c.snap.objections.acknowledged} of ${c.snap.objections.raised} acknowledged)`),
  explored: () => L('לא נשאלה שאלה שמבררת את ההתנגדות', 'No question to understand the objection'),
  paused: () => L('התשובה להתנגדות באה מיד, בלי עצירה', 'The answer to the objection came at once, without a pause'),
  resolved: (c) => L(`פחות ממחצית ההתנגדויות נפתרו (${c.snap.objections.resolved} מתוך ${c.snap.objections.raised})`, `Fewer than half of the objections were resolved (${c.snap.objections.resolved} of ${c.snap.objections.raised})`),
  questions_answered: () => L('שאלה על המוצר נשארה בלי תשובה עניינית', 'A product question got no real answer'),
  benefit_stated: () => L('הוצגו מאפיינים בלי תועלת ללקוח', 'Features without a benefit for the customer'),
  benefit_tied_to_need: () => L('התועלת לא קושרה לצורך שהלקוח אמר', 'No benefit was tied to a need the customer stated'),
  asked_for_commitment: () => L('לא הוצע צעד הבא קונקרטי אחרי הבירור והטיפול בהתנגדויות', 'No concrete next step proposed after discovery and the objections'),
  no_premature_close: () => L('לחץ לסגירה לפני בירור צרכים', 'Pushed for a yes before any discovery'),
  next_step_agreed: () => L('השיחה הסתיימה בלי צעד הבא ובלי סגירה', 'The call ended with no next step and no sale'),
  followed_buying_signals: () => L('סימן קנייה של הלקוח נשאר בלי הצעה להתקדם', "A customer's buying signal got no close or next step"),
};

/** The gap a failed check leaves (its label marked as missing for a check with no wording of its own). */
export function missingOfCheck(id: string, label: Bilingual, c: ReportContext): Bilingual {
  return MISSING[id]?.(c) ?? L(`חסר: ${label.he}`, `Missing: ${label.en}`);
}

const L = (he: string, en: string): Bilingual => ({ he, en });

function opening(c: ReportContext): CheckSpec[] {
  const first = c.agent[0];
  const early = c.agent.filter((t) => t.startMs - (c.agent[0]?.startMs ?? 0) <= 30_000).slice(0, 2);
  const reason = early.find((t) => hasAct(t, 'opening_agenda', 'value_statement'));
  const question = c.agent.slice(0, 3).find((t) => hasAct(t, 'discovery_question'));
  return [
    { id: 'greeted', label: L('פתח בברכה והצגה', 'Opened with a greeting and introduction'), weight: 1, passed: !!first && hasAct(first, 'greeting'), evidence: first && hasAct(first, 'greeting') ? [actQuote(first, 'greeting')] : [] },
    { id: 'reason_early', label: L('אמר את מטרת השיחה ב-30 השניות הראשונות', 'Gave the reason for the call in the first 30 seconds'), weight: 2, passed: !!reason, evidence: reason ? [actQuote(reason, 'opening_agenda', 'value_statement')] : [] },
    { id: 'early_question', label: L('שאל שאלה פתוחה כבר בפתיחה', 'Asked a question early in the call'), weight: 1, passed: !!question, evidence: question ? [actQuote(question, 'discovery_question')] : [] },
  ];
}

/** Discovery questions worth asking in a call this long: 11–14 for a full call, at least 3 in a short one. */
export function questionTarget(durationMs: number): number {
  return Math.max(3, Math.min(COACHING_BENCHMARKS.questionsPerCall.value, Math.round((durationMs / 60_000) * 1.5)));
}

function discovery(c: ReportContext): CheckSpec[] {
  const s = c.snap;
  const target = questionTarget(c.durationMs);
  const qs = c.agent.filter((t) => hasAct(t, 'discovery_question'));
  const open = c.agent.filter((t) => t.reading.sentences.some((x) => x.isOpenQuestion));
  const needs = c.customer.filter((t) => hasAct(t, 'need_statement'));
  return [
    { id: 'enough_questions', label: L(`שאל לפחות ${target} שאלות בירור`, `Asked at least ${target} discovery questions`), weight: 2, passed: s.questions.discovery >= target, evidence: qs.slice(0, 2).map((t) => actQuote(t, 'discovery_question')) },
    { id: 'open_questions', label: L('שאל לפחות שתי שאלות פתוחות', 'Asked at least two open questions'), weight: 1, passed: s.questions.open >= 2, evidence: open.slice(0, 1).map((t) => quoteOf(t, t.reading.sentences.find((x) => x.isOpenQuestion)!.text)) },
    { id: 'needs_revealed', label: L('הלקוח חשף לפחות צורך אחד', 'The customer revealed at least one need'), weight: 2, passed: s.needsRevealed >= 1, evidence: needs.slice(0, 1).map((t) => actQuote(t, 'need_statement')) },
    { id: 'no_price_before_needs', label: L('לא הציג מחיר לפני בירור צרכים', 'No price before exploring needs'), weight: 1, passed: !s.price.beforeNeeds, evidence: s.price.beforeNeeds ? quotesAt(c, s.price.beforeNeeds.atMs, s.price.beforeNeeds.text) : [] },
  ];
}

function rapport(c: ReportContext): CheckSpec[] {
  const warm = c.agent.find((t) => hasAct(t, 'empathy', 'acknowledgement'));
  const ref = c.referencedDetail;
  return [
    { id: 'acknowledged_customer', label: L('הביע הבנה או אמפתיה ללקוח', 'Showed understanding or empathy'), weight: 1, passed: !!warm, evidence: warm ? [actQuote(warm, 'empathy', 'acknowledgement')] : [] },
    { id: 'referenced_detail', label: L('חזר על פרט שהלקוח סיפר', 'Referred back to something the customer said'), weight: 1, passed: !!ref, evidence: ref ? [quoteOf(ref.turn)] : [] },
    { id: 'customer_not_hostile', label: L('הלקוח לא סיים כועס או מנתק', 'The customer did not end angry or hang up'), weight: 1, passed: c.outcome !== 'hung_up', evidence: [] },
  ];
}

function listening(c: ReportContext): CheckSpec[] {
  const s = c.snap;
  const ratio = s.talk.ratio ?? 0;
  const longest = c.agent.reduce<typeof c.agent[number] | undefined>((m, t) => (!m || t.endMs - t.startMs > m.endMs - m.startMs ? t : m), undefined);
  const maxRatio = 0.6;
  const followed = c.followUps.filter((f) => f.by);
  const missed = c.followUps.filter((f) => !f.by);
  return [
    { id: 'talk_ratio', label: L(`דיבר לכל היותר ${maxRatio * 100}% מהזמן`, `Talked at most ${maxRatio * 100}% of the time`), weight: 2, passed: ratio <= maxRatio, evidence: [] },
    { id: 'no_long_monologue', label: L('לא דיבר יותר מדקה ברצף', 'No stretch of talking over a minute'), weight: 1, passed: s.monologue.longestMs <= COACHING_BENCHMARKS.longestMonologueMs.value, evidence: longest && s.monologue.longestMs > COACHING_BENCHMARKS.longestMonologueMs.value ? [quoteOf(longest, firstSentence(longest))] : [] },
    { id: 'no_interruptions', label: L('לא קטע את הלקוח', 'Did not talk over the customer'), weight: 1, passed: s.interruptions.byAgent === 0, evidence: [] },
    { id: 'answered_questions', label: L('ענה לשאלות שהלקוח שאל', "Answered the customer's questions"), weight: 1, passed: c.customerQuestions.every((q) => q.answeredBy), evidence: c.customerQuestions.filter((q) => !q.answeredBy).slice(0, 1).map((q) => quoteOf(q.turn, q.sentence)) },
    { id: 'customer_opened_up', label: L('הלקוח דיבר: שיתף לפחות שלושה דברים משמעותיים', 'The customer talked: shared at least three things of substance'), weight: 1, passed: c.followUps.length >= 3, evidence: [] },
    { id: 'followed_up', label: L('התייחס למה שהלקוח אמר לפחות בחצי מהתשובות', 'Followed up on what the customer said in at least half the replies'), weight: 2, passed: c.followUps.length > 0 && followed.length * 2 >= c.followUps.length, evidence: followed.length * 2 >= c.followUps.length ? followed.slice(0, 1).map((f) => quoteOf(f.by!, firstSentence(f.by!))) : missed.slice(0, 1).map((f) => quoteOf(f.turn, firstSentence(f.turn))) },
  ];
}

function objections(c: ReportContext): CheckSpec[] | null {
  const list = c.snap.objections.list;
  if (list.length === 0) return null;
  const timed = list.filter((o) => o.responseDelayMs !== null);
  const meanDelay = timed.length ? timed.reduce((a, o) => a + o.responseDelayMs!, 0) / timed.length : null;
  const unack = list.find((o) => !o.acknowledged);
  const answer = (o: (typeof list)[number]) => (o.answeredTurn !== null ? c.turns[o.answeredTurn] : undefined);
  const ackTurn = list.map(answer).find((t) => t && hasAct(t, 'acknowledgement', 'empathy'));
  const explored = list.filter((o) => o.explored).length;
  const resolved = c.snap.objections.resolved;
  return [
    { id: 'acknowledged_all', label: L('הכיר בכל התנגדות לפני שענה', 'Acknowledged every objection before answering'), weight: 2, passed: !unack, evidence: unack ? quotesAt(c, unack.atMs, unack.text) : ackTurn ? [actQuote(ackTurn, 'acknowledgement', 'empathy')] : [] },
    { id: 'explored', label: L('שאל שאלה כדי להבין את ההתנגדות', 'Asked a question to understand the objection'), weight: 1, passed: explored * 2 >= list.length, evidence: [] },
    { id: 'paused', label: L('עצר לנשום לפני התשובה (כ-1.5 שניות)', 'Paused before answering (about 1.5 s)'), weight: 1, passed: meanDelay !== null && meanDelay >= 900, evidence: [] },
    { id: 'resolved', label: L('לפחות מחצית ההתנגדויות נפתרו', 'At least half of the objections were resolved'), weight: 2, passed: resolved * 2 >= list.length, evidence: [] },
  ];
}

function productKnowledge(c: ReportContext): CheckSpec[] | null {
  const valued = c.agent.find((t) => hasAct(t, 'value_statement'));
  if (c.customerQuestions.length === 0 && !valued && !c.agent.some((t) => hasAct(t, 'feature_explanation'))) return null;
  const unanswered = c.customerQuestions.filter((q) => !q.answeredBy);
  return [
    { id: 'questions_answered', label: L('נתן תשובה עניינית לכל שאלה על המוצר', 'Gave a real answer to every product question'), weight: 2, passed: unanswered.length === 0, evidence: unanswered.slice(0, 1).map((q) => quoteOf(q.turn, q.sentence)) },
    { id: 'benefit_stated', label: L('הציג תועלת ללקוח, לא רק מאפיינים', 'Stated a benefit, not only features'), weight: 1, passed: !!valued, evidence: valued ? [actQuote(valued, 'value_statement')] : [] },
    { id: 'benefit_tied_to_need', label: L('קשר את התועלת לצורך שהלקוח אמר', 'Tied a benefit to a need the customer stated'), weight: 1, passed: !!c.valueAfterNeed, evidence: c.valueAfterNeed ? [actQuote(c.valueAfterNeed, 'value_statement')] : [] },
  ];
}

function closing(c: ReportContext): CheckSpec[] {
  const s = c.snap;
  const proposal = c.earnedProposal;
  const early = c.prematureClose;
  const missed = s.buyingSignals.filter((b) => b.followedUp === false);
  const checks: CheckSpec[] = [
    { id: 'asked_for_commitment', label: L('הציע צעד הבא קונקרטי אחרי בירור צרכים וטיפול בהתנגדויות', 'Proposed a concrete next step after discovery and handling objections'), weight: 2, passed: !!proposal, evidence: proposal ? [actQuote(proposal, 'next_step', 'close_attempt')] : [] },
    { id: 'no_premature_close', label: L('לא לחץ לסגירה לפני שבירר צרכים', 'Did not push for a yes before any discovery'), weight: 1, passed: !early, evidence: early ? [actQuote(early, 'close_attempt', 'next_step')] : [] },
    { id: 'next_step_agreed', label: L('סוכם צעד הבא או סגירה', 'A next step or a sale was agreed'), weight: 2, passed: c.outcome === 'converted' || c.outcome === 'next_step', evidence: [] },
  ];
  if (s.buyingSignals.length > 0) {
    checks.push({ id: 'followed_buying_signals', label: L('הגיב לסימני קנייה בהצעה להתקדם', 'Followed buying signals with a close or next step'), weight: 1, passed: missed.length === 0, evidence: missed.slice(0, 1).flatMap((b) => quotesAt(c, b.atMs, b.text)) });
  }
  return checks;
}

const BUILDERS: Record<SkillId, (c: ReportContext) => CheckSpec[] | null> = {
  opening, discovery, rapport, listening, objection_handling: objections, product_knowledge: productKnowledge, closing,
};

/** Scores every exercised skill; returns the checks too (the report's advice reads the failed ones). */
export function scoreSkills(c: ReportContext): { skills: SkillScore[]; checks: Check[]; notExercised: SkillId[] } {
  const skills: SkillScore[] = [];
  const checks: Check[] = [];
  const notExercised: SkillId[] = [];
  for (const id of Object.keys(BUILDERS) as SkillId[]) {
    const specs = BUILDERS[id](c);
    if (!specs || specs.length === 0) {
      notExercised.push(id);
      continue;
    }
    const total = specs.reduce((a, x) => a + x.weight, 0);
    const got = specs.filter((x) => x.passed).reduce((a, x) => a + x.weight, 0);
    skills.push({
      id,
      score: Math.round((100 * got) / total),
      checks: specs.map((x) => ({ id: x.id, label: x.label[c.lang], passed: x.passed, weight: x.weight, evidence: dedupe(x.evidence) })),
      evidence: dedupe(specs.flatMap((x) => x.evidence)).slice(0, 3),
    });
    checks.push(...specs.map((x) => ({ ...x, skill: id, missing: missingOfCheck(x.id, x.label, c) })));
  }
  return { skills, checks, notExercised };
}

function firstSentence(t: ReportContext['turns'][number]): string {
  return t.reading.sentences[0]?.text ?? t.text;
}

/** The quote of a sentence said at atMs (a turn start), if that turn holds it verbatim. */
export function quotesAt(c: ReportContext, atMs: number, text: string): Quote[] {
  const t = c.turns.find((x) => x.startMs === atMs && x.text.includes(text));
  return t ? [quoteOf(t, text)] : [];
}

function dedupe(qs: Quote[]): Quote[] {
  const seen = new Set<string>();
  return qs.filter((q) => (seen.has(q.text) ? false : (seen.add(q.text), true)));
}
