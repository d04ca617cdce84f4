import type { AppContext } from '../app/index.ts';
import { SKILL_LABELS } from '../analysis/index.ts';
import { levelForSkill, scenarioTypeForSkill } from '../scenarios/index.ts';

/** What the demo seeder made, per agent (for the banner and tests). */
export interface DemoPersonaSeed {
  agentUserId: string;
  email: string;
  topWeakness: string | null;
  scenarioType: string;
  personaId: string;
  targets: string[];
  assignmentId: string | null;
}

const DAY = 86_400_000;

/**
 * Demo personas, after the demo calls are analysed: the manager builds a scenario aimed at the first agent's
 * top weakness and assigns it (due in five days), adds a company-specific competitor scenario for the team,
 * and every demo agent gets a stored "practise next" persona aimed at their own weaknesses.
 */
export async function seedDemoPersonas(ctx: AppContext, companyId: string): Promise<DemoPersonaSeed[]> {
  const users = await ctx.repos.users.listByCompany(companyId);
  const manager = users.find((u) => u.role === 'manager');
  const agents = users.filter((u) => u.role === 'agent' && u.active).sort((a, b) => a.email.localeCompare(b.email));
  if (!manager || agents.length === 0) return [];
  if (!(await ctx.repos.questionnaires.latest(companyId))) return [];

  let assignment: { agentUserId: string; id: string } | null = null;
  const first = agents[0];
  const profile = await ctx.personas.weaknessProfile(first.id);
  const top = profile.top[0];
  if (top) {
    const s = profile.skills.find((x) => x.skill === top)!;
    const built = await ctx.personas.createScenario(manager, companyId, {
      type: scenarioTypeForSkill(top),
      level: levelForSkill(s.score, s.weakness),
      name: `תרגול אישי: ${SKILL_LABELS[top].he}`,
      notes: `מבוסס על השיחות האחרונות שלך: ${SKILL_LABELS[top].he} היא נקודת החולשה המרכזית. תרגל/י עד שהלקוח מסכים לצעד הבא.`,
    });
    const [a] = await ctx.personas.assign(manager, companyId, { scenarioId: built.id, agentUserIds: [first.id], dueAt: new Date(Date.now() + 5 * DAY), note: 'לפני ישיבת הצוות של יום חמישי' });
    assignment = { agentUserId: first.id, id: a.id };
  }
  await ctx.personas.createScenario(manager, companyId, {
    type: 'competitor_comparison',
    level: 'advanced',
    name: 'לקוח שקיבל הצעה מהמתחרה',
    notes: 'הלקוח מחזיק הצעה זולה יותר. הראו את הבידול בלי להשמיץ את המתחרה.',
  });

  const out: DemoPersonaSeed[] = [];
  for (const agent of agents) {
    const next = await ctx.personas.practiseNext(agent.id);
    if (!next.preview) continue;
    const row = await ctx.personas.storeRecommendation(companyId, agent.id, next.preview, next.assignment?.scenarioId ?? null, manager.id);
    out.push({
      agentUserId: agent.id,
      email: agent.email,
      topWeakness: next.profile.top[0] ?? null,
      scenarioType: next.scenario.type,
      personaId: row.id,
      targets: next.preview.persona.targets.map((t) => t.skill),
      assignmentId: assignment?.agentUserId === agent.id ? assignment.id : null,
    });
  }
  return out;
}
