/**
 * One step of the offline customer's dialogue policy: read the agent's turn, update the mind (persona effects per
 * sales act and event), and plan the reply. Pure given the mind and the reading; no randomness here.
 */
import type { OfflineBrainParams } from '../../personas/index.ts';
import { converse, pickOwn, repeatLast, type Voice } from './converse.ts';
import { proposalWords } from './dialogue.ts';
import { mentionsAny } from './match.ts';
import type { Mind } from './mind.ts';
import { addExtraObjection, dueObjection, judgeClose, judgeOpenObjection, raise, readyToAgree } from './objections.ts';
import { PlanBuilder, type Plan } from './plan.ts';
import type { AgentReading } from './reading.ts';

/** Most agent turns in one call before the customer wraps up on their own. */
export const MAX_TURNS = 40;

export interface StepContext {
  /** The call is a sale (phone sale / upsell): a close attempt can end in a purchase rather than a meeting. */
  purchaseCall: boolean;
  /** The customer's facts and lines (the dialogue layer words its answers itself). */
  voice?: Voice;
}

export function step(mind: Mind, p: OfflineBrainParams, r: AgentReading, ctx: StepContext): Plan {
  mind.turn++;
  mind.agentWords += r.words;
  mind.agentSaid = `${mind.agentSaid} ${r.text}`.slice(-4000);
  const plan = new PlanBuilder();
  const baseline = p.mood.baseline;

  if (mind.pendingInterruption) {
    mind.pendingInterruption = false;
    mind.interruptions++;
    if (p.turn.interruptTendency < 0.5 || mind.interruptions >= 2) {
      mind.event('interruption');
      plan.react(40, { kind: 'phrase', situation: 'interrupted' });
    }
  }

  if (r.outOfCharacterProbe) {
    // Stay in the scene: a puzzled customer, never a word about what they "are".
    mind.note('out_of_character_probe');
    mind.apply({ trust: 0, interest: -0.02, patience: -0.05 });
    plan.main(90, { kind: 'phrase', situation: 'stayInCharacter' });
    return finish(mind, p, r, plan, ctx);
  }
  if (r.empty) {
    mind.event('dead_air', undefined, 0.5);
    const o = mind.open;
    plan.main(5, o ? { kind: 'objection', id: o.id, how: 'press' } : { kind: 'own', situation: 'empty' });
    return finish(mind, p, r, plan, ctx);
  }

  const d = r.dialogue;
  const v = ctx.voice;
  if (v && d.repair && v.lastSaid) {
    // "Can you say that again?" — said again, nothing else changes.
    mind.note('repeat_requested');
    plan.main(120, { kind: 'say', text: repeatLast(v, p), critical: true });
    return finish(mind, p, r, plan, ctx);
  }

  mind.applyActs(r.acts, p.effects.acts);

  opening(mind, p, r, plan);
  if (plan.end) return finish(mind, p, r, plan, ctx);

  // A person answers a question (or a summary, or small talk) before coming back to their point.
  const conversational = !!v && (d.slots.length > 0 || d.summary || d.smallTalk || d.understandingCheck || (r.question && !d.proposal && !r.close));
  judgeOpenObjection(mind, p, r, plan, conversational);
  // The objection that held up a proposed time is settled: the customer comes back to that time.
  if (mind.pendingProposal && !mind.open && mind.log.some((e) => e.turn === mind.turn && e.type === 'objection_resolved') && !d.proposal) {
    const words = mind.pendingProposal;
    mind.pendingProposal = null;
    if (readyToAgree(mind, p)) {
      const outcome = ctx.purchaseCall ? 'purchase' : 'next_step';
      mind.stage = 'closing';
      plan.main(100, { kind: 'agree', outcome, when: words });
      plan.end = { outcome, reason: outcome === 'purchase' ? 'the customer agreed to buy' : 'the customer agreed to the proposed time once the objection was answered' };
      return finish(mind, p, r, plan, ctx);
    }
  }
  technicalAnswer(mind, p, r, plan);
  // Small talk is answered as small talk, not mined for facts.
  if (!(v && d.smallTalk && d.slots.length === 0)) discovery(mind, p, r, plan);
  presentation(mind, p, r, plan, baseline);
  // "Did that make sense?" or a summary asks for a confirmation, not a decision.
  const closing = v ? !d.callback && (!!d.proposal || (r.close && !d.understandingCheck && !d.summary && !d.jargon && d.slots.length === 0)) : r.close;
  if (closing) {
    const at = d.proposal ?? d.mentioned;
    const words = v && at ? proposalWords(at, p.language) : '';
    if (words) mind.note('proposal', words);
    const when = v && words ? (s: 'proposalTooEarly' | 'proposalNotYet' | 'proposalHold') => upperFirst(pickOwn(v, s, p).replace('{when}', words)) : null;
    // A caller whose problem was dealt with takes a follow-up call: it is service, not a sale to resist.
    const followUp = mind.callerSatisfied && !mind.open && !!d.proposal && (p.scenarioType === 'angry_customer' || p.scenarioType === 'confused_customer');
    if (followUp && words) {
      mind.closeAttempts++;
      mind.stage = 'closing';
      plan.main(100, { kind: 'agree', outcome: 'next_step', when: words });
      plan.end = { outcome: 'next_step', reason: 'the caller agreed to a follow-up once the problem was dealt with' };
      return finish(mind, p, r, plan, ctx);
    }
    judgeClose(mind, p, r, plan, ctx.purchaseCall && r.acts.has('close_attempt') && !d.proposal, when, words || null);
  }
  if (v && !plan.end) converse(mind, p, r, d, plan, v);

  if (!plan.end) {
    addExtraObjection(mind);
    const due = dueObjection(mind, r);
    // An answer to a question leaves room for a concern said after it.
    if (due && (plan.top < 50 || (plan.best?.kind === 'say' && plan.top <= 70))) raise(mind, due, plan, plan.top <= 10 ? 45 : null);
    volunteer(mind, p, plan, r);
  }
  return finish(mind, p, r, plan, ctx);
}

function opening(mind: Mind, p: OfflineBrainParams, r: AgentReading, plan: PlanBuilder): void {
  const first = mind.turn === 1 && p.direction === 'outbound';
  if (!mind.reasonGiven) {
    const deadline = p.opening.reasonDeadlineSec ?? Infinity;
    const reason = r.acts.has('opening_agenda') || r.presents || mentionsAny(r.text, p.opening.reasonKeywords, p.language);
    if (reason && mind.elapsedSec() <= deadline + 10) {
      mind.reasonGiven = true;
      mind.note('reason_given');
    } else {
      mind.note('no_reason_given');
      const strikes = mind.log.filter((e) => e.type === 'no_reason_given').length;
      mind.apply({ trust: -0.03, interest: -0.03, patience: -0.12 * strikes });
      if (strikes >= 3 || mind.elapsedSec() > deadline + 15) {
        plan.main(200, { kind: 'phrase', situation: 'hangUp' });
        plan.end = { outcome: 'hung_up', reason: 'the agent gave no reason for the call in time' };
        return;
      }
      plan.main(first ? 30 : 35, first ? { kind: 'opening' } : { kind: 'own', situation: 'noReason' });
    }
  }
  if (mind.reasonGiven && mind.stage === 'opening') mind.stage = 'discovery';
  if (first && mind.reasonGiven) plan.main(6, p.opening.resistant ? { kind: 'phrase', situation: 'busy' } : { kind: 'own', situation: 'goAhead' });
  if ((r.acts.has('small_talk') || r.dialogue.smallTalk) && mind.turn <= 3) plan.main(7, { kind: 'phrase', situation: 'smallTalk' });
}

function technicalAnswer(mind: Mind, p: OfflineBrainParams, r: AgentReading, plan: PlanBuilder): void {
  if (mind.techAsked === null) return;
  const q = p.technicalQuestions[mind.techAsked];
  if (r.question && !r.presents) return; // the agent asks back first; the question stays open
  const specific = mentionsAny(r.text, q.answerKeywords, p.language) || ((r.acts.has('feature_explanation') || r.acts.has('value_statement')) && r.words >= 8);
  mind.techAsked = null;
  mind.techDone++;
  if (specific) {
    mind.event('answered_technical_question');
    plan.main(40, { kind: 'own', situation: 'techAnswered' });
  } else {
    mind.event('vague_answer');
    plan.main(40, { kind: 'own', situation: 'techVague' });
  }
}

function discovery(mind: Mind, p: OfflineBrainParams, r: AgentReading, plan: PlanBuilder): void {
  if (!r.discovery) return;
  mind.discoveryQuestions++;
  // Asking about what the customer already said is a repeat — unless the question digs deeper ("what matters most
  // about…", "tell me more") or builds on it ("you said… — so what…"): that is listening, not forgetting.
  if (!r.followUp && r.detailHits.some((i) => mind.detailsSaid.has(i) && !r.detailMentions.includes(i))) {
    mind.event('repeated_question');
    plan.main(45, { kind: 'phrase', situation: 'alreadyToldYou' });
    return;
  }
  if (r.acknowledges) {
    mind.note('ack_then_question');
    mind.apply({ trust: 0.02, interest: 0, patience: 0.01 });
  }
  const unrevealed = mind.needs.filter((n) => !n.revealed);
  let hits = unrevealed.filter((n) => r.needHits.includes(n.id));
  // Digging deeper ("tell me more") continues the topic of the last question.
  if (hits.length === 0 && r.followUp && mind.lastNeedAsked) hits = unrevealed.filter((n) => n.id === mind.lastNeedAsked);
  for (const n of hits) n.progress += 1;
  // A good open question that touches no need still opens the customer up a little.
  if (hits.length === 0 && r.cls.isOpenQuestion && unrevealed[0]) unrevealed[0].progress += 0.5;
  mind.lastNeedAsked = hits[0]?.id ?? null;
  const easier = mind.difficulty === 'supportive' ? 1 : 0;
  const ready = [...hits, ...unrevealed].find((n) => {
    const need = p.hiddenNeeds.find((x) => x.id === n.id)!;
    return n.progress >= Math.max(1, need.questionsNeeded - easier) && mind.trust >= p.thresholds.revealNeedMinTrust;
  });
  if (ready) {
    ready.revealed = true;
    mind.note('need_revealed', ready.id);
    mind.apply({ trust: 0.03, interest: 0.04, patience: 0.02 });
    plan.main(50, { kind: 'reveal', id: ready.id });
    return;
  }
  const fact = r.factHits[0];
  const guarded = mind.trust < p.mood.skepticalBelowTrust;
  if (fact !== undefined && mind.trust >= p.thresholds.revealNeedMinTrust - 0.1) plan.main(25, { kind: 'fact', index: fact });
  else if (guarded) plan.main(15, { kind: 'phrase', situation: 'deflect' });
  else plan.main(10, r.cls.isOpenQuestion ? { kind: 'own', situation: 'openAnswer' } : { kind: 'phrase', situation: 'shortAnswer' });
}

function presentation(mind: Mind, p: OfflineBrainParams, r: AgentReading, plan: PlanBuilder, baseline: string): void {
  const upset = baseline === 'angry' || baseline === 'frustrated';
  if (r.acts.has('empathy') && !mind.empathyShown) {
    mind.empathyShown = true;
    if (upset) {
      mind.note('calmed_down');
      mind.apply({ trust: 0.04, interest: 0, patience: 0.06 });
      plan.react(30, { kind: 'own', situation: 'calmingDown' });
    }
  }
  const settledNow = mind.log.some((e) => e.turn === mind.turn && e.type === 'objection_resolved');
  if (upset && !mind.empathyShown && !settledNow && (r.presents || r.close || r.price)) {
    mind.note('solution_before_empathy');
    mind.apply({ trust: -0.04, interest: 0, patience: -0.06 });
    plan.react(45, { kind: 'phrase', situation: 'impatient' });
  }
  if ((r.presents || r.price) && (mind.stage === 'opening' || mind.stage === 'discovery')) mind.stage = 'presentation';
  if (r.price && mind.revealedNeeds.length === 0) mind.event('price_before_needs');
  if (r.price) mind.priceMentioned = true;
  if (r.techniques.has('value_to_need') && (r.presents || r.acknowledges || r.acts.has('need_statement') || r.acts.has('next_step') || r.words >= 10)) {
    mind.note('value_tied_to_need');
    mind.apply({ trust: 0.03, interest: 0.06, patience: 0.02 });
    plan.react(20, { kind: 'phrase', situation: 'warming' });
    if (!mind.open && (p.phrases.buyingSignals ?? []).length > 0) plan.main(30, { kind: 'phrase', situation: 'buyingSignals' });
  } else if (r.presents && mind.discoveryQuestions === 0 && !mind.open) {
    // Someone leaving who is offered a concrete better price weighs it; anyone else asks what it means for them.
    const offer = mind.inbound && p.scenarioType === 'cancellation_retention' && r.price;
    plan.main(8, offer ? { kind: 'own', situation: 'hesitate' } : { kind: 'phrase', situation: p.mood.baseline === 'confused' ? 'askToRepeat' : 'askForDetails' });
  }
  if (r.usesName && mind.namesUsed < 2) {
    mind.namesUsed++;
    mind.event('used_name');
  }
  const detail = r.detailMentions.find((i) => mind.detailsSaid.has(i));
  if (detail !== undefined && !mind.detailsUsed.has(detail)) {
    mind.detailsUsed.add(detail);
    mind.event('used_customer_detail');
    plan.react(25, { kind: 'own', situation: 'detailRemembered' });
  }
  if (r.monologue) {
    mind.event('monologue');
    plan.react(50, { kind: 'phrase', situation: baseline === 'confused' ? 'askToRepeat' : 'impatient' });
  }
}

/** The agent's words so far already answer this customer question (the channel or the length it asks about). */
function alreadyTold(question: string, agentSaid: string, lang: 'he' | 'en'): boolean {
  const keys = lang === 'he' ? [/זום/, /כמה זמן/, /מה צריך להביא/] : [/zoom/i, /how long/i, /what do I need to bring/i];
  const told = lang === 'he' ? [/זום/, /\d+ דקות|עשרים דקות|חצי שעה|רבע שעה/, /להביא|להכין/] : [/zoom/i, /\d+ minutes|twenty minutes|half an hour/i, /bring|have ready|prepare/i];
  return keys.some((k, i) => k.test(question) && told[i].test(agentSaid));
}

/** What the customer adds unasked: planted details, technical questions, a stakeholder's worry. */
function volunteer(mind: Mind, p: OfflineBrainParams, plan: PlanBuilder, r: AgentReading): void {
  const raisedNow = mind.log.some((e) => e.turn === mind.turn && e.type === 'objection_raised');
  // A planted detail comes up when the talk touches it (a time for a meeting and "I work shifts"; the family and
  // "my mother lives with us"), or when an open question leaves room to tell something — never on a schedule.
  const d = p.plantedDetails.findIndex((x, i) => !mind.detailsSaid.has(i) && detailRelevant(x, mind, p, r, plan));
  // "Tuesday at 9 in the morning? … I work shifts": the reason a time does not suit is said with the answer to it.
  const reason = d >= 0 && !!r.dialogue.proposal && DETAIL_ABOUT.time.test(p.plantedDetails[d].text);
  if (d >= 0 && (plan.top < 50 || reason)) {
    mind.detailsSaid.add(d);
    mind.note('detail_planted', String(d));
    plan.extra({ kind: 'detail', index: d });
  }
  // A question the agent already answered unasked ("on Zoom", "twenty minutes") is not asked: it is skipped.
  while (mind.techAsked === null && mind.techDone < p.technicalQuestions.length && alreadyTold(p.technicalQuestions[mind.techDone].text, mind.agentSaid, p.language)) mind.techDone++;
  const nextTech = mind.techDone + (mind.techAsked === null ? 0 : 1);
  // One question of their own per reply: not a technical question on top of a buying signal.
  const asking = plan.best?.kind === 'phrase' && plan.best.situation === 'buyingSignals';
  if (!raisedNow && !asking && !mind.open && mind.techAsked === null && nextTech < p.technicalQuestions.length && mind.stage !== 'opening' && plan.top < 45) {
    mind.techAsked = nextTech;
    mind.note('technical_question', String(nextTech));
    plan.extra({ kind: 'tech', index: nextTech });
  }
  const authority = mind.objections.find((o) => o.kind === 'authority' && o.raisedTurn === mind.turn);
  const voice = p.stakeholders.findIndex((s) => s.stance !== 'supportive');
  if (authority && voice >= 0) plan.extra({ kind: 'stakeholder', index: voice });
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What a planted detail is about, read from its words. */
const DETAIL_ABOUT: Record<'time' | 'family' | 'money' | 'trust' | 'home', RegExp> = {
  time: /shifts?|mornings?|abroad|moving|months|evening|משמרות|בבוקר|חו״ל|חו"ל|עוברים|חודשיים|החודש/i,
  family: /kids|children|mother|father|family|ילדים|אמא|אבא|משפחה/i,
  money: /penny|every shekel|money|budget|שקל נספר|כסף|תקציב/i,
  trust: /burned|promised|over-promised|נכוויתי|הבטיחה|לא קיימה/i,
  home: /moving|house|flat|דירה|בית/i,
};
/** What in the agent's turn (and the reply being built) would bring each kind of detail up. */
function detailRelevant(x: OfflineBrainParams['plantedDetails'][number], mind: Mind, p: OfflineBrainParams, r: AgentReading, plan: PlanBuilder): boolean {
  const d = r.dialogue;
  // The detail's own word (its first topic: "shifts", "mother", "abroad"), not a word it shares with anything ("month").
  if (mentionsAny(r.text, x.topics.slice(0, 1), p.language)) return true;
  const about = (k: keyof typeof DETAIL_ABOUT) => DETAIL_ABOUT[k].test(x.text);
  // "Do you have two minutes?" asks about their time too: "yes, but we are moving in two months".
  const timing = !!d.proposal || d.permission || mind.open?.kind === 'timing';
  const family = d.slots.some((s) => s === 'household' || s === 'drivers' || s === 'priority' || s === 'decision') || /family|kids|children|home|משפח|ילד|בבית/i.test(r.text);
  const money = r.price || d.slots.some((s) => s === 'pay' || s === 'budget') || mind.open?.kind === 'price';
  const trust = mind.open?.kind === 'trust' || r.acts.has('social_proof') || d.slots.includes('claims');
  const home = d.slots.some((s) => s === 'location' || s === 'situation' || s === 'household');
  if ((about('time') && timing) || (about('family') && family) || (about('money') && money) || (about('trust') && trust) || (about('home') && home)) return true;
  // An open question with nothing specific to answer leaves room to tell something about oneself.
  return r.cls.isOpenQuestion && d.slots.length === 0 && plan.top <= 12 && mind.turn >= 2;
}

/** Why patience ran out, from what happened in the last turns. */
function hangUpWhy(mind: Mind): { reason: string; line: 'hangUpIgnored' | 'hangUpMonologue' | 'hangUpNoReason' | 'hangUpNowhere' } {
  const recent = mind.log.filter((e) => e.turn >= mind.turn - 3);
  if (recent.some((e) => e.type === 'ignored_objection' || e.type === 'vague_answer')) return { reason: 'its objection was not answered', line: 'hangUpIgnored' };
  if (recent.some((e) => e.type === 'monologue' || e.type === 'interruption')) return { reason: 'the agent did not let it talk', line: 'hangUpMonologue' };
  if (recent.some((e) => e.type === 'no_reason_given')) return { reason: 'no reason for the call', line: 'hangUpNoReason' };
  return { reason: 'the call went nowhere', line: 'hangUpNowhere' };
}

function finish(mind: Mind, p: OfflineBrainParams, r: AgentReading, plan: PlanBuilder, ctx?: StepContext): Plan {
  const drain = mind.difficulty === 'supportive' ? 0 : mind.difficulty === 'challenging' ? 1.8 : 1;
  mind.apply({ trust: 0, interest: 0, patience: -p.drain.perTurn * drain });
  const elapsed = mind.elapsedSec();

  if (!plan.end) {
    if (mind.patience <= p.thresholds.hangUpPatience) {
      plan.main(200, { kind: 'phrase', situation: 'hangUp' });
      const why = hangUpWhy(mind);
      plan.end = { outcome: 'hung_up', reason: `the customer ran out of patience (${why.reason})` };
      // The transcript shows why: said just before the goodbye.
      if (ctx?.voice) plan.react(300, { kind: 'say', text: pickOwn(ctx.voice, why.line, p), critical: true });
    } else if (r.goodbye) {
      const warm = mind.interest >= p.thresholds.agreeMinInterest - 0.1 && mind.trust >= p.thresholds.revealNeedMinTrust;
      plan.main(150, { kind: 'phrase', situation: 'goodbye' });
      plan.end = { outcome: warm ? 'postponed' : 'no_outcome', reason: 'the agent said goodbye' };
      // The agent speaks as if a time were booked that the customer never agreed to.
      if (ctx?.voice && r.dialogue.mentioned && mind.closeAttempts > 0) plan.react(140, { kind: 'say', text: pickOwn(ctx.voice, 'byeNotBooked', p), critical: true });
    } else if (mind.turn >= MAX_TURNS || elapsed >= p.ending.timeLimitSec) {
      plan.main(150, { kind: 'phrase', situation: 'postpone' });
      plan.end = { outcome: 'postponed', reason: 'the customer ran out of time' };
    }
  }
  if (!plan.end) {
    if (elapsed >= p.ending.wrapUpAtSec && !mind.log.some((e) => e.type === 'time_pressure')) {
      mind.note('time_pressure', 'wrap_up');
      plan.extra({ kind: 'own', situation: 'wrapUp' });
    } else if (mind.timePressure && mind.turn % 3 === 0) {
      mind.note('time_pressure');
      plan.extra({ kind: 'phrase', situation: 'timePressure' });
    }
    hint(mind, p, r, plan);
    // No "get to the point" over a turn that just answered the customer (a settled objection, a question answered).
    const answered = ['accept', 'say', 'agree', 'reveal'].includes(plan.best?.kind ?? '');
    if (mind.patience < p.thresholds.warnPatience && !answered && !mind.log.some((e) => e.type === 'hint' && e.turn === mind.turn)) plan.react(35, { kind: 'phrase', situation: 'impatient' });
  }
  if (plan.end) {
    mind.outcome = plan.end.outcome;
    mind.stage = 'ended';
    mind.note('outcome', plan.end.outcome);
  }
  return plan.finish(plan.end, { kind: 'phrase', situation: 'shortAnswer' });
}

/** Supportive mode: an in-character nudge after a weak turn, within the scenario's hint budget, never two in a row. */
function hint(mind: Mind, p: OfflineBrainParams, r: AgentReading, plan: PlanBuilder): void {
  if (!mind.hintsOn || mind.hintsGiven >= p.hintsAllowed || mind.lastHintTurn === mind.turn - 1) return;
  const weak = !r.question && !r.acknowledges && !r.techniques.has('value_to_need');
  if (!weak) return;
  const o = mind.open && mind.open.raisedTurn !== null && mind.open.raisedTurn < mind.turn ? mind.open : null;
  const need = mind.needs.find((n) => !n.revealed);
  const topic = need && mind.turn >= 3 && mind.discoveryQuestions < mind.turn / 2 ? p.hiddenNeeds.find((x) => x.id === need.id)?.topics[0] : undefined;
  if (o) plan.extra({ kind: 'hint', objection: o.kind });
  else if (topic) plan.extra({ kind: 'hint', topic });
  else return;
  mind.hintsGiven++;
  mind.lastHintTurn = mind.turn;
  mind.note('hint', o ? o.id : need?.id);
}
