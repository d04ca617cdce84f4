/**
 * Plays the evaluation scripts against the offline customer (demo agency personas) and checks every call.
 * Good scripts answer an objection the customer just raised — acknowledged, with its substance — before their next
 * line, as an agent who read the reply would.
 */
import type { Language, ObjectionKind } from '../../../analysis/index.ts';
import { demoCustomer } from '../../demo-customer.ts';
import type { Brain } from '../../brain.ts';
import { OfflineCustomerBrain } from '../brain.ts';
import { checkCall, rates, type CallRecord, type CheckedTurn, type Finding, type Rates } from './checker.ts';
import { EVAL_SCRIPTS, parseLine, type EvalScript } from './scripts.ts';

/** An answer to each objection kind: acknowledged, then its substance. `[m|f]` agrees with the agent. */
const ANSWERS: Record<Language, Record<ObjectionKind, string>> = {
  en: {
    price: 'I understand, the price matters. Most families save about 180 shekels a month with us because we cancel duplicate cover, so the review pays for itself.',
    timing: 'I understand you are busy. It only takes twenty minutes, at a time that suits you, even in the evening.',
    trust: 'That is a fair question, I understand. The review is free with no commitment, and if your cover is fine I will tell you so and sell you nothing.',
    competitor: 'Fair point, I understand. The difference is that with us a personal agent handles your claims, and we compare six insurers, not one.',
    authority: 'Of course, I understand, it makes sense to decide together. Let us find a time when you can both join.',
    no_need: 'I understand you feel covered. Cover through work usually ends when you leave and often does not cover the family, so it is worth a check.',
  },
  he: {
    price: 'אני [מבין|מבינה], המחיר חשוב. רוב המשפחות חוסכות אצלנו בערך 180 שקל בחודש כי אנחנו מבטלים כפילויות, כך שהבדיקה מחזירה את עצמה.',
    timing: 'אני [מבין|מבינה] שאתה עסוק. זה לוקח רק עשרים דקות, בזמן שנוח לך, גם בערב.',
    trust: 'שאלה הוגנת, אני [מבין|מבינה]. הבדיקה חינם ובלי התחייבות, ואם הכיסוי שלך טוב אני אגיד לך את זה ולא אמכור לך כלום.',
    competitor: 'נקודה טובה, אני [מבין|מבינה]. ההבדל הוא שאצלנו סוכן אישי מטפל לך בתביעות, ואנחנו משווים שש חברות ולא אחת.',
    authority: 'בטח, אני [מבין|מבינה], הגיוני להחליט ביחד. בוא נמצא זמן ששניכם יכולים להצטרף.',
    no_need: 'אני [מבין|מבינה] שאתה מרגיש מכוסה. ביטוח דרך העבודה בדרך כלל נגמר כשעוזבים ולא מכסה את המשפחה, אז שווה לבדוק.',
  },
};

/** The same answers without insurance words, for a company in another industry. */
const NEUTRAL: Record<Language, Record<ObjectionKind, string>> = {
  en: {
    price: 'I understand, the price matters. Most customers like you save about 90 a month with us, so it pays for itself.',
    timing: 'I understand you are busy. It only takes twenty minutes, at a time that suits you, even in the evening.',
    trust: 'That is a fair question, I understand. It is free with no commitment, and if what you have is fine I will tell you so and sell you nothing.',
    competitor: 'Fair point, I understand. The difference is that with us one named person handles everything for you, and we put both offers side by side.',
    authority: 'Of course, I understand, it makes sense to decide together. Let us find a time when you can both join.',
    no_need: 'I understand it works for you today. Most people find a gap only when something breaks, so it is worth a short check.',
  },
  he: {
    price: 'אני [מבין|מבינה], המחיר חשוב. רוב הלקוחות כמוך חוסכים אצלנו בערך 90 שקל בחודש, כך שזה מחזיר את עצמו.',
    timing: 'אני [מבין|מבינה] שאתה עסוק. זה לוקח רק עשרים דקות, בזמן שנוח לך, גם בערב.',
    trust: 'שאלה הוגנת, אני [מבין|מבינה]. זה חינם ובלי התחייבות, ואם מה שיש לך טוב אני אגיד לך את זה ולא אמכור לך כלום.',
    competitor: 'נקודה טובה, אני [מבין|מבינה]. ההבדל הוא שאצלנו אדם אחד מטפל לך בהכל, ואנחנו שמים את שתי ההצעות אחת ליד השנייה.',
    authority: 'בטח, אני [מבין|מבינה], הגיוני להחליט ביחד. בוא נמצא זמן ששניכם יכולים להצטרף.',
    no_need: 'אני [מבין|מבינה] שזה עובד לך היום. רוב האנשים מגלים חור רק כשמשהו נשבר, אז שווה לבדוק בקצרה.',
  },
};

const agentForm = (t: string, g: 'female' | 'male') => t.replace(/\[([^|\]]*)\|([^\]]*)\]/g, (_m, m: string, f: string) => (g === 'female' ? f : m));

export type BrainFactory = (s: EvalScript, c: ReturnType<typeof demoCustomer>) => Brain;

export const defaultBrain: BrainFactory = (s, c) => new OfflineCustomerBrain({ params: c.offline, seed: s.seed, agentGender: s.agentGender });

async function say(brain: Brain, agentText: string | null): Promise<{ text: string; end: { outcome: string; reason: string } | null }> {
  let text = '';
  let end: { outcome: string; reason: string } | null = null;
  for await (const ch of brain.respond({ agentText }, new AbortController().signal)) {
    if (ch.type === 'text') text += ch.delta;
    else if (ch.type === 'end_call') end = { outcome: ch.outcome, reason: ch.reason };
  }
  return { text: text.trim(), end };
}

/** Plays one script and returns the call as the checker reads it. */
export async function playScript(s: EvalScript, factory: BrainFactory = defaultBrain): Promise<CallRecord> {
  const c = demoCustomer({ scenarioType: s.scenarioType, language: s.language, seed: s.seed, ...(s.questionnaire ? { questionnaire: s.questionnaire } : {}) });
  const brain = factory(s, c);
  const inbound = c.offline.direction === 'inbound';
  const opening = inbound ? (await say(brain, null)).text : null;
  const turns: CheckedTurn[] = [];
  let outcome = 'no_outcome';
  let endReason: string | null = null;
  const answered = new Map<string, number>();
  let last = opening ?? '';
  const queue = [...s.lines];
  while (queue.length > 0) {
    let line = queue.shift()!;
    let answersObjection = false;
    if (s.quality === 'good') {
      const raised = c.offline.objections.find((o) => [...o.lines, ...o.pushbacks].some((l) => l.length > 8 && last.includes(l.replace(/[.!?]+$/, ''))));
      if (raised && (answered.get(raised.id) ?? 0) < 2) {
        answered.set(raised.id, (answered.get(raised.id) ?? 0) + 1);
        queue.unshift(line);
        line = agentForm((s.questionnaire && s.questionnaire.sector !== 'insurance' ? NEUTRAL : ANSWERS)[s.language][raised.kind], s.agentGender);
        answersObjection = true;
      }
    }
    const { tag, text } = parseLine(line);
    const r = await say(brain, text);
    turns.push({ agent: text, tag, customer: r.text, ...(answersObjection ? { answersObjection } : {}) });
    last = r.text;
    if (r.end) {
      outcome = r.end.outcome;
      endReason = r.end.reason;
      break;
    }
  }
  return {
    id: s.id,
    language: s.language,
    direction: inbound ? 'inbound' : 'outbound',
    quality: s.quality,
    agentGender: s.agentGender,
    customerFirstName: c.customer.name.split(/\s+/)[0],
    opening,
    turns,
    outcome,
    endReason,
  };
}

export interface EvalResult {
  calls: { record: CallRecord; findings: Finding[] }[];
  rates: Rates;
  byGroup: Record<string, Rates>;
}

/** Every script, checked; rates overall and per language / direction / quality. */
export async function runEval(scripts: readonly EvalScript[] = EVAL_SCRIPTS, factory: BrainFactory = defaultBrain): Promise<EvalResult> {
  const calls: EvalResult['calls'] = [];
  for (const s of scripts) {
    const record = await playScript(s, factory);
    calls.push({ record, findings: checkCall(record) });
  }
  const groups: Record<string, EvalResult['calls']> = {};
  for (const c of calls) {
    for (const k of [c.record.language, c.record.direction, c.record.quality]) (groups[k] ??= []).push(c);
  }
  return { calls, rates: rates(calls), byGroup: Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, rates(v)])) };
}

/** A readable transcript with the failed checks marked (for the manual review and debugging). */
export function transcript(c: EvalResult['calls'][number]): string {
  const r = c.record;
  const lines = [`## ${r.id} (${r.language}, ${r.direction}, ${r.quality}, agent ${r.agentGender}) → ${r.outcome}${r.endReason ? ` (${r.endReason})` : ''}`];
  if (r.opening) lines.push(`C: ${r.opening}`);
  r.turns.forEach((t, i) => {
    lines.push(`A${t.tag.kind !== 'none' ? ` [${t.tag.kind}${t.tag.slot ? `:${t.tag.slot}` : ''}]` : ''}${t.answersObjection ? ' [answers objection]' : ''}: ${t.agent}`);
    lines.push(`C: ${t.customer}`);
    for (const f of c.findings.filter((x) => x.turn === i && !x.pass)) lines.push(`   ✗ ${f.check}`);
  });
  for (const f of c.findings.filter((x) => x.turn === null && !x.pass)) lines.push(`   ✗ ${f.check}: ${f.note}`);
  return lines.join('\n');
}
