import { describe, expect, it } from 'vitest';
import { OBJECTION_KINDS } from '../../analysis/index.ts';
import { genderize, hasHebrew, slotsOf } from '../text.ts';
import { INDUSTRY_PACKS, packFor } from './index.ts';

const KNOWN_SLOTS = new Set(['price', 'competitor', 'company', 'product', 'benefit', 'differentiator']);

/** Every string inside a pack, with its language. */
function* strings(value: unknown, lang: 'he' | 'en' | null = null): Generator<{ text: string; lang: 'he' | 'en' | null }> {
  if (typeof value === 'string') yield { text: value, lang };
  else if (Array.isArray(value)) for (const v of value) yield* strings(v, lang);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* strings(v, k === 'he' ? 'he' : k === 'en' ? 'en' : lang);
  }
}

describe('industry packs', () => {
  it('ship the seven markets of the brief', () => {
    expect(INDUSTRY_PACKS.map((p) => p.id).sort()).toEqual(['insurance', 'real_estate', 'retail', 'saas', 'services', 'solar', 'telecom']);
  });

  for (const pack of INDUSTRY_PACKS) {
    describe(pack.id, () => {
      it('covers every objection kind with at least three phrasings and two answers per language', () => {
        for (const kind of OBJECTION_KINDS) {
          const o = pack.objections.find((x) => x.kind === kind);
          expect(o, `${pack.id} lacks ${kind}`).toBeDefined();
          expect(o!.phrasings.he.length).toBeGreaterThanOrEqual(3);
          expect(o!.phrasings.en.length).toBeGreaterThanOrEqual(3);
          expect(o!.answers.length).toBeGreaterThanOrEqual(2);
        }
      });

      it('writes Hebrew fields in Hebrew and English fields without Hebrew', () => {
        for (const { text, lang } of strings(pack)) {
          if (lang === 'he' && /^[a-z_]+$/.test(text)) continue;
          if (lang === 'he' && text.length > 3 && !/^[A-Z0-9 ()\-/]+$/.test(text)) expect(hasHebrew(text), `not Hebrew: ${text}`).toBe(true);
          if (lang === 'en') expect(hasHebrew(text), `Hebrew in English field: ${text}`).toBe(false);
        }
      });

      it('has B2C and B2B personas and at least three hidden needs with topic words', () => {
        expect(pack.personas.some((p) => p.audience === 'B2C')).toBe(true);
        expect(pack.personas.some((p) => p.audience === 'B2B')).toBe(true);
        for (const n of pack.hiddenNeeds) expect(n.topics.he.length).toBeGreaterThanOrEqual(2);
      });

      it('uses only known {slots} and well-formed [masculine|feminine] markup', () => {
        for (const { text } of strings(pack)) {
          for (const s of slotsOf(text)) expect(KNOWN_SLOTS.has(s), `unknown slot {${s}} in ${text}`).toBe(true);
          for (const g of ['male', 'female'] as const) expect(genderize(text, g), text).not.toMatch(/[[\]|]/);
          // Suffix-style markup only after a consonant: "מנהל[|ת]" is fine, "היה[|תה]" would give "היהתה".
          expect(text, `suffix markup after ה/ו in: ${text}`).not.toMatch(/[הו]\[\|/);
        }
      });
    });
  }

  it('maps sectors without a pack of their own to the closest one', () => {
    expect(packFor('finance').id).toBe('insurance');
    expect(packFor('other').id).toBe('services');
    expect(packFor('solar').id).toBe('solar');
  });

  it('turns a suffix after a Hebrew final letter into the medial form', () => {
    expect(genderize('קבלן[|ית] חשדן[|ית]', 'female')).toBe('קבלנית חשדנית');
    expect(genderize('קבלן[|ית]', 'male')).toBe('קבלן');
  });
});
