/** Evaluates a scenario's yes/no success criteria (scenarios' checkSchema) against a finished practice call. */
import { normalizeForMatch, normalizeText, type Quote } from '../analysis/index.ts';
import type { Criterion } from '../scenarios/index.ts';
import { actQuote, hasAct, quoteOf, type ReportContext } from './report-context.ts';
import { quotesAt } from './report-skills.ts';
import type { CriterionResult } from './report-schema.ts';

const UNDERSTANDING: Record<'he' | 'en', RegExp> = {
  he: /(?:מובן|ברור|הגיוני|מסתדר|סגור)(?: לך| לכם)?\s*\?|האם (?:זה )?(?:ברור|מובן)|(?:הבנת|הבנתם) (?:אותי|את)/u,
  en: /does (?:that|this) make sense|is (?:that|this) clear|(?:do|did) you follow|any questions (?:so far|about)|does that answer/u,
};
const DECISION_MAKER: Record<'he' | 'en', RegExp> = {
  he: /(?:אשתך|בעלך|בת הזוג|בן הזוג|השותף|השותפה|המנהל|המנהלת|מקבל ההחלטות|מקבלי ההחלטות|ההנהלה)|ביחד איתו|ביחד איתה|גם (?:הוא|היא) (?:יהיה|תהיה)/u,
  en: /\b(?:your (?:wife|husband|partner|spouse|boss|manager|cfo|ceo|team)|decision[- ]makers?|both of you|join the call|loop (?:them|him|her) in)\b/u,
};

type Result = { passed: boolean; detail: { he: string; en: string }; evidence?: Quote[] };

function evaluate(cr: Criterion, c: ReportContext, differentiator?: string): Result {
  const s = c.snap;
  const chk = cr.check;
  switch (chk.type) {
    case 'reason_for_call_within': {
      const t0 = c.turns[0]?.startMs ?? 0;
      const t = c.agent.find((x) => hasAct(x, 'opening_agenda', 'value_statement'));
      const ok = !!t && t.startMs - t0 <= chk.seconds * 1000;
      return { passed: ok, detail: t ? { he: `נאמר אחרי ${sec(t.startMs - t0)} שניות`, en: `said after ${sec(t.startMs - t0)} s` } : { he: 'לא נאמרה מטרת השיחה', en: 'the reason for the call was never stated' }, evidence: t ? [actQuote(t, 'opening_agenda', 'value_statement')] : [] };
    }
    case 'discovery_questions_min':
      return count(s.questions.discovery, chk.count, ['שאלת בירור אחת', 'שאלות בירור'], ['discovery question', 'discovery questions']);
    case 'hidden_needs_revealed_min':
      return count(s.needsRevealed, chk.count, ['צורך אחד נחשף', 'צרכים נחשפו'], ['need revealed', 'needs revealed']);
    case 'objections_acknowledged_all': {
      const n = s.objections.raised;
      if (n === 0) return { passed: true, detail: { he: 'לא עלו התנגדויות', en: 'no objections came up' } };
      return { passed: s.objections.acknowledged === n, detail: { he: `${s.objections.acknowledged} מתוך ${n} קיבלו הכרה`, en: `${s.objections.acknowledged} of ${n} acknowledged` } };
    }
    case 'objections_resolved_min':
      return count(s.objections.resolved, chk.count, ['התנגדות אחת נפתרה', 'התנגדויות נפתרו'], ['objection resolved', 'objections resolved']);
    case 'close_attempts_min':
      return count(s.closeAttempts, chk.count, ['ניסיון סגירה אחד', 'ניסיונות סגירה'], ['close attempt', 'close attempts']);
    case 'next_step_agreed': {
      const ok = c.outcome === 'converted' || c.outcome === 'next_step';
      return { passed: ok, detail: ok ? { he: 'סוכם', en: 'agreed' } : { he: 'לא סוכם צעד הבא', en: 'no next step was agreed' }, evidence: s.nextStep.text && s.nextStep.proposedAtMs !== null ? quotesAt(c, s.nextStep.proposedAtMs, s.nextStep.text) : [] };
    }
    case 'talk_ratio_max': {
      const r = s.talk.ratio ?? 0;
      return { passed: r <= chk.ratio, detail: { he: `יחס דיבור ${pct(r)}`, en: `talk ratio ${pct(r)}` } };
    }
    case 'no_price_before_needs': {
      const p = s.price.beforeNeeds;
      return { passed: !p, detail: p ? { he: 'המחיר הוצג לפני בירור צרכים', en: 'price came before any needs' } : { he: 'המחיר הגיע אחרי הבירור', en: 'price came after discovery' }, evidence: p ? quotesAt(c, p.atMs, p.text) : [] };
    }
    case 'technical_questions_answered_min': {
      const answered = c.customerQuestions.filter((q) => q.answeredBy).length;
      return count(answered, chk.count, ['שאלה אחת נענתה', 'שאלות נענו'], ['question answered', 'questions answered']);
    }
    case 'mentions_differentiator': {
      const t = differentiator ? c.agent.find((x) => overlaps(x.text, differentiator)) : c.agent.find((x) => hasAct(x, 'value_statement'));
      const how = differentiator ? { he: 'לפי הבידול בשאלון החברה', en: "against the questionnaire's differentiator" } : { he: 'בלי בידול בשאלון: נבדקה הצגת תועלת', en: 'no differentiator on file: checked for a stated benefit' };
      return { passed: !!t, detail: how, evidence: t ? [quoteOf(t)] : [] };
    }
    case 'value_tied_to_need':
      return { passed: !!c.valueAfterNeed, detail: { he: c.valueAfterNeed ? 'התועלת נקשרה לצורך' : 'לא נקשרה תועלת לצורך', en: c.valueAfterNeed ? 'benefit tied to a need' : 'no benefit tied to a need' }, evidence: c.valueAfterNeed ? [actQuote(c.valueAfterNeed, 'value_statement')] : [] };
    case 'customer_did_not_hang_up':
      return { passed: c.outcome !== 'hung_up', detail: c.outcome === 'hung_up' ? { he: 'הלקוח ניתק', en: 'the customer hung up' } : { he: 'השיחה הסתיימה כסדרה', en: 'the call ended normally' } };
    case 'empathy_before_solution': {
      const emp = c.agent.find((t) => hasAct(t, 'empathy', 'acknowledgement'));
      const sol = c.agent.find((t) => hasAct(t, 'value_statement', 'feature_explanation', 'price_mention'));
      const ok = !!emp && (!sol || emp.index <= sol.index);
      return { passed: ok, detail: ok ? { he: 'אמפתיה קודם', en: 'empathy came first' } : { he: 'הפתרון הגיע לפני אמפתיה', en: 'the solution came before any empathy' }, evidence: emp ? [actQuote(emp, 'empathy', 'acknowledgement')] : [] };
    }
    case 'checked_understanding': {
      const t = c.agent.find((x) => UNDERSTANDING[c.lang].test(normalizeText(x.text)));
      return { passed: !!t, detail: t ? { he: 'וידא הבנה', en: 'checked understanding' } : { he: 'לא וידא שהלקוח הבין', en: 'never checked the customer understood' }, evidence: t ? [quoteOf(t)] : [] };
    }
    case 'asked_reason_before_offer': {
      const q = c.agent.find((t) => hasAct(t, 'discovery_question'));
      const offer = c.agent.find((t) => hasAct(t, 'price_mention', 'value_statement', 'close_attempt'));
      const ok = !!q && (!offer || q.index < offer.index);
      return { passed: ok, detail: ok ? { he: 'שאל לפני שהציע', en: 'asked before offering' } : { he: 'הציע לפני שבירר', en: 'offered before asking why' }, evidence: q ? [actQuote(q, 'discovery_question')] : [] };
    }
    case 'interruptions_max':
      return { passed: s.interruptions.byAgent <= chk.count, detail: { he: `${s.interruptions.byAgent} קטיעות`, en: `${s.interruptions.byAgent} interruptions` } };
    case 'referenced_customer_detail':
      return { passed: !!c.referencedDetail, detail: c.referencedDetail ? { he: `חזר על "${c.referencedDetail.word}"`, en: `referred back to "${c.referencedDetail.word}"` } : { he: 'לא חזר על פרט מהלקוח', en: "never referred back to the customer's words" }, evidence: c.referencedDetail ? [quoteOf(c.referencedDetail.turn)] : [] };
    case 'involved_decision_maker': {
      const t = c.agent.find((x) => DECISION_MAKER[c.lang].test(normalizeForMatch(x.text)));
      return { passed: !!t, detail: t ? { he: 'שיתף את מקבל ההחלטה', en: 'involved the decision maker' } : { he: 'לא דאג לשתף את מקבל ההחלטה', en: 'did not involve the other decision maker' }, evidence: t ? [quoteOf(t)] : [] };
    }
  }
}

/** "2 שאלות בירור (נדרשו 3)"; one is worded as one ("שאלת בירור אחת"), never "1 שאלות". */
function count(v: number, min: number, he: [one: string, many: string], en: [one: string, many: string]): Result {
  const heV = v === 1 ? he[0] : `${v} ${he[1]}`;
  const heMin = min === 1 ? 'נדרשה אחת' : `נדרשו ${min}`;
  return { passed: v >= min, detail: { he: `${heV} (${heMin})`, en: `${v} ${v === 1 ? en[0] : en[1]} (needed ${min})` } };
}

function overlaps(text: string, phrase: string): boolean {
  const want = normalizeForMatch(phrase).split(' ').filter((w) => w.length >= 3);
  if (want.length === 0) return false;
  const have = new Set(normalizeForMatch(text).split(' '));
  return want.filter((w) => have.has(w)).length * 2 >= want.length;
}

const sec = (ms: number) => Math.round(ms / 1000);
const pct = (r: number) => `${Math.round(r * 100)}%`;

/** Every criterion with pass/fail, a reason and evidence, in the session language. */
export function evaluateCriteria(criteria: readonly Criterion[], c: ReportContext, differentiator?: string): CriterionResult[] {
  return criteria.map((cr) => {
    const r = evaluate(cr, c, differentiator);
    return { id: cr.id, label: cr.label[c.lang], passed: r.passed, detail: r.detail[c.lang], evidence: r.evidence ?? [] };
  });
}
