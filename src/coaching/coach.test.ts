import { describe, expect, it } from 'vitest';
import { RealTimeCoach, type CoachOptions, type HintRule } from './coach.ts';
import { ConversationTracker } from './conversation-tracker.ts';
import type { LiveEvent } from './types.ts';

const A = (text: string, startMs: number, endMs: number): LiveEvent => ({ type: 'turn', speaker: 'agent', text, startMs, endMs });
const C = (text: string, startMs: number, endMs: number, interrupted = false): LiveEvent => ({ type: 'turn', speaker: 'customer', text, startMs, endMs, interrupted });

/** Plays events and evaluates the coach every second up to `untilMs`; returns the rules that fired. */
function run(events: LiveEvent[], untilMs: number, opts: Partial<CoachOptions> = {}, lang: 'he' | 'en' = 'en'): HintRule[] {
  const tracker = new ConversationTracker({ language: lang });
  const coach = new RealTimeCoach({ language: lang, maxHints: 10, globalCooldownSec: 0, ruleCooldownSec: 0, ...opts });
  const at = (e: LiveEvent) => (e.type === 'turn' ? e.endMs : e.atMs);
  const queue = [...events].sort((a, b) => at(a) - at(b));
  const fired: HintRule[] = [];
  for (let now = 0; now <= untilMs; now += 1000) {
    while (queue.length && at(queue[0]) <= now) tracker.update(queue.shift()!);
    fired.push(...coach.evaluate(tracker.snapshot(now), now).map((h) => h.rule));
  }
  return fired;
}

const OPENING = [A('Hi Dana, this is Michael from Shield Insurance. What made you look for a new policy?', 0, 5000), C('Our renewal went up and we need cover for a new driver.', 5500, 9000)];

describe('RealTimeCoach', () => {
  it('objection not acknowledged: fires after N seconds of no acknowledgement, not when acknowledged', () => {
    const objection = C("Honestly it's too expensive for us.", 10_000, 12_000);
    expect(run([...OPENING, objection], 19_000)).not.toContain('objection_unacknowledged');
    expect(run([...OPENING, objection], 21_000)).toContain('objection_unacknowledged');
    expect(run([...OPENING, objection, A('No, everyone pays more elsewhere, you should take it.', 12_200, 15_000)], 16_000)).toContain('objection_unacknowledged');
    expect(run([...OPENING, objection, A('I understand, money matters. What budget feels right?', 13_500, 16_000)], 40_000)).not.toContain('objection_unacknowledged');
  });

  it('monologue: fires past the configured length while the agent is still talking', () => {
    // the call has shown that the agent's speech gets words (the opening): live speech counts before its transcript
    const talking: LiveEvent[] = [...OPENING, { type: 'speech_started', speaker: 'agent', atMs: 10_000 }];
    expect(run(talking, 69_000)).not.toContain('monologue');
    expect(run(talking, 71_000)).toContain('monologue');
    expect(run(talking, 41_000, { monologueSec: 30 })).toContain('monologue');
  });

  it('no discovery question in the first two minutes', () => {
    const pitch = [A('Hi, this is Michael from Shield Insurance, we have great car plans.', 0, 5000), C('Okay.', 5500, 6000)];
    expect(run(pitch, 119_000)).not.toContain('no_discovery');
    expect(run(pitch, 121_000)).toContain('no_discovery');
    expect(run(OPENING, 200_000)).not.toContain('no_discovery');
  });

  it('price before needs (Hebrew)', () => {
    const early = [A('שלום, המחיר שלנו הוא 120 שקל לחודש.', 0, 4000)];
    expect(run(early, 5000, {}, 'he')).toContain('price_before_needs');
    const later = [A('שלום, מה הכי חשוב לך בביטוח?', 0, 3000), C('אנחנו צריכים כיסוי לנהג צעיר.', 3500, 6000), A('המחיר שלנו הוא 120 שקל לחודש.', 6500, 9000)];
    expect(run(later, 30_000, {}, 'he')).not.toContain('price_before_needs');
  });

  it('talking over the customer', () => {
    const cut = [...OPENING, C('And the other thing is that my son', 10_000, 12_000, true), A('Right, so our plan covers that.', 11_800, 14_000)];
    expect(run(cut, 15_000)).toContain('talking_over');
    const polite = [...OPENING, C('And the other thing is that my son drives at night.', 10_000, 13_000), A('I see, at night. How often?', 14_000, 16_000)];
    expect(run(polite, 30_000)).not.toContain('talking_over');
  });

  it('missed buying signal', () => {
    const signal = C('Sounds good, how do I sign up?', 10_000, 12_000);
    expect(run([...OPENING, signal, A('Well, we also have roadside assistance and a mobile app.', 13_000, 16_000)], 17_000)).toContain('missed_buying_signal');
    expect(run([...OPENING, signal, A('Great, shall we book a call tomorrow at ten to sign?', 13_000, 16_000)], 30_000)).not.toContain('missed_buying_signal');
  });

  it('no next step near the end of the scenario time', () => {
    const opts = { timeLimitSec: 300, nextStepLeadSec: 60 };
    expect(run(OPENING, 239_000, opts)).not.toContain('no_next_step');
    expect(run(OPENING, 241_000, opts)).toContain('no_next_step');
    expect(run([...OPENING, A("I'll send you the offer and call you tomorrow at ten.", 30_000, 34_000)], 260_000, opts)).not.toContain('no_next_step');
  });

  it('rations hints: level allowance, cooldowns, switched off by the difficulty engine, and never mid-sentence', () => {
    const messy = [A('Our price is 350 dollars a month, the best in the country.', 0, 5000), C("That's too expensive.", 5500, 7000), A('No, it is cheap.', 7100, 8000)];
    expect(run(messy, 60_000, { maxHints: 0 })).toEqual([]);
    expect(run(messy, 60_000, { maxHints: 1 })).toHaveLength(1);
    expect(run(messy, 15_000, { globalCooldownSec: 20 })).toHaveLength(1);
    const tracker = new ConversationTracker({ language: 'en' });
    const coach = new RealTimeCoach({ language: 'en', maxHints: 5, globalCooldownSec: 0, ruleCooldownSec: 0 });
    for (const e of messy) tracker.update(e);
    coach.setMode({ hintsEnabled: false, supportive: false });
    expect(coach.evaluate(tracker.snapshot(9000), 9000)).toEqual([]);
    coach.setMode({ hintsEnabled: true, supportive: true });
    tracker.update({ type: 'speech_started', speaker: 'agent', atMs: 9000 });
    expect(coach.evaluate(tracker.snapshot(10_000), 10_000)).toEqual([]); // held while the agent talks
    tracker.update(A('So anyway.', 9000, 11_000));
    const [h] = coach.evaluate(tracker.snapshot(12_000), 12_000);
    expect(h.rule).toBe('objection_unacknowledged');
    expect(h.triggerAtMs).toBe(7000);
    expect(h.shownAtMs).toBe(12_000);
    expect(h.trigger).toContain('too expensive');
    expect(coach.hints).toHaveLength(1);
  });

  it('writes hints in the session language', () => {
    const tracker = new ConversationTracker({ language: 'he' });
    const coach = new RealTimeCoach({ language: 'he', maxHints: 3 });
    tracker.update(A('המחיר הוא 120 שקל לחודש.', 0, 3000));
    expect(coach.evaluate(tracker.snapshot(4000), 4000)[0].text).toMatch(/מחיר/);
  });
});
