import type { ConversationMetrics } from './types.ts';
import type { ClassifiedSegment } from './segments.ts';

/** Customer turns that follow an agent turn further than this are not "answers" (long silences, holds). */
const MAX_RESPONSE_GAP_SEC = 5;
/** Same-speaker segments closer than this belong to one turn. */
const TURN_JOIN_SEC = 2;
/** Overlap smaller than this is timestamp noise, not an interruption. */
const OVERLAP_TOLERANCE_SEC = 0.2;

const r2 = (x: number) => Math.round(x * 100) / 100;

export interface Turn {
  speaker: 'agent' | 'customer';
  startSec: number;
  endSec: number;
  segments: ClassifiedSegment[];
}

/** Join consecutive segments into turns; the other side's backchannels ("uh-huh") do not end a turn. */
export function toTurns(segs: ClassifiedSegment[]): Turn[] {
  const turns: Turn[] = [];
  for (const s of segs) {
    const last = turns[turns.length - 1];
    if (last && s.backchannel && s.speaker !== last.speaker) continue;
    if (last && last.speaker === s.speaker && s.startSec - last.endSec <= TURN_JOIN_SEC) {
      last.endSec = Math.max(last.endSec, s.endSec);
      last.segments.push(s);
    } else {
      turns.push({ speaker: s.speaker, startSec: s.startSec, endSec: s.endSec, segments: [s] });
    }
  }
  return turns;
}

/**
 * Response gaps (seconds) of the agent after customer segments; `filter` picks which customer segments count.
 * Overlaps count as 0.
 */
export function agentResponseGaps(segs: ClassifiedSegment[], filter: (s: ClassifiedSegment) => boolean = () => true): number[] {
  const gaps: number[] = [];
  for (let i = 0; i + 1 < segs.length; i++) {
    const a = segs[i];
    if (a.speaker !== 'customer' || a.backchannel || !filter(a)) continue;
    const next = segs.slice(i + 1).find((s) => !s.backchannel);
    if (!next || next.speaker !== 'agent') continue;
    const gap = next.startSec - a.endSec;
    if (gap <= MAX_RESPONSE_GAP_SEC) gaps.push(Math.max(0, gap));
  }
  return gaps;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** The conversation metrics of issue 3 item 4, deterministic for a given transcript. */
export function computeMetrics(segs: ClassifiedSegment[]): ConversationMetrics {
  const durationSec = segs.reduce((m, s) => Math.max(m, s.endSec), 0);
  const minutes = Math.max(durationSec / 60, 1 / 60);
  let agentSec = 0;
  let customerSec = 0;
  let qa = 0;
  let qc = 0;
  let agentWords = 0;
  let agentFillers = 0;
  for (const s of segs) {
    const d = s.endSec - s.startSec;
    if (s.speaker === 'agent') {
      agentSec += d;
      qa += s.questions;
      agentWords += s.words;
      agentFillers += s.fillers;
    } else {
      customerSec += d;
      qc += s.questions;
    }
  }
  const turns = toTurns(segs);
  const longest = (who: 'agent' | 'customer') =>
    turns.filter((t) => t.speaker === who).reduce((m, t) => Math.max(m, t.endSec - t.startSec), 0);
  let switches = 0;
  let interruptions = 0;
  for (let i = 1; i < segs.length; i++) {
    if (segs[i].speaker !== segs[i - 1].speaker) {
      switches++;
      if (segs[i].startSec < segs[i - 1].endSec - OVERLAP_TOLERANCE_SEC) interruptions++;
    }
  }
  const agentMin = Math.max(agentSec / 60, 1 / 60);
  const afterObjection = agentResponseGaps(segs, (s) => s.acts.has('objection'));
  return {
    durationSec: r2(durationSec),
    talkRatioAgent: agentSec + customerSec > 0 ? r2(agentSec / (agentSec + customerSec)) : 0,
    longestAgentMonologueSec: r2(longest('agent')),
    longestCustomerStorySec: r2(longest('customer')),
    interactivityPerMin: r2(switches / minutes),
    patienceSec: r2(mean(agentResponseGaps(segs))),
    patienceAfterObjectionSec: afterObjection.length ? r2(mean(afterObjection)) : null,
    questionsAgent: qa,
    questionsCustomer: qc,
    questionsAgentPerMin: r2(qa / minutes),
    fillerWordsPerMin: agentSec > 0 ? r2(agentFillers / agentMin) : 0,
    wordsPerMinAgent: agentSec > 0 ? Math.round(agentWords / agentMin) : 0,
    interruptions,
  };
}
