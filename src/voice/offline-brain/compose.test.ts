import { describe, expect, it } from 'vitest';
import { createRng, type OfflineBrainParams } from '../../personas/index.ts';
import { SCENARIO_CATALOGUE } from '../../scenarios/index.ts';
import { demoCustomer } from '../demo-customer.ts';
import { compose } from './compose.ts';
import { LinePicker, ownLines } from './lines.ts';
import { Mind } from './mind.ts';

type Gender = 'female' | 'male';
type Stakeholder = OfflineBrainParams['stakeholders'][number];

/** Every distinct Hebrew stakeholder the generator gives the demo company (catalogue × seeds × the levels that have them). */
function generatedStakeholders(): Stakeholder[] {
  const byRole = new Map<string, Stakeholder>();
  for (const type of Object.keys(SCENARIO_CATALOGUE)) {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      for (const level of ['advanced', 'expert'] as const) {
        for (const s of demoCustomer({ scenarioType: type, language: 'he', seed, level }).offline.stakeholders) byRole.set(s.role, s);
      }
    }
  }
  return [...byRole.values()];
}

/** Every sentence the customer can use to voice this stakeholder (the picker never repeats, so three turns give all three). */
function stakeholderLines(speaker: Gender, s: Stakeholder, lang: 'he' | 'en' = 'he'): string[] {
  const p = structuredClone(demoCustomer({ scenarioType: 'b2b', language: lang, level: 'expert', seed: 1 }).offline);
  p.gender = speaker;
  p.stakeholders = [s];
  const own = ownLines(lang, speaker);
  const c = { p, mind: new Mind(p, null), lines: new LinePicker(createRng(7), own.connectors), own };
  const plan = { reaction: null, main: { kind: 'stakeholder', index: 0 } as const, extras: [], end: null };
  return [1, 2, 3].flatMap(() => compose(c, plan).map((x) => x.text));
}

const words = (t: string) => t.split(/[\s,.:;!?]+/).filter(Boolean);
const SPEAKER: Record<Gender, string[]> = { male: ['מעביר', 'חייב', 'שם'], female: ['מעבירה', 'חייבת', 'שמה'] };
const SAYS: Record<Gender, string[]> = { male: ['אומר'], female: ['אומרת'] };
const other = (g: Gender): Gender => (g === 'male' ? 'female' : 'male');

function expectAgreement(text: string, speaker: Gender, stakeholder: Gender) {
  // everything before the quoted concern is the customer's own framing
  const intro = words(text.slice(0, text.indexOf(': ')));
  // the customer's first-person verb ("אני מעבירה / חייבת / שמה") agrees with the customer
  const own = intro[intro.findIndex((x) => x === 'אני' || x === 'ואני') + 1];
  expect(SPEAKER[speaker], text).toContain(own);
  // the stakeholder's verb agrees with the stakeholder
  expect(intro.some((x) => SAYS[stakeholder].includes(x) || x === (stakeholder === 'female' ? 'שהיא' : 'שהוא')), text).toBe(true);
  expect(intro.some((x) => SAYS[other(stakeholder)].includes(x) || x === (stakeholder === 'female' ? 'שהוא' : 'שהיא')), text).toBe(false);
  expect(text).not.toMatch(/[[\]|{}]/);
}

describe('offline brain: a stakeholder voiced in Hebrew', () => {
  const generated = generatedStakeholders();

  it('the demo company gives both spouses and the B2B committee roles', () => {
    const roles = generated.map((s) => s.role);
    expect(roles).toEqual(expect.arrayContaining(['בן הזוג', 'בת הזוג', 'סמנכ״ל כספים', 'מנהלת תפעול']));
    expect(generated.every((s) => s.gender)).toBe(true);
  });

  for (const speaker of ['female', 'male'] as const) {
    it(`a ${speaker} customer speaks in ${speaker} first person, and each generated stakeholder's verb agrees with them`, () => {
      for (const s of generated) {
        const lines = stakeholderLines(speaker, s);
        expect(lines).toHaveLength(3);
        for (const l of lines) {
          expectAgreement(l, speaker, s.gender!);
          expect(l).toContain(s.lines[0].replace(/[.?!]$/, ''));
        }
      }
    });
  }

  it.each([
    ['בת הזוג', 'female', 'אשתי מיכל'],
    ['בן הזוג', 'male', 'בעלי דני'],
    ['בת בוגרת שעוזרת להורים', 'female', 'הבת שלי מיכל'],
    ['בן בוגר שעוזר להורים', 'male', 'הבן שלי דני'],
    ['השותפה', 'female', 'השותפה שלי מיכל'],
    ['שותף', 'male', 'השותף שלי דני'],
    ['סמנכ״לית כספים', 'female', 'מיכל לוי, סמנכ״לית כספים אצלנו,'],
  ] as const)('the customer names the relation: %s → "%s"', (role, g, who) => {
    const s: Stakeholder = { name: g === 'female' ? 'מיכל לוי' : 'דני לוי', gender: g, role, stance: 'opposed', lines: ['אני לא בטוח[|ה] שזה מתאים לנו'.replace('[|ה]', g === 'female' ? 'ה' : '')] };
    for (const speaker of ['female', 'male'] as const) {
      const lines = stakeholderLines(speaker, s);
      expect(lines.every((l) => l.includes(who)), lines.join('\n')).toBe(true);
      for (const l of lines) expectAgreement(l, speaker, g);
    }
  });

  it('parameters stored before the stakeholder gender was kept read it from the Hebrew role', () => {
    const s: Stakeholder = { name: 'רונית כהן', role: 'סמנכ״לית כספים', stance: 'opposed', lines: ['אני צריכה לראות החזר תוך שנה'] };
    for (const l of stakeholderLines('male', s)) expectAgreement(l, 'male', 'female');
    for (const l of stakeholderLines('female', { ...s, name: 'רון כהן', role: 'בן הזוג' })) expectAgreement(l, 'female', 'male');
  });

  it('English is unchanged', () => {
    const s: Stakeholder = { name: 'Dana Levi', gender: 'female', role: 'CFO', stance: 'opposed', lines: ['I need to see payback within a year.'] };
    expect(stakeholderLines('male', s, 'en')[0]).toBe('Dana Levi is here with me and says: I need to see payback within a year.');
  });
});
