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
}

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
  };
}
