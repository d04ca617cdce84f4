import { newId } from '../core/index.ts';
import type { Repositories } from '../db/index.ts';
import type { OrgService } from './service.ts';
import { DEMO_QUESTIONNAIRE } from './demo-questionnaire.ts';

export const DEMO_PASSWORD = 'salesgym-demo';
export const DEMO_USERS = [
  { email: 'owner@demo.salesgym.dev', name: 'אורית בר־און', role: 'super_admin' },
  { email: 'admin@demo.salesgym.dev', name: 'רון שגב', role: 'admin' },
  { email: 'manager@demo.salesgym.dev', name: 'מיכל לוי', role: 'manager' },
  { email: 'agent1@demo.salesgym.dev', name: 'יוסי כהן', role: 'agent' },
  { email: 'agent2@demo.salesgym.dev', name: 'נועה מזרחי', role: 'agent' },
  { email: 'agent3@demo.salesgym.dev', name: 'דניאל אברהם', role: 'agent' },
] as const;

/** Seeds the demo insurance agency, its users, team, questionnaire and seat packages. Returns the company id. */
export async function seedPlatformDemo(repos: Repositories, org: OrgService): Promise<string> {
  for (const u of DEMO_USERS.filter((u) => u.role === 'super_admin' || u.role === 'admin')) {
    await org.createStaff({ email: u.email, name: u.name, password: DEMO_PASSWORD, role: u.role as 'admin' | 'super_admin' });
  }
  const { company } = await org.createCompany({
    name: 'מגן ביטוחים',
    sector: 'insurance',
    seatLimit: 5,
    analysesPerMonth: 100,
    simMinutesPerMonth: 600,
    isDemo: true,
  });
  const team = await repos.teams.insert({ id: newId(), companyId: company.id, name: 'צוות מכירות טלפוניות' });
  for (const u of DEMO_USERS.filter((u) => u.role === 'manager' || u.role === 'agent')) {
    await org.addMember(company.id, {
      email: u.email,
      name: u.name,
      password: DEMO_PASSWORD,
      role: u.role as 'manager' | 'agent',
      teamId: team.id,
    });
  }
  await org.saveQuestionnaire(company.id, DEMO_QUESTIONNAIRE, null);
  if ((await repos.billing.listPackages(true)).length === 0) {
    for (const p of [
      { name: 'חבילת 5 מושבים', seats: 5, priceCents: 149_000 },
      { name: 'חבילת 10 מושבים', seats: 10, priceCents: 269_000 },
      { name: 'חבילת 25 מושבים', seats: 25, priceCents: 599_000 },
    ]) {
      await repos.billing.insertPackage({ id: newId(), ...p, currency: 'ILS', active: true });
    }
    await repos.billing.insertCode({ id: newId(), code: 'WELCOME10', kind: 'percent', value: 10, maxUses: 100, uses: 0, active: true });
  }
  return company.id;
}
