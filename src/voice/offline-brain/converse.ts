/**
 * The customer answering what was asked: a slot question from the fact sheet (once said, a fact is repeated, never
 * changed), a summary confirmed or corrected, an understanding check, small talk briefly and back to the point, an
 * inbound caller's reason. Runs inside the policy step after the sales-act effects; its moves outrank the generic
 * phrase-bank replies but not an ending, an agreement or a re-raised objection the agent ignored.
 */
import type { OfflineBrainParams } from '../../personas/index.ts';
import { genderize } from '../../personas/index.ts';
import { proposalWords, type DialogueReading, type Slot } from './dialogue.ts';
import { KNOWN_PROVIDERS, type FactSheet } from './facts.ts';
import type { LinePicker, OwnLines, OwnSituation } from './lines.ts';
import { contentWords, mentionsAny } from './match.ts';
import type { Mind } from './mind.ts';
import type { PlanBuilder } from './plan.ts';
import type { AgentReading } from './reading.ts';

/** The agent deals with what the caller phoned about. */
const SOLVED = {
  en: /our mistake|our error|(money|it) (will be|is) (back|returned|refunded)|I('ve| have) cancel(l)?ed (it|the)|refund|credit|money back|cancel(l)?ing the (second )?charge|I (have )?(sorted|fixed) it|in simple words|because of|that is why|nothing else changed/i,
  he: /מחזיר(ה)? לך|זיכוי|החזר|מבטל(ת)? את החיוב|מבטל(ת)? (אותו|אותה|את זה)|הכסף (יחזור|יוחזר)|יחזור אליך|טעות שלנו|סידרתי|במילים פשוטות|בגלל|זאת הסיבה|שום דבר אחר לא השתנה/,
};

export interface Voice {
  lines: LinePicker;
  own: OwnLines;
  facts: FactSheet;
  /** What the customer said last (for "say that again?"). */
  lastSaid: string | null;
}

const he = (l: string) => l === 'he';
/** A reveal line without its lead-in ("Now that you ask, …"), to quote as a priority. */
const bare = (s: string) => s.replace(/^(now that you ask|honestly|to be honest|the truth is|actually)[,?.]?\s*|^(האמת\??|עכשיו ש\S+ (שואל|שואלת)|בעצם),?\s*/i, '');
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) && !/^(I|I'm|Harel|Migdal|Clal|Menora|Ayalon|From|Yes)\b/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

export function pickOwn(v: Voice, s: OwnSituation, p: OfflineBrainParams): string {
  return genderize(v.lines.must(v.own.own(s)) ?? v.own.own(s)[0] ?? '', p.gender);
}

/** The words of a repeat of what the customer said last. */
export function repeatLast(v: Voice, p: OfflineBrainParams): string {
  const last = v.lastSaid ?? '';
  const core = last.split(/(?<=[.!?])\s+/).slice(0, 2).join(' ');
  return core ? `${pickOwn(v, 'repeat', p)} ${lowerFirst(core)}` : pickOwn(v, 'goAhead', p);
}

/** A priority in the customer's words: a revealed need, else the surface of the first hidden one, else the budget. */
function priority(mind: Mind, p: OfflineBrainParams): string {
  const he = p.language === 'he';
  const revealed = mind.revealedNeeds[0];
  if (revealed) {
    const line = p.hiddenNeeds.find((n) => n.id === revealed.id)?.revealLines[0];
    if (line) return bare(line);
  }
  // Someone leaving says what would keep them.
  if (p.scenarioType === 'cancellation_retention') {
    const rival = /(?:offer from|הצעה מ)(.+?)\.?$/.exec(p.facts[5]?.lines[0] ?? '')?.[1]?.trim();
    return genderize(he ? `מחיר. אם תתאימו את מה ש${rival ?? 'אחרים'} הציעו לי, אני [מוכן|מוכנה] לחשוב על זה.` : `The price. If you match what ${rival ?? 'others'} offered me, I would think about staying.`, p.gender);
  }
  const tight = /tight|צפוף/.test(p.facts[1]?.lines[0] ?? '');
  if (tight) return he ? 'בעיקר המחיר. כל שקל אצלנו נספר.' : 'Mostly the price. Every shekel counts for us.';
  const family = p.hiddenNeeds.some((n) => n.topics.some((t) => /משפח|ילד|family|kid/.test(t)));
  return family
    ? (he ? 'שאם חלילה קורה משהו, המשפחה תהיה מסודרת.' : 'That if something happens, the family is taken care of.')
    : (he ? 'שזה פשוט, ושיהיה מישהו שעונה לי כשצריך.' : 'That it is simple, and that someone answers when I need them.');
}

/** The answer to a slot question, or null when the customer has nothing to say about it. */
export function answerFor(slot: Slot, mind: Mind, p: OfflineBrainParams, v: Voice, said = ''): string | null {
  if (slot === 'priority') return priority(mind, p);
  if (slot === 'identity') {
    // "Is this Mr. Levi?" when they are not Levi: they say who they are.
    const named = /is this (?:mr\.?|mrs\.?|ms\.?|miss)?\s*([A-Z][a-z]+)|(?:מדבר|מדברת) עם (?:מר |גברת |הגברת )?([\u05D0-\u05EA]{2,})/.exec(said);
    const who = named?.[1] ?? named?.[2];
    const mine = p.customerName.split(/\s+/);
    if (who && !mine.includes(who) && !/^(the|right|האדם)$/i.test(who)) return p.language === 'he' ? `לא, כאן ${p.customerName}. מי מדבר?` : `No, this is ${p.customerName}. Who is calling?`;
  }
  if (slot === 'reason' && p.direction !== 'inbound') return null;
  return v.facts.answers[slot] ?? null;
}

export function converse(mind: Mind, p: OfflineBrainParams, r: AgentReading, d: DialogueReading, plan: PlanBuilder, v: Voice): void {
  if (d.dismissive && ['angry', 'frustrated'].includes(p.mood.baseline)) {
    mind.note('dismissed');
    mind.apply({ trust: -0.06, interest: 0, patience: -0.1 });
    // "Don't tell me to calm down" only when that is what was said.
    const told = /calm|relax|להירגע|תירגע|תירגעי/i.test(r.text);
    const line = v.lines.must(v.own.own('dismissed').filter((l) => told === /calm|להירגע/i.test(l))) ?? pickOwn(v, 'dismissed', p);
    plan.react(60, { kind: 'say', text: genderize(line, p.gender), critical: true });
  }
  // A confused customer does not follow jargon and says so.
  if (d.jargon && p.mood.baseline === 'confused') {
    mind.note('jargon');
    mind.apply({ trust: -0.03, interest: 0, patience: -0.05 });
    plan.main(76, { kind: 'phrase', situation: 'askToRepeat' });
    return;
  }
  if (d.callback) {
    // "Let me check and call you back": a person waits for the call (a caller who was let down before says so).
    mind.note('callback');
    // Agreeing to be called back settles "I have no time now": it is not raised against the next proposal.
    for (const o of mind.objections) if (o.status === 'pending' && o.kind === 'timing') o.status = 'resolved';
    const when = d.mentioned ? ` ${proposalWords(d.mentioned, p.language)}` : '';
    const doubt = p.direction === 'inbound' && ['angry', 'frustrated'].includes(p.mood.baseline) && !mind.callerSatisfied;
    plan.main(72, { kind: 'say', text: pickOwn(v, doubt ? 'callbackDoubt' : 'callbackOk', p).replace('{when}', when), critical: true });
    return;
  }
  if (d.summary) {
    mind.note('summary_answered');
    mind.apply({ trust: 0.03, interest: 0.01, patience: 0.01 });
    plan.main(75, { kind: 'say', text: summaryReply(mind, p, r, v), critical: true });
    return;
  }
  if (d.understandingCheck) {
    plan.main(70, { kind: 'say', text: pickOwn(v, 'understood', p), critical: true });
    return;
  }
  const slots = d.slots.filter((s) => answerFor(s, mind, p, v, r.text) !== null);
  if (slots.length > 0) {
    // A revealed need answers "what matters" better than the fact sheet.
    const best = plan.best;
    if (slots[0] === 'priority' && best?.kind === 'reveal' && p.scenarioType !== 'cancellation_retention') return;
    const said: string[] = [];
    for (const s of slots.slice(0, 2)) {
      const a = answerFor(s, mind, p, v, r.text)!;
      const times = mind.slotsAsked.get(s) ?? 0;
      mind.slotsAsked.set(s, times + 1);
      if (times >= 1) {
        if (times >= 2) mind.event('repeated_question', s, 0.5);
        said.push(`${pickOwn(v, 'likeISaid', p)} ${lowerFirst(a)}`);
      } else said.push(a);
    }
    let text = said.join(' ');
    if (slots.includes('reason')) {
      mind.reasonRestated = true;
      raiseSaid(mind, p, text);
    }
    // A guarded customer answers, briefly, and asks why (never about their name or why they called).
    // Someone who phoned in answers what they are asked about their own matter without asking why.
    const guarded = p.direction !== 'inbound' && mind.trust < p.mood.skepticalBelowTrust && !slots.includes('name') && !slots.includes('reason') && mind.slotsAsked.size <= 2;
    if (guarded) text = `${text} ${pickOwn(v, 'whyAsk', p)}`;
    plan.main(70, { kind: 'say', text, critical: true });
    return;
  }
  if (d.permission && p.direction === 'outbound' && mind.turn <= 3) {
    plan.main(28, p.opening.resistant ? { kind: 'phrase', situation: 'busy' } : { kind: 'own', situation: 'goAhead' });
    return;
  }
  if (d.smallTalk) {
    const inboundBack = p.direction === 'inbound' && v.facts.answers.reason && !mind.reasonRestated;
    plan.main(inboundBack ? 20 : 12, { kind: 'phrase', situation: 'smallTalk' });
    if (inboundBack) {
      mind.reasonRestated = true;
      plan.extra({ kind: 'say', text: `${pickOwn(v, 'backToIt', p)} ${lowerFirst(v.facts.answers.reason!)}` });
    }
    return;
  }
  // A caller whose problem the agent just dealt with (a refund, an explanation) says so.
  if (p.direction === 'inbound' && !r.question && !d.dismissive && plan.top < 30 && SOLVED[p.language].test(r.text) && !mind.callerSatisfied) {
    mind.callerSatisfied = true;
    mind.apply({ trust: 0.05, interest: 0.03, patience: 0.05 });
    plan.main(36, { kind: 'say', text: pickOwn(v, p.mood.baseline === 'confused' ? 'understood' : 'callerHelped', p) });
    return;
  }
  // "Any other questions?" — the next thing the customer wanted to know, or "that's it".
  if (d.anyQuestions && plan.top < 40) {
    const next = mind.techDone + (mind.techAsked === null ? 0 : 1);
    if (mind.techAsked === null && next < p.technicalQuestions.length) {
      mind.techAsked = next;
      mind.note('technical_question', String(next));
      plan.main(38, { kind: 'tech', index: next });
    } else plan.main(38, { kind: 'say', text: pickOwn(v, 'noMoreQuestions', p) });
    return;
  }
  // "How does that sound?" gets an opinion, not a fact about something else.
  if (d.opinion && plan.top < 40) {
    const warm = !mind.open && mind.trust >= p.mood.skepticalBelowTrust;
    plan.main(38, { kind: 'phrase', situation: warm ? 'warming' : 'notConvinced' });
    return;
  }
  // An inbound caller greeted without a question still says why they called.
  if (p.direction === 'inbound' && mind.turn <= 2 && !mind.reasonRestated && v.facts.answers.reason && plan.top < 30 && !r.presents) {
    mind.reasonRestated = true;
    raiseSaid(mind, p, v.facts.answers.reason);
    plan.main(30, { kind: 'say', text: v.facts.answers.reason });
  }
}

/** Objections the customer's own words already said (a caller's reason: "they offered me cheaper") count as raised. */
export function raiseSaid(mind: Mind, p: OfflineBrainParams, said: string): void {
  const words = new Set(contentWords(said, p.language));
  for (const o of mind.objections) {
    if (o.status !== 'pending') continue;
    const line = p.objections.find((x) => x.id === o.id)?.lines[0] ?? '';
    const shared = contentWords(line, p.language).filter((w) => words.has(w)).length;
    if (shared < 3 || mind.open) continue;
    o.status = 'open';
    o.raisedTurn = mind.turn;
    o.timesRaised = 1;
    mind.stage = 'objections';
    mind.note('objection_raised', o.id);
  }
}

/** Confirms a summary that matches what the customer said or feels, corrects one that gets a fact wrong. */
function summaryReply(mind: Mind, p: OfflineBrainParams, r: AgentReading, v: Voice): string {
  const lang = p.language;
  const f = v.facts;
  // A wrong amount or a wrong insurer is corrected with the fact.
  const nums = amountsIn(r.text).filter((n) => n >= 50 && n < 100000);
  // Within a tenth is the same amount said roughly ("about 700" for 740); further off is a wrong amount.
  const close = (n: number) => f.monthly !== null && Math.abs(n - f.monthly) <= f.monthly * 0.1;
  const wrongAmount = f.monthly !== null && nums.length > 0 && !nums.some(close) && /pay|משלמ|בחודש|a month|bill|חשבון|rent|שכירות/i.test(r.text);
  const names = KNOWN_PROVIDERS[lang];
  const named = names.find((n) => r.text.includes(n) && !(f.provider ?? '').includes(n) && !n.includes(f.provider ?? '\u0000'));
  const wrongProvider = !!named && !!f.provider;
  if (wrongAmount || wrongProvider) {
    // Everything the summary got wrong is put right, in one reply.
    const fixes = [wrongProvider ? f.answers.provider : null, wrongAmount ? f.answers.pay : null].filter((x): x is string => !!x);
    return `${pickOwn(v, 'correct', p)} ${fixes.join(' ')}`;
  }
  // Matches what was said or what the customer cares about: confirmed; otherwise confirmed in part, with the priority.
  const said = mind.saidWords;
  const needTopics = p.hiddenNeeds.flatMap((n) => n.topics);
  const overlap = contentWords(r.text, lang).filter((w) => said.has(w)).length;
  const cares = he(lang) ? /משפח|ילד|מחיר|כסף|כיסוי|תביע|פעמיים|כפל|ביחד|זול|עלה|חיוב|מכתב|סכום/ : /family|kids|price|money|cover|claim|twice|duplicate|together|cheap|went up|charge|letter|amount/i;
  if (overlap >= 1 || mentionsAny(r.text, needTopics, lang) || cares.test(r.text)) return pickOwn(v, 'confirm', p);
  return `${pickOwn(v, 'partly', p)} ${lowerFirst(priority(mind, p))}`;
}

/** Amounts in a sentence, in digits or words ("אלף שקל", "a thousand", "500"). */
function amountsIn(text: string): number[] {
  const out = [...text.matchAll(/\d[\d,]*/g)].map((m) => Number(m[0].replace(/,/g, '')));
  const words: [RegExp, number][] = [[/אלפיים/, 2000], [/(^|\s)אלף(\s|$)/, 1000], [/חמש מאות/, 500], [/שלוש מאות/, 300], [/ארבע מאות/, 400], [/(^|\s)מאתיים/, 200], [/two thousand/i, 2000], [/(a|one) thousand/i, 1000], [/five hundred/i, 500], [/three hundred/i, 300]];
  for (const [rx, n] of words) if (rx.test(text)) out.push(n);
  return out;
}
