import type { CallType, Language, SalesAct, SkillId } from './taxonomy.ts';
import type { ConversationMetrics, Quote } from './types.ts';
import { sentenceWith, type ClassifiedSegment } from './segments.ts';
import { toTurns, type Turn } from './metrics.ts';
import { readStructure, replyAfter, type ConversationStructure } from './structure.ts';

/** The parts of the company questionnaire the analyzers use (structurally compatible with org's Questionnaire). */
export interface CompanyContext {
  companyName?: string;
  productDetails?: string;
  differentiator?: string;
  benefits?: string[];
  productTypes?: string[];
  competitors?: { name: string }[];
}

/** Everything a rubric check may look at. */
export interface RubricContext {
  lang: Language;
  callType: CallType;
  segs: ClassifiedSegment[];
  agent: ClassifiedSegment[];
  customer: ClassifiedSegment[];
  turns: Turn[];
  metrics: ConversationMetrics;
  timesEstimated: boolean;
  company?: CompanyContext;
  /** Objections and responses, refusal, recaps, acknowledgements and outcome. */
  structure: ConversationStructure;
  /** A short call (at most four agent turns): checks that need room to happen do not apply when it ends in a yes. */
  short: boolean;
}

export function buildContext(
  segs: ClassifiedSegment[],
  metrics: ConversationMetrics,
  lang: Language,
  callType: CallType,
  company?: CompanyContext,
): RubricContext {
  const turns = toTurns(segs);
  return {
    lang,
    callType,
    segs,
    structure: readStructure(segs, lang),
    short: turns.filter((t) => t.speaker === 'agent').length <= 4,
    agent: segs.filter((s) => s.speaker === 'agent'),
    customer: segs.filter((s) => s.speaker === 'customer'),
    turns,
    metrics,
    timesEstimated: segs.some((s) => s.estimated),
    company,
  };
}

const MAX_QUOTE_CHARS = 220;

/** A verbatim quote: the sentence carrying one of `acts`, else the segment's opening sentences up to ~220 chars. */
export function quote(seg: ClassifiedSegment, acts: readonly SalesAct[] = []): Quote {
  const s = acts.length ? sentenceWith(seg, acts) : undefined;
  return { text: s?.text ?? opening(seg), startSec: seg.startSec, speaker: seg.speaker };
}

function opening(seg: ClassifiedSegment): string {
  const text = seg.text.trim();
  if (text.length <= MAX_QUOTE_CHARS) return text;
  let end = 0;
  for (const [i, s] of seg.sentences.entries()) {
    const at = text.indexOf(s.text, end);
    if (at < 0 || (i > 0 && at + s.text.length > MAX_QUOTE_CHARS)) break;
    end = at + s.text.length;
  }
  return text.slice(0, end || text.length);
}

/** Agent segments with one of the acts. */
export const agentWith = (ctx: RubricContext, ...acts: SalesAct[]) => ctx.agent.filter((s) => acts.some((a) => s.acts.has(a)));

/** Agent segments in the opening: the first quarter of the call, at least the first four agent segments. */
export function earlyAgent(ctx: RubricContext): ClassifiedSegment[] {
  const cut = ctx.metrics.durationSec * 0.25;
  return ctx.agent.filter((s, i) => i < 4 || s.startSec <= cut).slice(0, Math.max(4, ctx.agent.length >> 2));
}

/**
 * The agent's reply to a customer segment: the agent's next two turns (customer backchannels aside), so
 * "acknowledge → ask → answer" across one customer answer counts as one reply.
 */
export function agentReplyTo(ctx: RubricContext, seg: ClassifiedSegment, turns = 2): ClassifiedSegment[] {
  return replyAfter(ctx.segs, seg, turns);
}

/** Result of one yes/no check; `null` from a check means it does not apply to this call. */
export interface CheckOutcome {
  passed: boolean;
  evidence: Quote[];
}

export interface RubricCheck {
  id: string;
  skill: SkillId;
  weight: number;
  label: { he: string; en: string };
  /** Concrete advice shown as a recommendation when the check fails. */
  advice: { he: string; en: string };
  /** Call types the check applies to (all when omitted). */
  types?: readonly CallType[];
  run(ctx: RubricContext): CheckOutcome | null;
}

export const SALES_TYPES: readonly CallType[] = ['phone_sale', 'follow_up_before_offer', 'follow_up_after_offer', 'meeting_scheduling', 'upsell'];

export const DAY_OR_TIME = {
  he: /(?:^|[\s,(])[ובלמ]?(?:יום\s)?(?:ראשון|שני|שלישי|רביעי|חמישי|שישי|מחר|מחרתיים|השבוע|שבוע הבא|בשעה|בבוקר|בערב|בצהריים)(?=[\s,.?!)]|$)|\d{1,2}:\d{2}|(?:^|\s)ב-?\d{1,2}(?=[\s,.?!]|$)|(?:^|\s)ב(?:שמונה|תשע|עשר|אחת|שתיים|שלוש|ארבע|חמש|שש|שבע)(?=[\s,.?!]|$)/u,
  en: /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next week|this week|noon|morning|afternoon|evening)\b|\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\bat \d{1,2}\b|\bat (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|\b(?:the )?(?:first|second|third|\d{1,2}(?:st|nd|rd|th)?) of (?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}\b|\btoday\b|\bthis afternoon\b|\btonight\b/i,
};
