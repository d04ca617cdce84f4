/**
 * Findings quote the agent: a weakness shows the agent's own line where something was missing (the customer's
 * words only as its context), a strength the agent's line that did it. Both analyzers' findings pass through here
 * after quote verification, so an LLM that quotes the customer under a weakness is put right the same way.
 */
import type { CallAnalysis, Quote, Transcript } from './types.ts';

type Seg = { speaker: 'agent' | 'customer'; startSec: number; text: string };

const MAX_QUOTE_CHARS = 220;

/** A verbatim quote of a segment: its first sentences up to ~220 characters. */
export function segmentQuote(s: Seg): Quote {
  const text = s.text.trim();
  let out = text;
  if (text.length > MAX_QUOTE_CHARS) {
    const cut = text.slice(0, MAX_QUOTE_CHARS);
    const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('? '), cut.lastIndexOf('! '));
    out = end > 20 ? cut.slice(0, end + 1) : cut.trim();
  }
  return { text: out, startSec: s.startSec, speaker: s.speaker };
}

const key = (q: Quote) => `${q.speaker}|${q.startSec}|${q.text}`;
function dedupe(qs: Quote[]): Quote[] {
  const seen = new Set<string>();
  return qs.filter((q) => (seen.has(key(q)) ? false : (seen.add(key(q)), true)));
}

/** The agent's line answering a customer moment: the first agent segment that starts after it. */
export function agentAfter(segs: readonly Seg[], q: Quote): Seg | undefined {
  return segs.find((s) => s.speaker === 'agent' && s.text.trim() && s.startSec > q.startSec);
}

/** The agent's line that drew a customer moment out: the last agent segment before it. */
export function agentBefore(segs: readonly Seg[], q: Quote): Seg | undefined {
  return [...segs].reverse().find((s) => s.speaker === 'agent' && s.text.trim() && s.startSec < q.startSec);
}

/**
 * Weakness quotes become agent lines (a customer quote moves to `context` and its agent reply is quoted instead);
 * a weakness left with no agent line quotes the agent's longest line. Strength quotes keep agent lines only (a
 * customer quote gives way to the agent line before it).
 */
export function agentVoiced(a: CallAnalysis, transcript: Pick<Transcript, 'segments'>): CallAnalysis {
  const segs = transcript.segments.filter((s) => s.text.trim()) as Seg[];
  const agentLines = segs.filter((s) => s.speaker === 'agent');
  if (agentLines.length === 0) return a;
  const longest = agentLines.reduce((m, s) => (s.text.length > m.text.length ? s : m));
  const weaknesses = a.weaknesses.map((w) => {
    const context = dedupe([...(w.context ?? []), ...w.quotes.filter((q) => q.speaker === 'customer')]);
    const replies = context.map((q) => agentAfter(segs, q)).filter((s): s is Seg => !!s).map(segmentQuote);
    let quotes = dedupe([...w.quotes.filter((q) => q.speaker === 'agent'), ...replies]).slice(0, 3);
    if (quotes.length === 0) quotes = [segmentQuote(longest)];
    return { ...w, quotes, ...(context.length ? { context: context.slice(0, 3) } : {}) };
  });
  const strengths = a.strengths.map((s) => {
    const drew = s.quotes.filter((q) => q.speaker === 'customer').map((q) => agentBefore(segs, q)).filter((x): x is Seg => !!x).map(segmentQuote);
    return { ...s, quotes: dedupe([...s.quotes.filter((q) => q.speaker === 'agent'), ...drew]).slice(0, 3) };
  });
  return { ...a, weaknesses, strengths };
}
