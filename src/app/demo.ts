import { seedPlatformDemo, DEMO_USERS, DEMO_PASSWORD } from '../org/index.ts';
import { sql } from '../db/index.ts';
import type { AppContext } from './context.ts';
import { seedDemoCalls } from '../calls/index.ts';
import { seedDemoPersonas } from '../personas/index.ts';
import { seedDemoPractice } from '../analytics/index.ts';

/** Domain seeders run after the platform's, in order, each given the demo company id. */
export type DemoSeeder = (ctx: AppContext, companyId: string) => Promise<void>;
const seeders: DemoSeeder[] = [];
export const registerDemoSeeder = (s: DemoSeeder) => void seeders.push(s);

/** Seeds the demo company when the database has no users at all. Returns true when it seeded. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<boolean> {
  const stats = await ctx.repos.companies.stats();
  if (stats.users > 0) return false;
  await seedDemo(ctx);
  return true;
}

export async function seedDemo(ctx: AppContext): Promise<string> {
  const companyId = await seedPlatformDemo(ctx.repos, ctx.org);
  for (const s of seeders) await s(ctx, companyId);
  return companyId;
}

/** Removes every demo user and the demo company, then seeds again. */
export async function resetDemo(ctx: AppContext): Promise<string> {
  const demo = await ctx.repos.companies.findDemo();
  if (demo) await ctx.repos.companies.delete(demo.id);
  for (const u of DEMO_USERS) {
    const row = await ctx.repos.users.byEmail(u.email);
    if (row) await ctx.database.rows(sqlDeleteUser(row.id));
  }
  return seedDemo(ctx);
}

const sqlDeleteUser = (id: string) => sql`DELETE FROM users WHERE id = ${id}`;

export function demoBanner(): string {
  const lines = DEMO_USERS.map((u) => `    ${u.role.padEnd(12)} ${u.email}`);
  return [
    '',
    '  ⚠  Demo users exist (password: ' + DEMO_PASSWORD + '). Set SALESGYM_DEMO=false for an empty start,',
    '     and change or deactivate these accounts before real use:',
    ...lines,
    '',
  ].join('\n');
}

// analysed demo calls for the demo agents (calls domain)
registerDemoSeeder((ctx, companyId) => seedDemoCalls(ctx, companyId).then(() => undefined));
// scenarios, a manager assignment and a "practise next" persona per demo agent (after the calls: it reads their analyses)
registerDemoSeeder((ctx, companyId) => seedDemoPersonas(ctx, companyId).then(() => undefined));
// weeks of practice history through the real practice pipeline, for the dashboards (after the personas: it assigns)
registerDemoSeeder((ctx, companyId) => (ctx.config.SALESGYM_DEMO_HISTORY ? seedDemoPractice(ctx, companyId).then(() => undefined) : Promise.resolve()));
