import { agentVoiced } from './findings.ts';
import type { CallAnalysis, Quote, Transcript, TranscriptSegment } from './types.ts';

/** Outcome of checking one quote against the transcript. */
export type QuoteCheck =
  | { status: 'exact'; quote: Quote }
  | { status: 'corrected'; quote: Quote }
  | { status: 'dropped' };

/** Share of a quote's words that must match a transcript window for a near-miss to be corrected. */
export const FUZZY_THRESHOLD = 0.75;
/** A quote's time may be off by this much and still count as exact. */
const TIME_TOLERANCE_SEC = 0.5;

const NIQQUD = /[\u0591-\u05C7]/u;
const QUOTE_MARKS: Record<string, string> = { '״': '"', '“': '"', '”': '"', '׳': "'", '‘': "'", '’': "'" };

/** Normalised text plus, for each normalised char, the index of the original char it came from. */
function normalizeWithMap(s: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  let space = true;
  for (let i = 0; i < s.length; i++) {
    let ch = s[i];
    if (NIQQUD.test(ch)) continue;
    ch = QUOTE_MARKS[ch] ?? ch;
    const isWord = /[\p{L}\p{N}]/u.test(ch);
    if (!isWord) {
      if (!space) {
        norm += ' ';
        map.push(i);
        space = true;
      }
      continue;
    }
    norm += ch.toLowerCase();
    map.push(i);
    space = false;
  }
  if (norm.endsWith(' ')) {
    norm = norm.slice(0, -1);
    map.pop();
  }
  return { norm, map };
}

interface Indexed {
  seg: TranscriptSegment;
  norm: string;
  map: number[];
  tokens: { text: string; start: number; end: number }[];
}

function index(t: Transcript): Indexed[] {
  return t.segments.map((seg) => {
    const { norm, map } = normalizeWithMap(seg.text);
    const tokens: Indexed['tokens'] = [];
    for (const m of norm.matchAll(/\S+/g)) tokens.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
    return { seg, norm, map, tokens };
  });
}

/** The original text of a normalised span [a, b). */
const spanOf = (x: Indexed, a: number, b: number) => x.seg.text.slice(x.map[a], x.map[b - 1] + 1);

function near(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return i + j >= Math.max(a.length, b.length) - 1;
}

/** A checker bound to one transcript (segments normalised once). */
export class QuoteVerifier {
  private readonly idx: Indexed[];

  constructor(transcript: Transcript) {
    this.idx = index(transcript);
  }

  /**
   * Find the quote verbatim (ignoring case, whitespace, punctuation and niqqud); else correct a near miss
   * to the verbatim span of the best-matching segment; else drop it. Returned quotes carry the segment's
   * real start time and speaker.
   */
  check(q: { text: string; startSec?: number; speaker?: string }): QuoteCheck {
    const { norm } = normalizeWithMap(q.text);
    if (!norm) return { status: 'dropped' };
    const order = this.candidates(q);
    const verbatim = q.text.trim();
    for (const x of order) {
      if (!x.seg.text.includes(verbatim)) continue;
      const quote = { text: verbatim, startSec: x.seg.startSec, speaker: x.seg.speaker };
      const exact = quote.speaker === (q.speaker ?? quote.speaker) && Math.abs(quote.startSec - (q.startSec ?? quote.startSec)) <= TIME_TOLERANCE_SEC;
      return { status: exact ? 'exact' : 'corrected', quote };
    }
    for (const x of order) {
      const at = x.norm.indexOf(norm);
      if (at < 0 || (at > 0 && x.norm[at - 1] !== ' ') || (at + norm.length < x.norm.length && x.norm[at + norm.length] !== ' ')) continue;
      const quote = { text: spanOf(x, at, at + norm.length), startSec: x.seg.startSec, speaker: x.seg.speaker };
      const exact = quote.text === q.text.trim() && quote.speaker === (q.speaker ?? quote.speaker) &&
        Math.abs(quote.startSec - (q.startSec ?? quote.startSec)) <= TIME_TOLERANCE_SEC;
      return { status: exact ? 'exact' : 'corrected', quote };
    }
    const fuzzy = this.fuzzy(norm.split(' '), order);
    return fuzzy ? { status: 'corrected', quote: fuzzy } : { status: 'dropped' };
  }

  /** Segments ordered: same speaker and nearest time first. */
  private candidates(q: { startSec?: number; speaker?: string }): Indexed[] {
    const t = q.startSec;
    return [...this.idx].sort((a, b) => {
      const sa = a.seg.speaker === q.speaker ? 0 : 1;
      const sb = b.seg.speaker === q.speaker ? 0 : 1;
      if (sa !== sb) return sa - sb;
      return t === undefined ? 0 : Math.abs(a.seg.startSec - t) - Math.abs(b.seg.startSec - t);
    });
  }

  private fuzzy(words: string[], order: Indexed[]): Quote | null {
    let best: { x: Indexed; from: number; to: number; score: number } | null = null;
    for (const x of order) {
      const toks = x.tokens;
      for (let i = 0; i < toks.length; i++) {
        if (!words.some((w) => near(w, toks[i].text))) continue;
        let matched = 0;
        let wi = 0;
        let last = i;
        for (let k = i; k < toks.length && k < i + words.length + 3 && wi < words.length; k++) {
          const found = words.slice(wi, wi + 3).findIndex((w) => near(w, toks[k].text));
          if (found >= 0) {
            matched++;
            wi += found + 1;
            last = k;
          }
        }
        const score = matched / Math.max(words.length, last - i + 1);
        if (!best || score > best.score) best = { x, from: i, to: last, score };
      }
      if (best && best.score === 1) break;
    }
    if (!best || best.score < FUZZY_THRESHOLD) return null;
    const { x, from, to } = best;
    return { text: spanOf(x, x.tokens[from].start, x.tokens[to].end), startSec: x.seg.startSec, speaker: x.seg.speaker };
  }
}

/**
 * Check every quote in an analysis against the transcript: verbatim ones stay, near misses are corrected to
 * the verbatim span with the segment's real time and speaker, the rest are dropped. Counts are recorded
 * in `analyzer.quotesCorrected` / `quotesDropped` (added to any already there).
 */
export function verifyAnalysisQuotes(a: CallAnalysis, transcript: Transcript): CallAnalysis {
  const v = new QuoteVerifier(transcript);
  let corrected = 0;
  let dropped = 0;
  const fix = (qs: Quote[]): Quote[] =>
    qs.flatMap((q) => {
      const r = v.check(q);
      if (r.status === 'dropped') {
        dropped++;
        return [];
      }
      if (r.status === 'corrected') corrected++;
      return [r.quote];
    });
  const skills = a.skills.map((s) => ({ ...s, evidence: fix(s.evidence), checks: s.checks.map((c) => ({ ...c, evidence: fix(c.evidence) })) }));
  const strengths = a.strengths.map((s) => ({ ...s, quotes: fix(s.quotes) }));
  const weaknesses = a.weaknesses.map((w) => ({ ...w, quotes: fix(w.quotes), ...(w.context ? { context: fix(w.context) } : {}) }));
  const objections = a.objections.flatMap((o) => {
    const r = v.check({ text: o.quote, startSec: o.startSec, speaker: 'customer' });
    if (r.status === 'dropped') {
      dropped++;
      return [];
    }
    if (r.status === 'corrected') corrected++;
    return [{ ...o, quote: r.quote.text, startSec: r.quote.startSec }];
  });
  // findings quote the agent (the customer only as context), whichever analyzer wrote them
  return agentVoiced({
    ...a,
    skills,
    strengths,
    weaknesses,
    objections,
    analyzer: {
      ...a.analyzer,
      quotesCorrected: (a.analyzer.quotesCorrected ?? 0) + corrected,
      quotesDropped: (a.analyzer.quotesDropped ?? 0) + dropped,
    },
  }, transcript);
}
