import type { SpeechSegment } from './vad.ts';

/** Talk-time figures from who spoke when (two speakers), comparable to the transcript metrics. */
export interface TalkMetrics {
  agentSpeechSec: number;
  customerSpeechSec: number;
  /** Agent speech / all speech, 0..1 (top reps ≈ 0.43 on discovery calls). */
  talkRatioAgent: number;
  longestAgentMonologueSec: number;
  longestCustomerStorySec: number;
  /** Speaker switches per minute. */
  interactivityPerMin: number;
  /** Mean silence between the customer finishing and the agent starting, seconds. */
  patienceSec: number;
  /** Agent starting while the customer is still talking (overlap ≥ 0.3 s). */
  interruptions: number;
  /** Share of the call in which nobody speaks. */
  silenceRatio: number;
}

/** Voice activity of a mono recording whose speakers cannot be told apart. */
export interface VoiceActivity {
  speechSec: number;
  silenceRatio: number;
  segments: number;
  longestSpeechSec: number;
  longestSilenceSec: number;
}

type Who = 'agent' | 'customer';
interface Turn {
  speaker: Who;
  startSec: number;
  endSec: number;
}

const total = (s: SpeechSegment[]) => s.reduce((a, x) => a + (x.endSec - x.startSec), 0);
const r2 = (x: number) => Math.round(x * 100) / 100;

/** Merges consecutive segments of the same speaker into turns (a turn ends when the other speaker talks). */
export function toTurns(agent: SpeechSegment[], customer: SpeechSegment[]): Turn[] {
  const all = [...agent.map((s) => ({ ...s, speaker: 'agent' as Who })), ...customer.map((s) => ({ ...s, speaker: 'customer' as Who }))].sort(
    (a, b) => a.startSec - b.startSec,
  );
  const turns: Turn[] = [];
  for (const s of all) {
    const last = turns.at(-1);
    if (last && last.speaker === s.speaker) last.endSec = Math.max(last.endSec, s.endSec);
    else turns.push({ ...s });
  }
  return turns;
}

export function talkMetrics(agent: SpeechSegment[], customer: SpeechSegment[], durationSec: number): TalkMetrics {
  const a = total(agent);
  const c = total(customer);
  const turns = toTurns(agent, customer);
  const longest = (w: Who) => Math.max(0, ...turns.filter((t) => t.speaker === w).map((t) => t.endSec - t.startSec));
  const gaps: number[] = [];
  let interruptions = 0;
  for (let i = 1; i < turns.length; i++) {
    const prev = turns[i - 1];
    const cur = turns[i];
    if (prev.speaker === 'customer' && cur.speaker === 'agent') {
      const gap = cur.startSec - prev.endSec;
      if (gap >= 0) gaps.push(gap);
      else if (-gap >= 0.3) interruptions++;
    }
  }
  const union = mergeUnion([...agent, ...customer]);
  return {
    agentSpeechSec: r2(a),
    customerSpeechSec: r2(c),
    talkRatioAgent: a + c > 0 ? r2(a / (a + c)) : 0,
    longestAgentMonologueSec: r2(longest('agent')),
    longestCustomerStorySec: r2(longest('customer')),
    interactivityPerMin: durationSec > 0 ? r2((Math.max(0, turns.length - 1) / durationSec) * 60) : 0,
    patienceSec: gaps.length ? r2(gaps.reduce((x, y) => x + y, 0) / gaps.length) : 0,
    interruptions,
    silenceRatio: durationSec > 0 ? r2(Math.max(0, 1 - total(union) / durationSec)) : 0,
  };
}

export function voiceActivity(segments: SpeechSegment[], durationSec: number): VoiceActivity {
  const speech = total(segments);
  let longestSilence = segments.length ? segments[0].startSec : durationSec;
  for (let i = 1; i < segments.length; i++) longestSilence = Math.max(longestSilence, segments[i].startSec - segments[i - 1].endSec);
  if (segments.length) longestSilence = Math.max(longestSilence, durationSec - segments.at(-1)!.endSec);
  return {
    speechSec: r2(speech),
    silenceRatio: durationSec > 0 ? r2(Math.max(0, 1 - speech / durationSec)) : 0,
    segments: segments.length,
    longestSpeechSec: r2(Math.max(0, ...segments.map((s) => s.endSec - s.startSec))),
    longestSilenceSec: r2(Math.max(0, longestSilence)),
  };
}

function mergeUnion(segs: SpeechSegment[]): SpeechSegment[] {
  const s = [...segs].sort((a, b) => a.startSec - b.startSec);
  const out: SpeechSegment[] = [];
  for (const x of s) {
    const last = out.at(-1);
    if (last && x.startSec <= last.endSec) last.endSec = Math.max(last.endSec, x.endSec);
    else out.push({ ...x });
  }
  return out;
}
