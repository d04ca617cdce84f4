/**
 * The objection queue and the close: an objection is raised when its trigger fires, pressed while the agent works
 * on it, re-raised more sharply when ignored, resolved once every technique in `resolvedBy` was shown (acknowledge
 * first when the persona requires it), and left unresolved ("moves on, displeased") after `attemptsToResolve`
 * weak tries — it comes back when the agent tries to close.
 */
import type { Language, ObjectionKind } from '../../analysis/index.ts';
import type { OfflineBrainParams } from '../../personas/index.ts';
import type { Mind, ObjectionTrack } from './mind.ts';
import type { PlanBuilder } from './plan.ts';
import type { AgentReading } from './reading.ts';

type ParamObjection = OfflineBrainParams['objections'][number];

/** What answers the substance of each kind of objection (not just "I understand"). */
const SUBSTANCE: Record<ObjectionKind, Record<Language, RegExp>> = {
  price: { en: /\bsav(e|es|ing)|per month|a month|a day|cheaper|pays for itself|duplicate|discount|lower|less than|free|no cost|\d+ ?(shekels?|₪|dollars?)/i, he: /חוס[כך]|חיסכון|בחודש|ביום|זול|מחזיר(ה)? את עצמ|כפל|כפילוי|הנחה|להוריד|פחות מ|חינם|בלי עלות|\d+ ?(שקל|ש"ח|₪)/ },
  timing: { en: /minutes|short|quick|evening|morning|any ?time|suits you|your schedule|next week|whenever|later today|works for you/i, he: /דקות|קצר|בערב|בבוקר|מתי שנוח|בזמן שנוח|שבוע הבא|מתאים לך|נוח לך/ },
  trust: { en: /free|no commitment|licen[cs]ed|reviews?|references?|clients?|customers?|years|guarantee|tell you so|sell you nothing|nothing to sell|you left your details|on our (site|website)|regulated/i, he: /חינם|בלי התחייבות|ללא התחייבות|רישיון|מורשה|ממלי[צץ]|לקוחות|שנים|אחריות|לא אמכור|השארת|באתר|מפוקח/ },
  competitor: { en: /difference|unlike|compare|personal agent|claims?|cover(s|age)?|what you get|side by side|same cover|match|lower (it|the price|your)|per month|discount|cheaper/i, he: /ההבדל|בניגוד|משווים|השוואה|סוכן אישי|תביע|כיסוי|מה מקבלים|אחת ליד השנייה|להשוות|להוריד|בחודש|הנחה|זול/ },
  authority: { en: /together|both of you|join|spouse|wife|husband|partner|with (him|her|them)/i, he: /ביחד|יחד|שניכם|להצטרף|בן הזוג|בת הזוג|אשתך|בעלך|איתה|איתו/ },
  no_need: { en: /ends when you leave|family|gaps?|check|what (does|do) .{0,30}cover|covered for|duplicate|not cover/i, he: /נגמר כש|משפחה|חורים|לבדוק|מה .{0,20}מכס|כפל|לא מכסה/ },
};

/** The turn answers the objection's substance. */
export function answersSubstance(kind: ObjectionKind, r: AgentReading, lang: Language): boolean {
  return SUBSTANCE[kind][lang].test(r.text) && r.words >= 6;
}

/** Reward for a resolved objection (on top of the acts that resolved it). */
const RESOLVED = { trust: 0.05, interest: 0.04, patience: 0.03 };

export function paramsOf(p: OfflineBrainParams, o: ObjectionTrack): ParamObjection {
  const id = o.extraOf ?? o.id;
  return p.objections.find((x) => x.id === id)!;
}

/** Judge the agent's turn against the open objection. Returns true when the turn was about it. */
export function judgeOpenObjection(mind: Mind, p: OfflineBrainParams, r: AgentReading, plan: PlanBuilder, conversational = false): boolean {
  const o = mind.open;
  if (!o) return false;
  if (o.unheard) {
    // The agent cut the customer off before hearing it: say it again, no penalty.
    o.unheard = false;
    o.timesRaised++;
    plan.main(58, { kind: 'objection', id: o.id, how: 'raise' });
    return false;
  }
  const po = paramsOf(p, o);
  const ackNow = r.acknowledges;
  if (ackNow) o.acknowledged = true;
  const counts = !po.requireAcknowledgeFirst || o.acknowledged;
  const shown = po.resolvedBy.filter((t) => (t === 'acknowledge' ? ackNow : r.techniques.has(t)));
  if (counts) for (const t of shown) o.seen.add(t);
  const substance = answersSubstance(o.kind, r, p.language);
  if (substance && counts) o.substance++;
  const addressed = ackNow || shown.length > 0 || substance;
  // Resolved by content: acknowledged (when the persona needs it) and its substance answered — once, or twice for a
  // strong objection; or every technique of the persona's schedule shown.
  const needed = (po.intensity >= 0.7 ? 2 : 1) - (mind.difficulty === 'supportive' && po.intensity >= 0.7 ? 1 : 0) + (mind.difficulty === 'challenging' ? 1 : 0);
  const byContent = o.substance >= needed && (o.acknowledged || !po.requireAcknowledgeFirst);

  if (byContent || po.resolvedBy.every((t) => o.seen.has(t))) {
    o.status = 'resolved';
    mind.apply(RESOLVED);
    mind.note('objection_resolved', o.id);
    mind.stage = mind.closeAttempts > 0 ? 'closing' : 'presentation';
    plan.main(60, { kind: 'accept', id: o.id });
    return true;
  }
  if (conversational && !substance) {
    // A question, a summary or small talk is answered first; the customer comes back to the point after two of them.
    o.deferred++;
    if (o.deferred % 2 === 0) plan.extra({ kind: 'objection', id: o.id, how: 'remind' });
    return false;
  }
  if (!addressed) {
    o.ignoredTurns++;
    o.timesRaised++;
    mind.event('ignored_objection', o.id, o.ignoredTurns);
    mind.note('objection_reraised', o.id);
    plan.main(80, { kind: 'objection', id: o.id, how: o.ignoredTurns >= 2 ? 'sharp' : 'reraise' });
    return false;
  }
  o.attempts++;
  const allowed = po.attemptsToResolve + (mind.difficulty === 'supportive' ? 1 : 0);
  if (o.attempts >= allowed) {
    o.status = 'dropped';
    mind.event('ignored_objection', o.id, 0.5);
    mind.note('objection_dropped', o.id);
    mind.stage = 'presentation';
    // Said in passing: whatever else the agent's turn earned (a revealed need, an answer) still comes out.
    plan.react(42, { kind: 'own', situation: 'movedOnDispleased' });
    return true;
  }
  plan.main(55, { kind: 'objection', id: o.id, how: 'press' });
  return true;
}

/** Is a pending objection's trigger met by this turn / the call so far? (on_close is handled by the close.) */
function triggerMet(mind: Mind, o: ObjectionTrack, r: AgentReading): boolean {
  switch (o.trigger) {
    case 'opening':
      // Someone who phoned in says why first; their first objection follows.
      return !mind.inbound || mind.turn >= 2;
    case 'early':
      return mind.turn >= 2 || mind.stage !== 'opening';
    case 'after_pitch':
      return r.presents || mind.stage === 'presentation' || mind.stage === 'closing' || mind.turn >= 7;
    case 'on_price':
      return r.price || mind.priceMentioned;
    case 'on_close':
      return false;
  }
}

/** The next objection due now, if any (none while another is open). */
export function dueObjection(mind: Mind, r: AgentReading): ObjectionTrack | null {
  if (mind.open) return null;
  if (mind.difficulty === 'supportive') {
    // A supportive customer raises nothing new unless the agent walks into it (price, close).
    return mind.objections.find((o) => o.status === 'pending' && o.trigger === 'on_price' && (r.price || mind.priceMentioned)) ?? null;
  }
  return mind.objections.find((o) => o.status === 'pending' && triggerMet(mind, o, r)) ?? null;
}

export function raise(mind: Mind, o: ObjectionTrack, plan: PlanBuilder, asMain: number | null): void {
  o.status = 'open';
  o.raisedTurn = mind.turn;
  o.timesRaised = 1;
  o.attempts = 0;
  mind.stage = 'objections';
  mind.note('objection_raised', o.id);
  const move = { kind: 'objection', id: o.id, how: 'raise' } as const;
  if (asMain !== null) plan.main(asMain, move);
  else plan.extra(move);
}

/** A challenging customer brings back a resolved concern in another form. */
export function addExtraObjection(mind: Mind): boolean {
  if (mind.extraObjections <= 0 || mind.open || mind.objections.some((o) => o.status === 'pending')) return false;
  const base = mind.objections.find((o) => o.status === 'resolved' && !o.extraOf && !mind.objections.some((x) => x.extraOf === o.id));
  if (!base) return false;
  mind.extraObjections--;
  mind.objections.push({ ...base, id: `${base.id}_again`, extraOf: base.id, status: 'pending', trigger: 'early', raisedTurn: null, timesRaised: 0, ignoredTurns: 0, attempts: 0, acknowledged: false, seen: new Set(), unheard: false, resurfaced: false, substance: 0, deferred: 0 });
  return true;
}

/** Whether the customer would agree now (everything the persona requires is in place). */
export function readyToAgree(mind: Mind, p: OfflineBrainParams): boolean {
  const bump = mind.difficulty === 'challenging' ? 0.05 : mind.difficulty === 'supportive' ? -0.05 : 0;
  return (
    mind.closeAttempts >= p.close.attemptsRequired &&
    mind.resolvedCount >= p.close.minResolvedObjections &&
    mind.revealedNeeds.length >= p.close.minRevealedNeeds &&
    mind.trust >= p.thresholds.agreeMinTrust + bump &&
    mind.interest >= p.thresholds.agreeMinInterest + bump
  );
}

/** The agent asked for the close / proposed a next step. */
export function judgeClose(mind: Mind, p: OfflineBrainParams, r: AgentReading, plan: PlanBuilder, purchase: boolean, when: ((s: 'proposalTooEarly' | 'proposalNotYet' | 'proposalHold') => string) | null = null, whenWords: string | null = null): void {
  mind.closeAttempts++;
  mind.note('close_attempt', String(mind.closeAttempts));
  if (mind.open) {
    // Pushing for a yes over an objection still on the table: the open objection's move answers the turn.
    mind.event('premature_close', mind.open.id);
    if (when) {
      plan.react(50, { kind: 'say', text: when('proposalHold'), critical: true });
      mind.pendingProposal = whenWords;
    }
    return;
  }
  const tooSoon = mind.trust < p.thresholds.agreeMinTrust - 0.15 || (p.close.minRevealedNeeds > 0 && mind.revealedNeeds.length === 0 && mind.discoveryQuestions < 2);
  if (tooSoon) mind.event('premature_close');
  const onClose = mind.objections.find((o) => o.status === 'pending' && (o.trigger === 'on_close' || o.trigger === 'on_price'));
  if (onClose) {
    if (when) {
      plan.react(50, { kind: 'say', text: when('proposalHold'), critical: true });
      mind.pendingProposal = whenWords;
    }
    return raise(mind, onClose, plan, 70);
  }
  // A dropped objection comes back once, with what would settle it; dropped again, it weighs on trust but no longer blocks the close.
  const dropped = mind.objections.find((o) => o.status === 'dropped' && !o.resurfaced);
  if (dropped) {
    dropped.status = 'open';
    dropped.resurfaced = true;
    dropped.attempts = 0;
    dropped.timesRaised++;
    mind.stage = 'objections';
    mind.note('objection_reraised', dropped.id);
    if (when) {
      plan.react(50, { kind: 'say', text: when('proposalHold'), critical: true });
      mind.pendingProposal = whenWords;
    }
    plan.main(70, { kind: 'objection', id: dropped.id, how: 'resurface' });
    const missing = paramsOf(p, dropped).resolvedBy.find((t) => t !== 'acknowledge' && !dropped.seen.has(t));
    if (missing) plan.extra({ kind: 'ask', technique: missing });
    return;
  }
  if (tooSoon) {
    plan.main(65, when ? { kind: 'say', text: when('proposalTooEarly'), critical: true } : { kind: 'own', situation: 'tooEarly' });
    return;
  }
  mind.stage = 'closing';
  if (readyToAgree(mind, p)) {
    const outcome = purchase ? 'purchase' : 'next_step';
    plan.main(100, { kind: 'agree', outcome, ...(whenWords ? { when: whenWords } : {}) });
    plan.end = { outcome, reason: outcome === 'purchase' ? 'the customer agreed to buy' : 'the customer agreed to the next step' };
    return;
  }
  if (mind.closeAttempts >= p.close.attemptsRequired + 3) {
    plan.main(100, { kind: 'phrase', situation: 'postpone' });
    plan.end = { outcome: 'postponed', reason: 'the customer would not decide after repeated close attempts' };
    return;
  }
  const warm = mind.trust >= p.thresholds.agreeMinTrust - 0.05 && mind.interest >= p.thresholds.agreeMinInterest - 0.1;
  if (when) plan.react(55, { kind: 'say', text: when('proposalNotYet'), critical: true });
  plan.main(60, warm ? { kind: 'own', situation: 'hesitate' } : { kind: 'phrase', situation: 'postpone' });
  if (warm && (p.phrases.buyingSignals ?? []).length > 0) plan.extra({ kind: 'phrase', situation: 'buyingSignals' });
}
