/** Turn repair: a customer reply cut before a word of it was heard is retracted, and the next reply answers the agent's words again. */
import { describe, expect, it } from 'vitest';
import type { Brain, BrainChunk } from './brain.ts';
import { CustomerTurnRunner } from './customer-turn.ts';
import { demoCustomer } from './demo-customer.ts';
import type { EngineEvent } from './engine.ts';
import type { SpeechSynthesizer } from './speech.ts';
import { TurnRepair } from './turn-repair.ts';

/** A brain that remembers what it was asked and what it was told was cut (its "history"). */
class RecordingBrain implements Brain {
  readonly kind = 'offline' as const;
  history: string[] = [];
  async *respond(turn: { agentText: string | null }): AsyncIterable<BrainChunk> {
    this.history.push(`agent: ${turn.agentText}`);
    const reply = turn.agentText?.includes('ועוד') ? 'על המחיר אפשר לדבר.' : 'אנחנו משלמים בערך אלף שקל בחודש.';
    this.history.push(`customer: ${reply}`);
    yield { type: 'text', delta: reply };
  }
  interrupted(heard: string): void {
    this.history.push(`cut: ${heard}`);
  }
  adjust(): void {}
  fork(): RecordingBrain {
    const b = new RecordingBrain();
    b.history = [...this.history];
    return b;
  }
}

/** One second of (silent) audio per sentence; the first reply (the one cut) then goes on synthesizing until aborted. */
const tts: SpeechSynthesizer = {
  name: 'fake',
  voiceFor: () => 'fake',
  async *synthesize(text, _opts, signal) {
    yield new Int16Array(24_000);
    if (text.startsWith('אנחנו') && !signal.aborted) await new Promise((r) => signal.addEventListener('abort', r, { once: true }));
  },
};

function setup() {
  let clockMs = 1000;
  const events: EngineEvent[] = [];
  const brain = new RecordingBrain();
  const runner = new CustomerTurnRunner({ brain, tts, persona: demoCustomer({ scenarioType: 'discovery', language: 'he', seed: 3 }).voice, clock: () => clockMs, emit: (e) => events.push(e) });
  return { runner, events, brain, advance: (ms: number) => (clockMs += ms), done: () => events.filter((e) => e.type === 'customer_turn_done') as Array<Extract<EngineEvent, { type: 'customer_turn_done' }>> };
}

const firstAudio = (events: EngineEvent[]) => expect.poll(() => events.some((e) => e.type === 'customer_audio'), { timeout: 5000, interval: 5 }).toBe(true);

describe('turn repair in the customer turn runner', () => {
  it('a reply cut by a repair before any of it was heard is retracted: not in the brain, and the next reply answers the earlier and the new words', async () => {
    const { runner, events, done } = setup();
    void runner.run('כמה אתם משלמים היום?');
    await firstAudio(events);
    const itemId = (events.find((e) => e.type === 'customer_turn_started') as { itemId: string }).itemId;
    expect(runner.bargeIn(itemId, 5, { retract: true })).toBe(true);
    await expect.poll(() => done().length, { timeout: 5000, interval: 5 }).toBe(1);
    expect(done()[0]).toMatchObject({ text: '', interrupted: true }); // nothing of it is stored as said
    expect(runner.retracted).toBe(1);
    // the brain is back where it was before the reply: it never answered, never "said" it
    expect((runner.brain as RecordingBrain).history).toEqual([]);
    void runner.run('ועוד דבר חשוב לגבי המחיר');
    await expect.poll(() => done().length, { timeout: 5000, interval: 5 }).toBe(2);
    expect(done()[1].text).toBe('על המחיר אפשר לדבר.');
    expect((runner.brain as RecordingBrain).history).toEqual(['agent: כמה אתם משלמים היום? ועוד דבר חשוב לגבי המחיר', 'customer: על המחיר אפשר לדבר.']);
    // the carried words are answered once, not again on the turn after
    void runner.run('ומה עם החידוש?');
    await expect.poll(() => done().length, { timeout: 5000, interval: 5 }).toBe(3);
    expect((runner.brain as RecordingBrain).history[2]).toBe('agent: ומה עם החידוש?');
  });

  it('a reply partly heard before the repair stays what it was: the heard words, and the brain hears it was cut', async () => {
    const { runner, events, advance, done } = setup();
    void runner.run('כמה אתם משלמים היום?');
    await firstAudio(events);
    advance(600); // the agent heard ~60% of the (one-second) sentence
    const itemId = (events.find((e) => e.type === 'customer_turn_started') as { itemId: string }).itemId;
    runner.bargeIn(itemId, 5, { retract: true });
    await expect.poll(() => done().length, { timeout: 5000, interval: 5 }).toBe(1);
    expect(done()[0].text).toBe('אנחנו משלמים בערך');
    expect(runner.retracted).toBe(0);
    expect((runner.brain as RecordingBrain).history.at(-1)).toBe('cut: אנחנו משלמים בערך');
    void runner.run('ועוד דבר חשוב לגבי המחיר');
    await expect.poll(() => done().length, { timeout: 5000, interval: 5 }).toBe(2);
    expect((runner.brain as RecordingBrain).history.at(-2)).toBe('agent: ועוד דבר חשוב לגבי המחיר');
  });

  it('an ordinary barge-in never retracts', async () => {
    const { runner, events, done } = setup();
    void runner.run('כמה אתם משלמים היום?');
    await firstAudio(events);
    runner.bargeIn((events.find((e) => e.type === 'customer_turn_started') as { itemId: string }).itemId, 5);
    await expect.poll(() => done().length, { timeout: 5000, interval: 5 }).toBe(1);
    expect(runner.retracted).toBe(0);
    expect((runner.brain as RecordingBrain).history.at(-1)).toBe('cut: ');
  });
});

describe('TurnRepair window', () => {
  const started = (atMs: number): EngineEvent => ({ type: 'customer_turn_started', itemId: 'c1', atMs });
  const audio = (atMs: number): EngineEvent => ({ type: 'customer_audio', itemId: 'c1', pcm: new Int16Array(480), atMs });

  it('is measured from the customer\'s first audio sent, not from the start event (which leaves before synthesis)', () => {
    const r = new TurnRepair(300);
    r.observe(started(1000));
    r.observe(audio(1250));
    r.observe(audio(1270));
    expect(r.candidate(1500, true)).toBe(true); // 250 ms after the first audio, 500 after the start event
    expect(r.candidate(1600, true)).toBe(false);
    expect(r.candidate(1500, false)).toBe(false); // the customer is not speaking: nothing to repair
  });

  it('counts confirmed repairs, and with no audio yet measures from the start event', () => {
    const r = new TurnRepair(300);
    r.observe(started(1000));
    expect(r.candidate(1200, true)).toBe(true);
    r.confirm();
    expect(r.repairs).toBe(1);
    expect(r.candidate(1200, true)).toBe(false); // confirmed: the customer's turn is over
  });
});
