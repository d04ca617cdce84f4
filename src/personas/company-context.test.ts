import { describe, expect, it } from 'vitest';
import { OBJECTION_KINDS } from '../analysis/index.ts';
import { buildCompanyContext } from './company-context.ts';
import { demoQuestionnaire, saasQuestionnaire } from './test-fixtures.ts';

describe('buildCompanyContext', () => {
  const he = buildCompanyContext({ version: 4, data: demoQuestionnaire(), companyId: 'co1' });

  it('records the exact questionnaire version and company', () => {
    expect(he.questionnaireVersion).toBe(4);
    expect(he.companyId).toBe('co1');
    expect(he.packId).toBe('insurance');
    expect(he.language).toBe('he');
  });

  it("puts the company's own objection bank first for each kind, then the industry pack", () => {
    for (const kind of OBJECTION_KINDS) {
      const ofKind = he.objections.filter((o) => o.kind === kind);
      expect(ofKind[0].source).toBe('company');
      expect(ofKind.slice(1).some((o) => o.source === 'pack')).toBe(true);
    }
    const price = he.objections.find((o) => o.kind === 'price')!;
    expect(price.text).toBe('זה יקר לי, אני כבר משלם מספיק על ביטוחים');
    expect(price.answer).toContain('כפילויות');
  });

  it('carries products, price, competitors, differentiator and the three benefits', () => {
    expect(he.products.price).toBe('2,400 שקל');
    expect(he.competitors.map((c) => c.name)).toContain('ביטוח ישיר');
    expect(he.differentiator).toContain('סוכן אישי');
    expect(he.benefits).toHaveLength(3);
    expect(he.terms.some((t) => t.term === 'ביטוח סיעודי')).toBe(true);
  });

  it('builds technical questions from the product information, with what a good answer holds', () => {
    const fromCompany = he.technicalQuestions.filter((q) => q.source === 'company');
    expect(fromCompany.some((q) => q.text.includes('ביטוח חיים'))).toBe(true);
    expect(fromCompany.some((q) => q.text.includes('2,400 שקל'))).toBe(true);
    expect(fromCompany.some((q) => q.text.includes('ביטוח ישיר') && q.answerHint!.includes('סוכן אישי'))).toBe(true);
  });

  it("turns the company's customer pains into hidden needs, before the pack's", () => {
    expect(he.hiddenNeeds[0]).toMatchObject({ source: 'company', need: 'משלם על ביטוחים כפולים בלי לדעת' });
    expect(he.pains[0].source).toBe('company');
  });

  it('has different conversation styles for B2B and B2C, with decision makers', () => {
    expect(he.styles.B2C.formality).toBeLessThan(he.styles.B2B.formality);
    expect(he.styles.B2C.decisionMakers).toContain('בני הזוג יחד');
  });

  it('for an English session of a Hebrew company, uses pack objections and says why', () => {
    const en = buildCompanyContext({ version: 4, data: demoQuestionnaire() }, { language: 'en' });
    expect(en.objections.every((o) => o.source === 'pack')).toBe(true);
    expect(en.notes.join(' ')).toMatch(/another language/);
    expect(en.products.price).toBe('2,400 shekels');
  });

  it('for an English company, keeps its own bank first', () => {
    const en = buildCompanyContext({ version: 1, data: saasQuestionnaire() });
    expect(en.objections[0]).toMatchObject({ source: 'company', kind: 'price' });
    expect(en.products.price).toBe('18,000 dollars');
  });

  it('refuses an incomplete questionnaire with a readable message', () => {
    expect(() => buildCompanyContext({ version: 1, data: { ...demoQuestionnaire(), benefits: ['one'] } })).toThrow(/three benefits/);
  });
});
