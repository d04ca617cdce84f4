import { describe, expect, it } from 'vitest';
import { buildCompanyContext, compileInstructions, generatePersona, profileFromManagerChoice } from '../personas/index.ts';
import { demoQuestionnaire } from '../personas/test-fixtures.ts';
import { defaultScenario } from '../scenarios/index.ts';
import { voicePersonaFrom } from './persona-customer.ts';

const voiceFor = (language: 'he' | 'en', patience: number) => {
  const ctx = buildCompanyContext({ version: 1, data: demoQuestionnaire() }, { language });
  const p = generatePersona(profileFromManagerChoice(['rapport']), ctx, [], 'intermediate', { seed: 5, language, overrides: { patience } });
  const s = defaultScenario('rapport', 'intermediate', language);
  return { p, v: voicePersonaFrom(p, s, compileInstructions(p, s)) };
};

describe('voicePersonaFrom turn taking', () => {
  it('uses server VAD with the persona silence window for Hebrew (end-of-turn models do not cover Hebrew)', () => {
    for (const patience of [0.2, 0.6, 0.9]) {
      const { p, v } = voiceFor('he', patience);
      expect(v.turnTaking.vad).toBe('server_vad');
      expect(v.turnTaking.silenceMs).toBe(p.communication.turnSilenceMs);
    }
  });

  it('uses semantic VAD for English, more eager the less patient the customer is', () => {
    expect(voiceFor('en', 0.2).v.turnTaking).toMatchObject({ vad: 'semantic_vad', eagerness: 'high' });
    expect(voiceFor('en', 0.6).v.turnTaking).toMatchObject({ vad: 'semantic_vad', eagerness: 'medium' });
    expect(voiceFor('en', 0.9).v.turnTaking).toMatchObject({ vad: 'semantic_vad', eagerness: 'low' });
  });
});
