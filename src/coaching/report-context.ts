/** Facts about a finished practice call that the skill checks and scenario criteria read. Pure. */
import { normalizeForMatch, type Language, type Quote, type SalesAct } from '../analysis/index.ts';
import { ConversationTracker, type ConversationSnapshot, type TrackedTurn } from './conversation-tracker.ts';
import type { SessionOutcome } from './report-schema.ts';
import type { CustomerState, Turn } from './types.ts';

export interface ReportContext {
  lang: Language;
  turns: TrackedTurn[];
  agent: TrackedTurn[];
  customer: TrackedTurn[];
  snap: ConversationSnapshot;
  durationMs: number;
  outcome: SessionOutcome;
  /** Customer questions and whether the agent's next turn answered them. */
  customerQuestions: { turn: TrackedTurn; sentence: string; answeredBy: TrackedTurn | null }[];
  /** The agent referred back to something the customer said (a content word of a customer need/detail). */
  referencedDetail: { turn: TrackedTurn; word: string } | null;
  /** A benefit stated after the customer named a need. */
  valueAfterNeed: TrackedTurn | null;
  /** Customer turns with something to respond to (a need, objection, question or a detail), and the agent turn after each that followed it up (or null). */
  followUps: { turn: TrackedTurn; by: TrackedTurn | null }[];
  /** The first close or next-step proposal that was earned (after discovery, with every earlier objection acknowledged) and concrete (a next step or a date/time). */
  earnedProposal: TrackedTurn | null;
  /** The first push for a yes before the agent asked a single discovery question. */
  prematureClose: TrackedTurn | null;
}

/** A concrete time in a proposal ("Tuesday at ten", "מחר בעשר"). */
const CONCRETE_TIME: Record<Language, RegExp> = {
  he: /מחר|מחרתיים|יום (ראשון|שני|שלישי|רביעי|חמישי|שישי)|(ב)?(ראשון|שני|שלישי|רביעי|חמישי) ב|בשעה|\d{1,2}:\d\d|השבוע|שבוע הבא|בבוקר|בערב|אחר הצהריים|בצהריים/,
  en: /tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\bat (\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon)|\d{1,2}(:\d\d)? ?(am|pm)|\d{1,2}:\d\d|o'clock|this week|next week|in the (morning|afternoon|evening)/i,
};

/** Replays turns through a fresh tracker (deterministic), with the engine's final state if known. */
export function replay(lang: Language, turns: Turn[], state: CustomerState | null | undefined): { turns: TrackedTurn[]; snap: ConversationSnapshot } {
  const t = new ConversationTracker({ language: lang });
  for (const turn of [...turns].sort((a, b) => a.startMs - b.startMs)) t.update({ type: 'turn', ...turn });
  const end = Math.max(0, ...turns.map((x) => x.endMs));
  if (state) t.update({ type: 'customer_state', state, atMs: end });
  return { turns: [...t.transcript], snap: t.snapshot(end) };
}

export function quoteOf(t: TrackedTurn, text = t.text): Quote {
  return { text, startSec: Math.round(t.startMs) / 1000, speaker: t.speaker };
}

/** The first sentence of a turn with one of the acts, as a quote. */
export function actQuote(t: TrackedTurn, ...acts: SalesAct[]): Quote {
  const s = t.reading.sentences.find((x) => x.acts.some((a) => acts.includes(a)));
  return quoteOf(t, s?.text ?? t.text);
}

export const hasAct = (t: TrackedTurn, ...acts: SalesAct[]): boolean => acts.some((a) => t.reading.acts.has(a));

const ANSWER_ACTS: SalesAct[] = ['feature_explanation', 'value_statement', 'price_mention', 'social_proof', 'need_statement', 'next_step', 'close_attempt'];

/** Words too common to count as "a detail the customer shared". */
const COMMON = new Set([
  'that', 'this', 'with', 'have', 'what', 'your', 'about', 'would', 'there', 'their', 'they', 'just', 'like', 'really', 'need', 'want', 'some', 'much', 'more', 'very', 'also', 'only', 'when', 'then', 'will', 'from', 'been', 'were', 'because', 'something', 'thing', 'things', 'know', 'think', 'right', 'okay', 'sure', 'good',
  'אני', 'אנחנו', 'שלי', 'שלנו', 'צריך', 'צריכים', 'רוצה', 'רוצים', 'הזה', 'הזאת', 'משהו', 'באמת', 'עכשיו', 'כבר', 'היה', 'היום', 'בסדר', 'אבל', 'כמה', 'יותר', 'פחות', 'שאני', 'שאנחנו', 'לנו', 'חשוב', 'הכי', 'מאוד', 'אולי', 'גם', 'כל', 'זה', 'רק', 'איך', 'מה', 'למה', 'אתה', 'לך', 'שלך', 'אותי', 'אותנו',
]);

function contentWords(text: string): string[] {
  return normalizeForMatch(text).split(' ').filter((w) => w.length >= 4 && !COMMON.has(w));
}

export function buildContext(lang: Language, turns: Turn[], state: CustomerState | null | undefined, outcome: SessionOutcome, durationMs?: number): ReportContext {
  const r = replay(lang, turns, state);
  const all = r.turns;
  const agent = all.filter((t) => t.speaker === 'agent');
  const customer = all.filter((t) => t.speaker === 'customer');
  const nextAgent = (t: TrackedTurn) => all.slice(t.index + 1).find((x) => x.speaker === 'agent') ?? null;
  const customerQuestions = customer.flatMap((t) =>
    t.reading.sentences
      .filter((s) => s.isQuestion && !s.acts.includes('objection'))
      .map((s) => {
        const a = nextAgent(t);
        return { turn: t, sentence: s.text, answeredBy: a && hasAct(a, ...ANSWER_ACTS) ? a : null };
      }),
  );
  let referencedDetail: ReportContext['referencedDetail'] = null;
  let valueAfterNeed: TrackedTurn | null = null;
  const shared = new Set<string>();
  for (const t of all) {
    if (t.speaker === 'customer') {
      for (const s of t.reading.sentences) {
        if (s.acts.includes('need_statement') || s.acts.includes('objection') || s.words >= 6) for (const w of contentWords(s.text)) shared.add(w);
      }
      continue;
    }
    if (!referencedDetail) {
      const w = contentWords(t.text).find((x) => shared.has(x));
      if (w) referencedDetail = { turn: t, word: w };
    }
    if (!valueAfterNeed && hasAct(t, 'value_statement') && customer.some((c) => c.index < t.index && hasAct(c, 'need_statement'))) valueAfterNeed = t;
  }
  return {
    lang, turns: all, agent, customer, snap: r.snap,
    durationMs: durationMs ?? r.snap.atMs,
    outcome, customerQuestions, referencedDetail, valueAfterNeed,
    followUps: followUps(all, nextAgent),
    ...proposals(lang, all, r.snap),
  };
}

/**
 * A customer turn is followed up when the agent's next turn acknowledges it, or picks up one of its words in a
 * question or an answer — not when it talks past it (a pitch, an argument, a push for a yes).
 */
function followUps(all: TrackedTurn[], nextAgent: (t: TrackedTurn) => TrackedTurn | null): ReportContext['followUps'] {
  return all
    .filter((t) => t.speaker === 'customer' && (hasAct(t, 'need_statement', 'objection') || t.reading.sentences.some((s) => s.isQuestion) || t.reading.sentences.some((s) => s.words >= 6)))
    .map((t) => {
      const a = nextAgent(t);
      if (!a) return { turn: t, by: null };
      const heard = new Set(contentWords(t.text));
      const picksUp = contentWords(a.text).some((w) => heard.has(w));
      const pushes = hasAct(a, 'close_attempt') && !hasAct(a, 'next_step', 'discovery_question', 'acknowledgement', 'empathy');
      const answers = t.reading.sentences.some((s) => s.isQuestion) && hasAct(a, ...ANSWER_ACTS);
      const ok = !pushes && (hasAct(a, 'acknowledgement', 'empathy') || (picksUp && (a.reading.sentences.some((s) => s.isQuestion) || answers)));
      return { turn: t, by: ok ? a : null };
    });
}

function proposals(lang: Language, all: TrackedTurn[], snap: ConversationSnapshot): Pick<ReportContext, 'earnedProposal' | 'prematureClose'> {
  let questions = 0;
  let earnedProposal: TrackedTurn | null = null;
  let prematureClose: TrackedTurn | null = null;
  for (const t of all) {
    if (t.speaker !== 'agent') continue;
    const proposes = hasAct(t, 'close_attempt', 'next_step');
    if (proposes && questions === 0 && !prematureClose) prematureClose = t;
    const objectionsHeard = snap.objections.list.filter((o) => o.atMs < t.startMs);
    const handled = objectionsHeard.every((o) => o.acknowledged);
    const concrete = hasAct(t, 'next_step') || CONCRETE_TIME[lang].test(t.text);
    if (proposes && !earnedProposal && questions >= 2 && handled && concrete) earnedProposal = t;
    if (hasAct(t, 'discovery_question') && !proposes) questions++;
  }
  return { earnedProposal, prematureClose };
}
