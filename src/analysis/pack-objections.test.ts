import { describe, expect, it } from 'vitest';
import { INDUSTRY_PACKS, genderize } from '../personas/index.ts';
import { classifyUtterance } from './classifier.ts';
import type { Language } from './taxonomy.ts';

/** Slot values as a questionnaire fills them; {competitor} comes from each pack's own market players. */
const SLOTS: Record<Language, Record<string, string>> = {
  he: { price: '2,500 שקל', company: 'מגן ביטוחים', product: 'ביטוח בריאות', benefit: 'חיסכון בכפילויות', differentiator: 'סוכן אישי' },
  en: { price: '700 dollars', company: 'Shield Insurance', product: 'health insurance', benefit: 'saving on duplicates', differentiator: 'a personal agent' },
};

/** Every objection line the offline customer can say from a pack, in both gender forms, slots filled (unfillable ones skipped, as the persona generator does). */
function packLines(field: 'phrasings' | 'pushbacks', lang: Language) {
  const out: { pack: string; kind: string; text: string }[] = [];
  for (const p of INDUSTRY_PACKS) {
    const competitor = p.competitors[0]?.[lang];
    for (const o of p.objections) {
      for (const raw of o[field][lang]) {
        if (raw.includes('{competitor}') && !competitor) continue;
        const forms = new Set((['male', 'female'] as const).map((g) => genderize(raw, g)));
        for (const f of forms) out.push({ pack: p.id, kind: o.kind, text: f.replace(/\{(\w+)\}/g, (_m, k: string) => (k === 'competitor' ? competitor! : SLOTS[lang][k])) });
      }
    }
  }
  return out;
}

describe('the classifier reads the practice customer\'s own objections', () => {
  for (const lang of ['he', 'en'] as const) {
    it(`recognises ≥ 90% of every pack's objection phrasings as objections of their kind (${lang})`, () => {
      const lines = packLines('phrasings', lang);
      const missed = lines.filter((l) => classifyUtterance(l.text, lang).objectionKind !== l.kind);
      const rate = 1 - missed.length / lines.length;
      console.log(`[pack objections ${lang}] ${((rate) * 100).toFixed(1)}% of ${lines.length}`);
      expect(rate, missed.map((m) => `${m.pack}/${m.kind}: ${m.text}`).join('\n')).toBeGreaterThanOrEqual(0.9);
    });
  }

  it('reads the insurance customer\'s trust wordings and pushbacks as trust objections (he+en)', () => {
    for (const [text, lang] of [
      ["That's what everyone says", 'en'], ['Where did you even get my number?', 'en'], ['I heard that one from another agent already', 'en'],
      ['זה מה שכולם אומרים', 'he'], ['מאיפה השגתם את המספר שלי בכלל?', 'he'], ['שמעתי את זה כבר מסוכן אחר', 'he'],
    ] as const) {
      expect(classifyUtterance(text, lang).objectionKind, text).toBe('trust');
    }
  });

  it('reads "deal?" as a close attempt, not a discovery question', () => {
    expect(classifyUtterance('So, um, deal?', 'en').primary).toBe('close_attempt');
    expect(classifyUtterance('Is it a good deal for you?', 'en').acts).not.toContain('close_attempt');
  });
});
