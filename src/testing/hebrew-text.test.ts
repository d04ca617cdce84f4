import { describe, expect, it } from 'vitest';
import { latinLeftovers, rawEnums, rawIds } from './hebrew-text.ts';

describe('what a Hebrew screen may show in Latin letters', () => {
  it('finds raw enums, English words and units written as code', () => {
    const found = latinLeftovers('תוצאה: lost · התנגדות no_need · מצב רוח skeptical · שולמה · manual · count 0 · (top reps ≈ 0.43)');
    expect(found.map((f) => f.split(' ')[0])).toEqual(['lost', 'no_need', 'skeptical', 'manual', 'count', 'top', 'reps']);
  });

  it('lets product names, units, emails, file names and environment variables through', () => {
    expect(latinLeftovers('SalesGym עם OpenAI Realtime · 100 MB · 211 Hz · owner@demo.salesgym.dev · call.wav · OPENAI_API_KEY · B2B')).toEqual([]);
  });

  it('ignores the direction isolates the client puts around values', () => {
    expect(latinLeftovers('\u2068מגן ביטוחים\u2069 · \u2068price\u2069').map((f) => f.split(' ')[0])).toEqual(['price']);
  });

  it('finds uuids and hex fragments, not plain numbers or words', () => {
    expect(rawIds('תרחיש 5465f0dc · מזהה 0b7c1a52-6a4e-4c36-9a39-33c1f3e0a0b1 · 2026 · 12345678 · deadbeef · face')).toEqual([
      '0b7c1a52-6a4e-4c36-9a39-33c1f3e0a0b1',
      '5465f0dc',
    ]);
  });

  it('finds raw enums in English text too', () => {
    expect(rawEnums('Outcome: no_outcome · objection no_need · see OPENAI_API_KEY · file call_1.wav')).toEqual(['no_outcome', 'no_need']);
  });
});
