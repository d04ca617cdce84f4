/**
 * Coaching that does not contradict itself (issue 16): a typed call gets no voice-only readings (confidence, pace)
 * and its talk share comes from the words; a confident agent's hints are reduced, not silenced — an ignored
 * objection still gets one.
 */
import { describe, expect, it } from 'vitest';
import { RealTimeCoach } from './coach.ts';
import { ConversationTracker } from './conversation-tracker.ts';
import { LiveCoaching, type CoachMessage } from './live.ts';
import { buildSessionReport, reportInputFromLive } from './report.ts';
import type { LiveEvent } from './types.ts';
import { wordTalkRatio } from './typed-call.ts';

/** A typed call as the text engine delivers it: agent turns take no time, customer replies a second or two. */
function typedCall(lines: [speaker: 'agent' | 'customer', text: string][], level: 'intermediate' | 'advanced' = 'intermediate') {
  const out: CoachMessage[] = [];
  const live = new LiveCoaching({ language: 'he', level, emit: (m) => out.push(m) });
  live.setTyped(true);
  const tap = live.tap();
  let t = 200;
  for (const [speaker, text] of lines) {
    if (speaker === 'agent') {
      tap.onTurn({ speaker, text, startMs: t, endMs: t, interrupted: false });
      t += 300;
    } else {
      tap.onTurn({ speaker, text, startMs: t, endMs: t + 1800, interrupted: false });
      t += 12_000;
    }
    for (let k = 0; k < 12; k++) live.tick(t + k * 1000);
  }
  return { live, out, metrics: () => out.filter((m) => m.type === 'metrics').at(-1)!.values as Record<string, number> };
}

const SIX_LINES: [speaker: 'agent' | 'customer', text: string][] = [
  ['agent', 'שלום, מדבר יוסי ממגן ביטוחים. אני מתקשר בעקבות הפנייה שלך. יש לך דקה?'],
  ['customer', 'כן, מה רצית?'],
  ['agent', 'מה הכי חשוב לך בביטוח הרכב שלך?'],
  ['customer', 'שיהיה זול, ושיהיה מישהו שעונה כשקורה משהו.'],
  ['agent', 'ואיך אתה משתמש ברכב ביום יום?'],
  ['customer', 'נוסע לעבודה כל יום, בערך שעה לכל כיוון.'],
];

describe('a typed practice call', () => {
  it('shows no voice confidence or pace, counts the questions, and reads talk share from the words', () => {
    const { out, metrics } = typedCall(SIX_LINES);
    const m = metrics();
    expect(m.confidence).toBeUndefined();
    expect(m.wordsPerMin).toBeUndefined();
    expect(m.questions).toBeGreaterThanOrEqual(2);
    expect(m.talkRatio).toBeCloseTo(wordTalkRatio(SIX_LINES.map(([speaker, text]) => ({ speaker, text })))!, 3);
    expect(m.talkRatio).toBeGreaterThan(0.3); // never the false 0 % of speech time that typed turns do not take
    // the difficulty engine reacts to the typed replies, and never speaks of a voice confidence the agent has not got
    expect(out.some((x) => x.type === 'difficulty')).toBe(true);
    for (const d of out.filter((x) => x.type === 'difficulty')) {
      expect(d.type === 'difficulty' && d.reasons.he).not.toMatch(/ביטחון|%/);
      expect(d.type === 'difficulty' && d.reasons.en).not.toMatch(/confiden|sound|%/i);
    }
  });

  it('its report takes the talk share from the words and has no voice confidence, pace or tone', () => {
    const { live } = typedCall(SIX_LINES);
    const r = buildSessionReport(reportInputFromLive(live.record()));
    expect(r.metrics.talkRatioAgent).toBeCloseTo(wordTalkRatio(live.record().turns)!, 3);
    expect(r.metrics.talkRatioAgent).toBeGreaterThan(0.3);
    expect(r.voiceConfidence).toBeNull();
    expect(r.tone).toEqual([]);
    expect(r.benchmarks.map((b) => b.id)).not.toContain('wordsPerMin');
  });

  it('a fluent typed call that ignores objections turns challenging and still gets the objection hint', () => {
    // fluent, confident text (no fillers, no hedges): the difficulty engine reads a cruising agent
    const lines: [speaker: 'agent' | 'customer', text: string][] = [
      ['agent', 'שלום, מדבר יוסי ממגן ביטוחים. אני מתקשר בעקבות הפנייה שלך.'],
      ['customer', 'כן.'],
      ['agent', 'יש לנו את הפוליסה הכי משתלמת בשוק עם כיסוי מלא.'],
      ['customer', 'זה נשמע לי יקר מדי.'],
      ['agent', 'הפוליסה כוללת גרירה, שמשות ורכב חלופי.'],
      ['customer', 'אני לא סומך על חברות ביטוח.'],
      ['agent', 'אנחנו החברה הגדולה בישראל עם אלפי לקוחות.'],
      ['customer', 'כבר יש לי הצעה זולה יותר.'],
      ['agent', 'המחיר שלנו הוא מאה וחמישים שקל לחודש.'],
    ];
    const { live, out } = typedCall(lines);
    const record = live.record();
    expect(record.difficulty.some((d) => d.to === 'challenging')).toBe(true);
    const raised = record.snapshot.objections.raised;
    expect(raised).toBeGreaterThanOrEqual(2);
    expect(record.snapshot.objections.acknowledged).toBe(0);
    expect(out.some((m) => m.type === 'hint')).toBe(true);
    // the mode in force at a moment of the call
    const modeAt = (ms: number) => record.difficulty.filter((d) => d.atMs <= ms).at(-1)?.to ?? 'neutral';
    const inChallenge = record.hints.filter((h) => modeAt(h.shownAtMs) === 'challenging');
    expect(inChallenge.map((h) => h.rule)).toContain('objection_unacknowledged');
    // and nothing but critical misses while it lasts
    expect(inChallenge.every((h) => h.rule === 'objection_unacknowledged' || h.rule === 'talking_over')).toBe(true);
  });
});

describe('RealTimeCoach in a challenging phase', () => {
  const A = (text: string, startMs: number, endMs: number): LiveEvent => ({ type: 'turn', speaker: 'agent', text, startMs, endMs });
  const C = (text: string, startMs: number, endMs: number): LiveEvent => ({ type: 'turn', speaker: 'customer', text, startMs, endMs });

  it('reduces hints to the critical misses: an ignored objection gets one, a missing discovery question does not', () => {
    const tracker = new ConversationTracker({ language: 'en' });
    const coach = new RealTimeCoach({ language: 'en', maxHints: 5, globalCooldownSec: 0, ruleCooldownSec: 0, discoveryBySec: 10 });
    coach.setMode({ hintsEnabled: true, supportive: false, hintsReduced: true });
    for (const e of [A('Our plan covers everything you need.', 0, 4000), C('Honestly it is too expensive for us.', 4500, 7000)]) tracker.update(e);
    const fired: string[] = [];
    for (let now = 7000; now <= 40_000; now += 1000) fired.push(...coach.evaluate(tracker.snapshot(now), now).map((h) => h.rule));
    expect(fired).toContain('objection_unacknowledged');
    expect(fired).not.toContain('no_discovery');
    // the same call out of the challenging phase also gets the discovery hint
    const calm = new RealTimeCoach({ language: 'en', maxHints: 5, globalCooldownSec: 0, ruleCooldownSec: 0, discoveryBySec: 10 });
    const all: string[] = [];
    for (let now = 7000; now <= 40_000; now += 1000) all.push(...calm.evaluate(tracker.snapshot(now), now).map((h) => h.rule));
    expect(all).toEqual(expect.arrayContaining(['objection_unacknowledged', 'no_discovery']));
  });
});
