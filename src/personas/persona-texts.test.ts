import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LEVELS, SCENARIO_TYPES, defaultScenario, type Level, type ScenarioType } from '../scenarios/index.ts';
import { buildCompanyContext, type CompanyContext } from './company-context.ts';
import { compileInstructions } from './instructions.ts';
import { compileOfflineBrainParams, type OfflineBrainParams } from './offline-params.ts';
import { personaForScenario } from './persona-generator.ts';
import type { CustomerPersona } from './persona-schema.ts';
import { demoQuestionnaire, saasQuestionnaire } from './test-fixtures.ts';
import { genderize, hasHebrew, type Gender } from './text.ts';
import { profileFromManagerChoice } from './weakness-profile.ts';

const SEEDS = [1, 2, 3, 7, 42];
const GENDERS: Gender[] = ['male', 'female'];

interface Generated { label: string; persona: CustomerPersona; params: OfflineBrainParams; instructions: string }

/** Every scenario type × level × seed × gender for a context. */
function* everyPersona(ctx: CompanyContext): Generator<Generated> {
  for (const type of SCENARIO_TYPES) for (const level of LEVELS) for (const seed of SEEDS) for (const gender of GENDERS) {
    const s = defaultScenario(type as ScenarioType, level as Level, ctx.language);
    const persona = personaForScenario({ ...s, personaOverrides: { ...s.personaOverrides, gender } }, profileFromManagerChoice([s.targetSkills[0] ?? 'discovery']), ctx, [], { seed });
    yield { label: `${type}/${level}/seed ${seed}/${gender}`, persona, params: compileOfflineBrainParams(persona, s), instructions: compileInstructions(persona, s) };
  }
}

/** Every string inside a value with its path (machine-readable levers skipped). */
function strings(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, path));
  if (value && typeof value === 'object') return Object.entries(value).filter(([k]) => k !== 'levers').flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

/** What the customer says aloud in the offline brain. */
function spokenLines(p: OfflineBrainParams): string[] {
  return [
    p.opening.firstLine,
    ...p.objections.flatMap((o) => [...o.lines, ...o.pushbacks, ...o.acceptLines]),
    ...p.hiddenNeeds.flatMap((n) => n.revealLines),
    ...p.facts.flatMap((f) => f.lines),
    ...p.technicalQuestions.map((q) => q.text),
    ...p.plantedDetails.map((d) => d.text),
    ...p.stakeholders.flatMap((s) => s.lines),
    ...Object.values(p.phrases).flat(),
  ];
}

/** Broken gender forms: leftover markup, unfilled slots, a final letter inside a word, a masculine word fused with a suffix. */
function brokenHebrew(text: string): string | null {
  const m = /[[\]|]/.exec(text) ?? /\{\w+\}/.exec(text) ?? /[םןךףץ][\u05D0-\u05EA]/.exec(text) ?? /[\u05D0-\u05EA]{2,}ה(?:תה|ת|ית)(?=[^\u05D0-\u05EA]|$)/.exec(text) ?? /([\u05D0-\u05EA]{3,})ת\1(?=[^\u05D0-\u05EA]|$)/.exec(text);
  return m ? text.slice(Math.max(0, m.index - 20), m.index + 20) : null;
}

const heCtx = buildCompanyContext({ version: 2, data: demoQuestionnaire() });
const enDemoCtx = buildCompanyContext({ version: 2, data: demoQuestionnaire() }, { language: 'en' });
const enSaasCtx = buildCompanyContext({ version: 1, data: saasQuestionnaire({ competitors: [{ name: 'HubSpot' }, { name: 'מאנדיי' }, { name: 'ספק מקומי כלשהו' }] }) });

describe('Hebrew persona texts have well-formed gender forms', () => {
  it('no leftover [m|f] markup, unfilled {slot}, final letter inside a word or fused suffix in any generated text (types × levels × seeds × genders)', () => {
    const problems: string[] = [];
    for (const g of everyPersona(heCtx)) {
      for (const { path, text } of [...strings(g.persona, 'persona'), ...strings(g.params, 'params'), { path: 'instructions', text: g.instructions }]) {
        const bad = brokenHebrew(text);
        if (bad) problems.push(`${g.label} ${path}: …${bad}…`);
      }
    }
    expect([...new Set(problems)].slice(0, 10)).toEqual([]);
  });

  it('the detector catches the glitches it is meant to', () => {
    expect(brokenHebrew('פותחת בחשדנות ונותןת לנציג')).not.toBeNull();
    expect(brokenHebrew('לפני שינסה[|תנסה] לסיים')).not.toBeNull();
    expect(brokenHebrew(genderize('לפני שינסהתנסה לסיים', 'female'))).not.toBeNull();
    expect(brokenHebrew('עולה {price} לחודש')).not.toBeNull();
    expect(brokenHebrew(genderize('פותח[|ת] ונותן[|ת] לנציג זמן לפני [שינסה|שתנסה] לסיים; מתלבט[|ת] ונעים[|ה]', 'female'))).toBeNull();
  });

  it('every [m|f] in the persona domain source either gives two whole words or adds a suffix (ה, ת, ית, תה, י)', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const files = [...readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(here, f)),
      ...readdirSync(join(here, 'packs')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(here, 'packs', f))];
    const bad: string[] = [];
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/([\u05D0-\u05EA]*)\[([\u05D0-\u05EA ]*)\|([\u05D0-\u05EA ]*)\]/g)) {
        const [all, stem, masc, fem] = m;
        const suffix = masc === '' ? fem : fem === '' ? masc : null;
        // A suffix must be short and attach to a word; whole alternatives must not be glued to a stem.
        if (suffix !== null ? !(stem.length > 0 && /^(?:ה|ת|ית|תה|נית|י)$/.test(suffix)) : stem.length > 0 && !/^[ובלשהמכ]{1,2}$/.test(stem)) bad.push(`${f.split('/').pop()}: ${all}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('English personas never speak Hebrew', () => {
  for (const [name, ctx] of [['the Hebrew demo company', enDemoCtx], ['a company with some Hebrew competitor names', enSaasCtx]] as const) {
    it(`no Hebrew letters in spoken lines or instructions for ${name} (types × levels × seeds × genders)`, () => {
      const problems: string[] = [];
      for (const g of everyPersona(ctx)) {
        for (const text of [...spokenLines(g.params), g.instructions, ...strings(g.persona).map((x) => x.text)]) {
          if (hasHebrew(text)) problems.push(`${g.label}: ${text.slice(0, 80)}`);
        }
      }
      expect([...new Set(problems)].slice(0, 10)).toEqual([]);
    });
  }

  it("names the demo company's competitors by their English names", () => {
    expect(enDemoCtx.competitors.map((c) => c.name)).toEqual(['Direct Insurance', 'Phoenix Insurance']);
    expect(enSaasCtx.competitors.map((c) => c.name)).toEqual(['HubSpot', 'monday.com']);
    expect(enSaasCtx.notes.join(' ')).toMatch(/competitor/);
    const s = defaultScenario('competitor_comparison', 'intermediate', 'en');
    const p = personaForScenario(s, profileFromManagerChoice(['objection_handling']), enDemoCtx, [], { seed: 3 });
    expect(['Direct Insurance', 'Phoenix Insurance']).toContain(p.competitor?.name);
    expect(p.objections.find((o) => o.kind === 'competitor')?.text).toContain(p.competitor!.name);
  });
});

describe('the customer speaks its facts in the first person', () => {
  const FIRST_HE = /(?:^|\s)(?:אני|אנחנו|לי|שלי|לנו|שלנו|[\u05D0-\u05EA]+תי)(?=\s|$|[.,;:!?—])/;
  const FIRST_EN = /\b(?:I|I'm|I've|my|me|we|we're|our|us)\b/i;
  for (const [lang, ctx, first] of [['he', heCtx, FIRST_HE], ['en', enDemoCtx, FIRST_EN], ['en (SaaS)', enSaasCtx, FIRST_EN]] as const) {
    it(`fact answers, budget and timeline are first person (${lang})`, () => {
      const third: string[] = [];
      for (const g of everyPersona(ctx)) {
        for (const line of [...g.params.facts.flatMap((f) => f.lines), ...g.params.phrases.budget, ...g.params.phrases.timeline]) {
          if (!first.test(line)) third.push(`${g.label}: ${line}`);
        }
      }
      expect([...new Set(third)].slice(0, 10)).toEqual([]);
    });
  }

  it('keeps third-person descriptions for the model and the card, and first person in the persona\'s gender for Hebrew speech', () => {
    const s = defaultScenario('discovery', 'intermediate', 'he');
    const female = personaForScenario({ ...s, personaOverrides: { ...s.personaOverrides, gender: 'female' } }, profileFromManagerChoice(['discovery']), heCtx, [], { seed: 11 });
    expect(female.spoken).toBeDefined();
    expect(female.spoken!.situation).not.toBe(female.currentSituation);
    expect(compileInstructions(female, s)).toContain(female.currentSituation);
    const params = compileOfflineBrainParams(female, s);
    expect(params.facts[0].lines).toEqual([female.spoken!.situation]);
    expect(params.facts.flatMap((f) => f.lines)).not.toContain(female.background);
    // "I'm an HR manager", "I'm a retiree", "We're a young couple…"
    const en = personaForScenario(defaultScenario('discovery', 'intermediate', 'en'), profileFromManagerChoice(['discovery']), enDemoCtx, [], { seed: 11 });
    expect(en.spoken!.intro).toMatch(/^(?:I'm|We're) an? /);
  });
});
