import { LANGUAGES, SKILL_IDS, SKILL_LABELS, type Language, type SkillId } from '../analysis/index.ts';
import { isAppError } from '../core/index.ts';
import { DEMO_QUESTIONNAIRE } from '../org/demo-questionnaire.ts';
import { questionnaireSchema } from '../org/questionnaire.ts';
import { prepareSession, profileFromManagerChoice, type PersonaSources, type PreparedSession, type WeaknessProfile } from '../personas/index.ts';
import { LEVELS, SCENARIO_TYPES, ScenarioBuilder, isScenarioType, recommendNextScenario, type Level } from '../scenarios/index.ts';
import type { Io } from './start.ts';
import { walkArgs } from './args.ts';
import { OBJECTION_KIND_WORDS, OBJECTION_SOURCE_WORDS, word } from '../i18n/index.ts';

const USAGE = 'usage: salesgym persona --company <id|demo> [--agent <id>] [--weakness SKILL ...] [--scenario TYPE] [--level LEVEL] [--lang he|en] [--seed N] [--json]';

interface Args {
  company?: string;
  agent?: string;
  weaknesses: SkillId[];
  scenario?: string;
  level?: Level;
  lang?: Language;
  seed?: number;
  json: boolean;
}

/** Opens the database only when a company id or an agent is asked for. */
export interface PersonaDeps {
  sources?: () => Promise<{ sources: PersonaSources; demoCompanyId?: string; close: () => Promise<void> }>;
}

function parse(argv: string[]): Args | string {
  const a: Args = { weaknesses: [], json: false };
  const problem = walkArgs(argv, {
    flag(x, r) {
      if (x === '--json') a.json = true;
      else if (x === '--company') a.company = r.value();
      else if (x === '--agent') a.agent = r.value();
      else if (x === '--weakness') a.weaknesses.push(...r.manyOf(SKILL_IDS));
      else if (x === '--scenario') {
        const v = r.value();
        if (!isScenarioType(v)) return `--scenario must be one of ${SCENARIO_TYPES.join(', ')} (got "${v}")`;
        a.scenario = v;
      } else if (x === '--level') a.level = r.oneOf(LEVELS);
      else if (x === '--lang') a.lang = r.oneOf(LANGUAGES);
      else if (x === '--seed') a.seed = r.wholeNumber();
      else return `unknown option ${x}`;
    },
  });
  if (problem) return problem;
  return a.company ? a : 'missing --company (a company id, or "demo")';
}

/** `salesgym persona`: prints a persona, its targeting and its compiled instructions (or one JSON document). */
export async function runPersona(argv: string[], io: Io, deps: PersonaDeps = {}): Promise<number> {
  const a = parse(argv);
  if (typeof a === 'string') {
    io.err(`${a}\n${USAGE}`);
    return 2;
  }
  const needsDb = a.company !== 'demo' || a.agent !== undefined;
  let closeDb = async () => {};
  try {
    let questionnaire = { version: 1, data: questionnaireSchema.parse(DEMO_QUESTIONNAIRE), companyId: undefined as string | undefined };
    let analyses: Awaited<ReturnType<PersonaSources['analyses']>> = [];
    if (needsDb) {
      const opened = await (deps.sources ?? openSources)();
      closeDb = opened.close;
      const companyId = a.company === 'demo' ? opened.demoCompanyId : a.company!;
      if (!companyId) throw new Error('The demo company is not in the database; run `salesgym demo --reset` first.');
      const q = await opened.sources.questionnaire(companyId);
      if (!q) throw new Error(`Company "${a.company}" has no questionnaire yet; a manager fills it in under Company → Questionnaire.`);
      questionnaire = { ...q, companyId };
      if (a.agent) analyses = await opened.sources.analyses(a.agent);
    }
    const prior: WeaknessProfile | undefined = a.weaknesses.length ? profileFromManagerChoice(a.weaknesses) : undefined;
    const lang = a.lang ?? questionnaire.data.language;
    const rec = recommendNextScenario(prior && analyses.length === 0 ? prior : { basis: analyses.length ? 'analyses' : 'none', top: [], skills: [] });
    const type = a.scenario ?? a.weaknesses[0] ?? (analyses.length ? undefined : rec.type);
    let session: PreparedSession;
    if (type) {
      session = prepareSession({ questionnaire, analyses, prior, seed: a.seed ?? 1, scenario: ScenarioBuilder.create(type, a.level ?? (a.weaknesses.length ? 'intermediate' : rec.level), lang).build() });
    } else {
      // An agent with calls: practise what the profile says, at the level the profile suggests.
      const probe = prepareSession({ questionnaire, analyses, prior, seed: a.seed ?? 1, scenario: ScenarioBuilder.create('discovery', 'intermediate', lang).build() });
      const next = recommendNextScenario(probe.profile);
      session = prepareSession({ questionnaire, analyses, prior, seed: a.seed ?? 1, scenario: ScenarioBuilder.create(next.type, a.level ?? next.level, lang).build() });
    }
    io.out(a.json ? JSON.stringify(toJson(session), null, 2) : toText(session));
    return 0;
  } catch (e) {
    io.err(isAppError(e) || e instanceof Error ? e.message : String(e));
    return 1;
  } finally {
    await closeDb();
  }
}

async function openSources() {
  const { loadConfig } = await import('../config/index.ts');
  const { createContext } = await import('../app/index.ts');
  const { personaSourcesFromRepos } = await import('../personas/index.ts');
  const ctx = await createContext(loadConfig());
  const demo = await ctx.repos.companies.findDemo();
  return { sources: personaSourcesFromRepos(ctx.repos), demoCompanyId: demo?.id, close: () => ctx.database.close() };
}

function toJson(s: PreparedSession) {
  const p = s.persona;
  return {
    name: p.name,
    language: p.language,
    level: p.level,
    scenario: s.scenario.type,
    seed: p.seed,
    questionnaireVersion: s.questionnaireVersion,
    targets: p.targets.map((t) => t.skill),
    targeting: p.targets,
    objections: p.objections.map((o) => ({ kind: o.kind, text: o.text, source: o.source, intensity: o.intensity })),
    hiddenNeeds: p.hiddenNeeds.map((n) => n.need),
    instructions: s.instructions,
    persona: p,
    offline: s.offline,
  };
}

function toText(s: PreparedSession): string {
  const p = s.persona;
  const he = p.language === 'he';
  const L = (h: string, e: string) => (he ? h : e);
  const lines = [
    `${p.name} · ${p.age} · ${p.role}${p.organization ? ` · ${p.organization}` : ''}`,
    `${L('תרחיש', 'Scenario')}: ${s.scenario.name}${he ? '' : ` (${s.scenario.type})`} · ${L('זרע', 'seed')} ${p.seed} · ${L('גרסת שאלון ', 'questionnaire v')}${s.questionnaireVersion}`,
    p.background,
    `${L('אופי', 'Personality')}: ${p.personality.traits.join(', ')} — ${p.personality.summary}`,
    '',
    L('מה הפרסונה מתרגלת:', 'What this persona trains:'),
    ...p.targets.map((t) => `  • ${SKILL_LABELS[t.skill][p.language]}: ${t.how}`),
    '',
    L('התנגדויות:', 'Objections:'),
    ...p.objections.map((o) => `  ${o.order}. [${word(OBJECTION_KIND_WORDS, o.kind, p.language)}, ${word(OBJECTION_SOURCE_WORDS, o.source, p.language)}] ${o.text}`),
    '',
    L('צרכים נסתרים:', 'Hidden needs:'),
    ...p.hiddenNeeds.map((n) => `  • ${n.need}`),
    '',
    L('— הוראות למודל —', '— Model instructions —'),
    s.instructions,
  ];
  return lines.join('\n');
}
