import { describe, expect, it } from 'vitest';
import { ConversationTracker } from './conversation-tracker.ts';
import { GOOD_EN, GOOD_HE, POOR_EN, POOR_HE, timed } from './testdata/scripts.ts';
import type { Turn } from './types.ts';

function track(lang: 'he' | 'en', turns: Turn[]) {
  const t = new ConversationTracker({ language: lang });
  for (const x of turns) t.update({ type: 'turn', ...x });
  return t;
}

describe('ConversationTracker', () => {
  it('measures talk ratio from turn spans and counts ongoing speech before its turn arrives', () => {
    const t = new ConversationTracker({ language: 'en' });
    t.update({ type: 'turn', speaker: 'agent', text: 'Hello there, how are you today?', startMs: 0, endMs: 3000 });
    t.update({ type: 'turn', speaker: 'customer', text: 'Fine thanks, who is this?', startMs: 3500, endMs: 4500 });
    expect(t.snapshot().talk.ratio).toBeCloseTo(0.75, 3);
    t.update({ type: 'speech_started', speaker: 'agent', atMs: 5000 });
    const s = t.snapshot(9000);
    expect(s.talk.agentMs).toBe(7000);
    expect(s.agentSpeaking).toBe(true);
    expect(s.monologue.currentMs).toBe(4000);
  });

  it('times the pause before each objection answer and whether it was acknowledged (Hebrew and English)', () => {
    for (const [lang, good, poor] of [['en', GOOD_EN, POOR_EN], ['he', GOOD_HE, POOR_HE]] as const) {
      const g = track(lang, timed(good)).snapshot();
      const price = g.objections.list.find((o) => o.kind === 'price')!;
      expect(price.responseDelayMs).toBe(1600);
      expect(price.acknowledged).toBe(true);
      expect(price.resolved).toBe(true);
      const p = track(lang, timed(poor)).snapshot();
      const first = p.objections.list[0];
      expect(first.kind).toBe('price');
      expect(first.responseDelayMs).toBe(200);
      expect(first.acknowledged).toBe(false);
      expect(first.resolved).toBe(false); // the customer pressed again
      expect(p.objections.meanResponseMs!).toBeLessThan(g.objections.meanResponseMs!);
    }
  });

  it('counts talking over the customer once per cut customer turn, and not a backchannel', () => {
    const p = track('en', timed(POOR_EN)).snapshot();
    expect(p.interruptions.byAgent).toBe(1);
    const t = track('en', [
      { speaker: 'customer', text: 'We have two cars and a teenager who just started driving.', startMs: 0, endMs: 4000 },
      { speaker: 'agent', text: 'Uh-huh.', startMs: 3000, endMs: 3300 },
      { speaker: 'agent', text: 'That sounds like a busy house.', startMs: 4800, endMs: 6000 },
    ]);
    expect(t.snapshot().interruptions.byAgent).toBe(0);
    expect(track('en', timed(GOOD_EN)).snapshot().interruptions.byAgent).toBe(0);
  });

  it('flags a price given before any need or discovery question, and not after discovery', () => {
    expect(track('en', timed(POOR_EN)).snapshot().price.beforeNeeds?.text).toContain('350 dollars');
    expect(track('he', timed(POOR_HE)).snapshot().price.beforeNeeds?.text).toContain('1,200 שקל');
    const g = track('he', timed(GOOD_HE)).snapshot();
    expect(g.price.firstAtMs).not.toBeNull();
    expect(g.price.beforeNeeds).toBeNull();
  });

  it('reads needs, questions, fillers, buying signals and the next step', () => {
    const g = track('en', timed(GOOD_EN)).snapshot();
    expect(g.needsRevealed).toBeGreaterThanOrEqual(1);
    expect(g.questions.discovery).toBeGreaterThanOrEqual(3);
    expect(g.buyingSignals.map((b) => b.followedUp)).toEqual([true]);
    expect(g.nextStep.proposedAtMs).not.toBeNull();
    const p = track('en', timed(POOR_EN)).snapshot();
    expect(p.fillers.count).toBeGreaterThanOrEqual(6);
    expect(p.needsRevealed).toBe(0);
    const ph = track('he', timed(POOR_HE)).snapshot();
    expect(ph.fillers.count).toBeGreaterThanOrEqual(5);
  });

  it('takes the engine’s customer state as the truth for needs and open objections', () => {
    const t = track('en', timed(POOR_EN));
    t.update({ type: 'customer_state', state: { needsRevealed: 2, openObjections: 1 }, atMs: 60_000 });
    const s = t.snapshot();
    expect(s.needsRevealed).toBe(2);
    expect(s.objections.open).toBe(1);
    expect(s.objections.resolved).toBe(s.objections.raised - 1);
  });

  it('tracks the longest monologue across agent turns with no customer words between', () => {
    const t = track('en', [
      { speaker: 'agent', text: 'Let me tell you about our plans.', startMs: 0, endMs: 30_000 },
      { speaker: 'agent', text: 'And there is more to say about coverage.', startMs: 31_000, endMs: 70_000 },
      { speaker: 'customer', text: 'Okay, but what does it cost for a family of four?', startMs: 71_000, endMs: 74_000 },
      { speaker: 'agent', text: 'Good question.', startMs: 75_000, endMs: 76_000 },
    ]);
    expect(t.snapshot().monologue.longestMs).toBe(70_000);
  });
});
