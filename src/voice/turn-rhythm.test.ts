/** A scenario's turn rhythm (ScenarioBuilder.rhythm) reaches the voice persona and the end-of-turn predictor. */
import { describe, expect, it } from 'vitest';
import { buildCompanyContext, compileInstructions, generatePersona, profileFromManagerChoice } from '../personas/index.ts';
import { demoQuestionnaire } from '../personas/test-fixtures.ts';
import { ScenarioBuilder, type TurnRhythm } from '../scenarios/index.ts';
import { EndOfTurnPredictor } from './end-of-turn.ts';
import { voicePersonaFrom } from './persona-customer.ts';

const voiceWith = (rhythm: TurnRhythm | undefined, patience = 0.6) => {
  const language = 'he';
  const s = ScenarioBuilder.create('rapport', 'intermediate', language).rhythm(rhythm).build();
  const ctx = buildCompanyContext({ version: 1, data: demoQuestionnaire() }, { language });
  const p = generatePersona(profileFromManagerChoice(['rapport']), ctx, [], 'intermediate', { seed: 5, language, overrides: { patience } });
  return voicePersonaFrom(p, s, compileInstructions(p, s));
};

describe('turn rhythm from the scenario builder', () => {
  it('stores the rhythm as a persona override and validates it', () => {
    expect(ScenarioBuilder.create('rapport').rhythm('hesitant').build().personaOverrides.turnRhythm).toBe('hesitant');
    expect(() => ScenarioBuilder.create('rapport').rhythm('sleepy' as TurnRhythm)).toThrow();
    expect(ScenarioBuilder.create('rapport').rhythm('eager').rhythm(undefined).build().personaOverrides.turnRhythm).toBeUndefined();
  });

  it('an eager customer takes the turn sooner than a hesitant one on the same words; "window" turns the predictor off', () => {
    const wait = (r: TurnRhythm) => {
      const tt = voiceWith(r).turnTaking;
      return new EndOfTurnPredictor({ silenceMs: tt.silenceMs, eagerness: tt.eagerness, language: 'he' }).estimate({ prosody: null, transcript: 'הלקוחות שלנו חוסכים בממוצע' }).waitMs;
    };
    expect(wait('eager')).toBeLessThan(wait('natural'));
    expect(wait('natural')).toBeLessThan(wait('hesitant'));
    expect(voiceWith('window').turnTaking.endOfTurn).toBe('window');
    // a chosen rhythm turns the predictor on; no rhythm leaves the fixed window (the default)
    expect(voiceWith('natural').turnTaking.endOfTurn).toBe('predicted');
    expect(voiceWith('eager').turnTaking.endOfTurn).toBe('predicted');
    expect(voiceWith(undefined).turnTaking.endOfTurn).toBeUndefined();
  });

  it('without a rhythm, a Hebrew customer is as eager as its impatience', () => {
    expect(voiceWith(undefined, 0.2).turnTaking.eagerness).toBe('high');
    expect(voiceWith(undefined, 0.9).turnTaking.eagerness).toBe('low');
  });
});
