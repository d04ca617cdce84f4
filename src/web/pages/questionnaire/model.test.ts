import { describe, expect, it } from 'vitest';
import { DEMO_QUESTIONNAIRE, questionnaireSchema } from '../../../org/index.ts';
import { hasHebrewRendering, localizeServerMessage } from '../../i18n/server-messages.ts';
import { emptyForm, toBody, toForm } from './model.ts';

describe('questionnaire form model', () => {
  it('round-trips every field of the questionnaire schema through the form unchanged', () => {
    const stored = questionnaireSchema.parse(DEMO_QUESTIONNAIRE);
    const again = questionnaireSchema.parse(toBody(toForm(stored)));
    expect(again).toEqual(stored);
    // a field added to the schema but not to the form would be dropped above; make the coverage explicit too
    expect(Object.keys(toBody(toForm(stored))).sort()).toEqual(Object.keys(questionnaireSchema.shape).sort());
  });

  it('keeps empty rows in place so the server field paths point at the row on screen', () => {
    const f = toForm(questionnaireSchema.parse(DEMO_QUESTIONNAIRE));
    f.competitors.splice(1, 0, { name: '', notes: '' });
    const r = questionnaireSchema.safeParse(toBody(f));
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['competitors.1.name']);
  });

  it('sends a blank form that the server refuses field by field, each message with a Hebrew rendering', () => {
    const r = questionnaireSchema.safeParse(toBody(emptyForm()));
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    for (const p of ['companyName', 'sector', 'productDetails', 'averageDealSize', 'productTypes.0', 'audience', 'differentiator', 'benefits.0', 'benefits.1', 'benefits.2']) {
      expect(paths).toContain(p);
    }
    for (const i of r.error!.issues) {
      expect(hasHebrewRendering(i.message), `no Hebrew for "${i.message}"`).toBe(true);
      expect(localizeServerMessage(i.message, 'he')).toMatch(/[\u0590-\u05FF]/);
    }
  });

  it('refuses two benefits with the exact-three message, in Hebrew', () => {
    const f = toForm(questionnaireSchema.parse(DEMO_QUESTIONNAIRE));
    const body = { ...toBody(f), benefits: ['אחת', 'שתיים'] };
    const r = questionnaireSchema.safeParse(body);
    expect(localizeServerMessage(r.error!.issues[0].message, 'he')).toBe('יש לכתוב בדיוק שלוש תועלות ללקוח');
  });
});
