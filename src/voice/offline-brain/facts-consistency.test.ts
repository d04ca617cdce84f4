import { describe, expect, it } from 'vitest';
import { DEMO_QUESTIONNAIRE, type QuestionnaireInput } from '../../org/index.ts';
import { PACK_IDS, clashesWith } from '../../personas/index.ts';
import { SCENARIO_TYPES } from '../../scenarios/index.ts';
import { demoCustomer } from '../demo-customer.ts';
import { consistentParams, factSheetFor } from './facts.ts';

/** A company of each industry pack (its own objection bank left empty: the pack's lines are what is checked). */
function company(pack: string, language: 'he' | 'en'): QuestionnaireInput {
  return { ...DEMO_QUESTIONNAIRE, sector: pack as QuestionnaireInput['sector'], language, objectionBank: [], customerPains: [], competitors: [], companyName: language === 'he' ? 'חברת בדיקה' : 'Test Company', benefits: ['one', 'two', 'three'].map((x) => `${x} benefit`), differentiator: language === 'he' ? 'שירות אישי מהיום הראשון' : 'Personal service from day one', productDetails: language === 'he' ? 'מוצר לבדיקה עם שירות אישי ומחיר קבוע' : 'A product for testing with personal service and a fixed price' };
}

/** Two claims one person cannot both make (in any line they say, or on their card). */
const CLASHES: { what: string; a: RegExp; b: RegExp }[] = [
  { what: 'self-employed vs employer cover / shifts', a: /self-employed|freelancer|עצמאי|פרילנסר|בעל[ת]? עסק/i, b: /through (work|my employer)|דרך (העבודה|המעסיק)|\bshifts\b|משמרות/i },
  { what: 'retiree vs small kids / work', a: /\bretiree\b|\bretired\b|pensioner|פנסיונר|גמלאי/i, b: /small kids|ילדים קטנים|through work|דרך העבודה|\bshifts\b|משמרות|my boss|הבוס/i },
  { what: 'decides alone vs not alone', a: /I decide on my own|אני (מחליט|מחליטה) לבד/i, b: /not only me|לא רק אני/i },
  { what: 'no children vs children', a: /No kids|אין ילדים/i, b: /\b(my|our|the|three|four|two|small) kids\b|ילדים קטנים|שלושה ילדים|ארבעה ילדים|שני ילדים/i },
  { what: 'student vs spouse / mortgage / kids', a: /\bstudent\b|סטודנט/i, b: /my (wife|husband)|אשתי|בעלי(?!ם)|mortgage|משכנתא|small kids|ילדים קטנים/i },
  { what: 'renting vs owning', a: /I'm renting|in rent\b|אני גר\S* בשכירות|שכירות של/i, b: /I own a flat|יש לי דירה ואני|A mortgage of|משכנתא של/i },
  { what: 'lives alone vs a partner', a: /it is just me|רק אני\.$|^אין ילדים, רק אני/i, b: /my (wife|husband)|אשתי|בעלי(?!ם)/i },
];

describe('facts that hold: every persona, every line', () => {
  it('no line the customer may say and nothing on the persona card contradicts the persona or another line (all packs, he/en, every scenario type, several seeds)', () => {
    const problems: string[] = [];
    let personas = 0;
    for (const pack of PACK_IDS) {
      for (const language of ['he', 'en'] as const) {
        for (const scenarioType of SCENARIO_TYPES) {
          for (const seed of [1, 2, 3, 5, 8]) {
            const q = pack === 'insurance' && language === 'he' ? undefined : company(pack, language);
            const c = demoCustomer({ scenarioType, language, seed, ...(q ? { questionnaire: q } : {}) });
            personas++;
            const params = c.offline;
            const traits = params.traits!;
            const p = consistentParams(params);
            const facts = factSheetFor(params).answers;
            const said = [
              ...Object.values(facts).filter((x): x is string => !!x),
              ...p.objections.flatMap((o) => [...o.lines, ...o.pushbacks]),
              ...p.plantedDetails.map((d) => d.text),
              ...p.hiddenNeeds.flatMap((n) => n.revealLines),
              ...p.facts.flatMap((f) => f.lines),
              ...(p.phrases.buyingSignals ?? []),
            ];
            const card = [c.customer.role, c.customer.background, c.customer.currentSituation, ...(c.voice.card.facts ?? [])];
            const id = `${pack}/${language}/${scenarioType}/${seed} (${c.customer.role}, ${c.customer.age})`;
            for (const line of [...said, ...card]) {
              const why = clashesWith(line, traits);
              if (why) problems.push(`${id}: ${why}: «${line}»`);
            }
            const all = [...said, ...card];
            for (const x of CLASHES) {
              const a = all.find((l) => x.a.test(l));
              const b = all.find((l) => x.b.test(l) && l !== a);
              if (a && b) problems.push(`${id}: ${x.what}: «${a}» vs «${b}»`);
            }
            // The card shows the customer's own answers, word for word.
            for (const f of c.voice.card.facts ?? []) if (!Object.values(facts).some((x) => x && f.startsWith(x.trim().replace(/[.?!]$/, '')))) problems.push(`${id}: card fact not in the fact sheet: «${f}»`);
            // Whoever the customer says they are with is who their lines say they are with.
            const withLine = said.find((l) => /I have been with (\S+)|אני עם (\S+) (עשר|כבר)/.test(l));
            if (withLine && facts.provider && !facts.provider.includes((/I have been with (\S+)|אני עם (\S+)/.exec(withLine)![1] ?? /אני עם (\S+)/.exec(withLine)![1]).replace(/[.,]$/, ''))) problems.push(`${id}: provider «${facts.provider}» vs «${withLine}»`);
          }
        }
      }
    }
    expect(personas).toBeGreaterThanOrEqual(PACK_IDS.length * 2 * SCENARIO_TYPES.length * 5);
    if (problems.length) console.log(`${problems.length} problems\n` + [...new Set(problems.map((x) => x.replace(/^[^:]+: /, "")))].slice(0, 80).join("\n"));
    expect(problems.slice(0, 40)).toEqual([]);
  });
});
