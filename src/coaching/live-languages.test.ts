import { describe, expect, it } from 'vitest';
import { serverMessageSchema } from '../voice/index.ts';
import { syntheticSpeech } from './bench.ts';
import { LiveCoaching, type CoachMessage } from './live.ts';
import { POOR_HE, timed } from './testdata/scripts.ts';

const hebrew = /[\u05D0-\u05EA]/;

describe('LiveCoaching sends hint and difficulty texts in both languages', () => {
  it('a Hebrew call’s hints carry the English wording too, and survive the wire schema', () => {
    const out: CoachMessage[] = [];
    const live = new LiveCoaching({ language: 'he', level: 'foundation', emit: (m) => out.push(m) });
    const turns = timed(POOR_HE);
    let i = 0;
    for (let now = 0; now <= turns.at(-1)!.endMs + 2000; now += 250) {
      while (i < turns.length && turns[i].endMs <= now) live.update({ type: 'turn', ...turns[i++] });
      live.tick(now);
    }
    const hints = out.filter((m) => m.type === 'hint');
    expect(hints.length).toBeGreaterThan(0);
    for (const h of hints) {
      const wire = serverMessageSchema.parse(JSON.parse(JSON.stringify(h)));
      expect(wire.type === 'hint' && wire.texts).toEqual({ he: h.text, en: expect.not.stringMatching(hebrew) });
      expect(h.texts.he).toMatch(hebrew);
      expect(h.texts.en.length).toBeGreaterThan(10);
    }
  });

  it('a difficulty change on an English call carries the Hebrew reason too', () => {
    const out: CoachMessage[] = [];
    const live = new LiveCoaching({ language: 'en', level: 'intermediate', emit: (m) => out.push(m) });
    const tap = live.tap();
    const voice = syntheticSpeech(8);
    for (let k = 0; k < voice.length; k += 480) tap.onAgentAudio(voice.subarray(k, k + 480), k / 24);
    tap.onTurn({ speaker: 'agent', text: 'Hi Dana, this is Michael from Shield Insurance. What made you look for a new policy?', startMs: 0, endMs: 8000, interrupted: false });
    tap.onTurn({ speaker: 'customer', text: 'Our renewal went up a lot.', startMs: 8500, endMs: 10_000, interrupted: false });
    tap.onTurn({ speaker: 'agent', text: 'I see. What matters most to you in the new policy?', startMs: 10_500, endMs: 13_000, interrupted: false });
    const d = out.find((m) => m.type === 'difficulty');
    expect(d?.type).toBe('difficulty');
    if (d?.type !== 'difficulty') return;
    const wire = serverMessageSchema.parse(JSON.parse(JSON.stringify(d)));
    expect(wire.type === 'difficulty' && wire.reasons).toEqual({ en: d.reason, he: expect.stringMatching(hebrew) });
    expect(d.reason).not.toMatch(hebrew);
  });
});
