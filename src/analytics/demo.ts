/**
 * The demo company's practice history, so a newcomer's dashboards show weeks of real data: each demo agent's
 * typed practice calls are played through the real SimulationService (the persona engine's customer aimed at
 * their weaknesses, the offline brain, the live coaching and the scored report stored by the coaching tap),
 * then dated back across the last weeks. The agent's lines are scripts of graded quality (samples/scripts:
 * the good call's first lines, then the poor call's pushing), so scores move because the calls differ, not
 * because a number was written down. Stories: יוסי improves with practice, נועה slips in the last two weeks,
 * דניאל stopped practising three weeks ago and has an overdue assignment.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WebSocket } from 'ws';
import type { AppContext } from '../app/index.ts';
import { sql } from '../db/index.ts';

const DAY = 86_400_000;
const SCRIPTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples/scripts');
const lines = (f: string) => readFileSync(path.join(SCRIPTS_DIR, f), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

/** Fillers and hedges a hesitant agent starts lines with (gender-neutral in Hebrew). */
const HESITANT: Record<'he' | 'en', string[]> = { he: ['אממ, אולי... ', 'כאילו, סליחה, '], en: ['Um, maybe... ', 'I mean, sorry, '] };

/**
 * The agent's lines at quality `q` (0..5): q = 5 the good call, q = 0 the poor call; in between the good call's
 * first lines (opening, discovery, recap…) and then the poor call's pitch and pushing. Below 5 every third line
 * starts with a filler or a hedge, below 3 every other one, as a hesitant agent's do.
 */
export function gradedScript(q: number, lang: 'he' | 'en' = 'he'): string[] {
  const good = lines(`good-${lang}.txt`);
  const poor = lines(`poor-${lang}.txt`);
  if (q >= 5) return good;
  const keep = q <= 0 ? 0 : Math.round((good.length * q) / 5);
  const pushing = q <= 0 ? poor : poor.slice(Math.min(poor.length - 3, 1 + Math.floor(q)));
  const every = q < 3 ? 2 : 3;
  return [...good.slice(0, keep), ...pushing].map((l, i) => (i % every === every - 1 ? `${HESITANT[lang][Math.floor(i / every) % 2]}${l}` : l));
}

/** Who practised what, when (days ago) and how well (script quality 0..5). */
export const DEMO_PRACTICE: Record<string, { scenarioType: string; level: 'foundation' | 'intermediate' | 'advanced'; sessions: { daysAgo: number; quality: number }[] }> = {
  'agent1@demo.salesgym.dev': {
    scenarioType: 'discovery', level: 'foundation',
    sessions: [{ daysAgo: 38, quality: 0 }, { daysAgo: 31, quality: 1 }, { daysAgo: 24, quality: 2 }, { daysAgo: 17, quality: 3 }, { daysAgo: 9, quality: 4 }, { daysAgo: 3, quality: 5 }],
  },
  'agent2@demo.salesgym.dev': {
    scenarioType: 'closing', level: 'intermediate',
    sessions: [{ daysAgo: 36, quality: 5 }, { daysAgo: 29, quality: 5 }, { daysAgo: 22, quality: 4 }, { daysAgo: 9, quality: 1 }, { daysAgo: 4, quality: 0 }],
  },
  'agent3@demo.salesgym.dev': {
    scenarioType: 'objection_handling', level: 'intermediate',
    sessions: [{ daysAgo: 33, quality: 1 }, { daysAgo: 26, quality: 2 }, { daysAgo: 19, quality: 2 }],
  },
};

/** Longest wait for the customer's reply or the stored report (ms). */
const WAIT_MS = 30_000;
/**
 * The pause before each typed line (ms): the live coaching measures over session time and its metrics are
 * stored every 10 s, so a call typed at machine speed would have a one-point stress timeline. The calls run
 * side by side, so the whole history takes about as long as its longest call.
 */
export const DEMO_LINE_PACE_MS = 2_000;

/**
 * A WebSocket stand-in for a page typing its lines: what the session sends is read here, what the agent types
 * goes in as the page's frames. The session, engines, coaching and persistence are the real ones.
 */
class ScriptedPage extends EventEmitter {
  readyState = 1;
  bufferedAmount = 0;
  replies = 0;
  ready = false;
  ended = false;
  private waiters: (() => void)[] = [];

  send(data: unknown): void {
    if (typeof data !== 'string') return; // customer audio (none on a typed call)
    const m = JSON.parse(data) as { type: string };
    if (m.type === 'ready') this.ready = true;
    if (m.type === 'customer_transcript_final') this.replies++;
    if (m.type === 'ended') this.ended = true;
    this.wake();
  }
  close(): void {
    if (this.readyState !== 1) return;
    this.readyState = 3;
    this.ended = true;
    this.wake();
    this.emit('close', 1000, Buffer.from(''));
  }
  type(msg: object): void {
    this.emit('message', Buffer.from(JSON.stringify(msg)), false);
  }
  async until(done: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (!done()) {
      if (this.ended) return;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`demo practice: ${what}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => (clearTimeout(t), r()));
      });
    }
  }
  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

/** Plays one typed practice call through the SimulationService and returns its id once its report is stored. */
async function playCall(ctx: AppContext, user: { id: string; role: 'agent'; companyId: string; gender: 'female' | 'male' | null }, scenarioType: string, level: 'foundation' | 'intermediate' | 'advanced', script: string[], seed: number): Promise<string> {
  const created = await ctx.simulations.create(user, { scenarioType, level, language: 'he', mode: 'text', engine: 'offline', seed });
  const id = created.simulation.id;
  const page = new ScriptedPage();
  await ctx.simulations.attach(id, page as unknown as WebSocket);
  page.type({ type: 'start', v: 1, mode: 'text' });
  await page.until(() => page.ready, 'the practice call did not start');
  const row = await ctx.repos.simulations.byId(id);
  if ((row?.personaSnapshot as { voice?: { customerSpeaksFirst?: boolean } } | undefined)?.voice?.customerSpeaksFirst) await page.until(() => page.replies >= 1, 'no greeting');
  for (const line of script) {
    if (page.ended) break;
    await new Promise((r) => setTimeout(r, DEMO_LINE_PACE_MS));
    if (page.ended) break;
    const want = page.replies + 1;
    page.type({ type: 'agent_text', text: line });
    await page.until(() => page.replies >= want, 'the customer did not answer');
  }
  if (!page.ended) await ctx.simulations.end(id);
  await ctx.simulations.session(id)?.done();
  const deadline = Date.now() + WAIT_MS;
  while (!(await ctx.repos.reports.bySimulation(id))) {
    if (Date.now() > deadline) throw new Error(`demo practice: the report of ${id} was not stored`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return id;
}

/**
 * Moves a finished practice call (row, report) `daysAgo` days back, keeping its length; the practice seconds it
 * used move with it to that month's usage, so "this month" counts only what was practised this month.
 */
async function dateBack(ctx: AppContext, simulationId: string, daysAgo: number): Promise<void> {
  const shift = `${daysAgo * 86_400} seconds`;
  await ctx.database.rows(sql`UPDATE simulations SET created_at = created_at - ${shift}::interval, started_at = started_at - ${shift}::interval, ended_at = ended_at - ${shift}::interval WHERE id = ${simulationId}`);
  await ctx.database.rows(sql`UPDATE session_reports SET created_at = created_at - ${shift}::interval WHERE simulation_id = ${simulationId}`);
  const sim = await ctx.repos.simulations.byId(simulationId);
  const now = new Date().toISOString().slice(0, 7);
  const then = sim?.createdAt.toISOString().slice(0, 7);
  const seconds = sim?.secondsUsed ?? 0;
  if (!sim || !then || then === now || seconds <= 0) return;
  await ctx.database.rows(
    sql`UPDATE usage_counters SET used = greatest(0, used - ${seconds}) WHERE company_id = ${sim.companyId} AND kind = 'sim_seconds' AND period = ${now} AND scope IN ('company', ${sim.agentUserId})`,
  );
  await ctx.database.rows(
    sql`INSERT INTO usage_counters (company_id, scope, kind, period, used) VALUES (${sim.companyId}, 'company', 'sim_seconds', ${then}, ${seconds})
        ON CONFLICT (company_id, scope, kind, period) DO UPDATE SET used = usage_counters.used + ${seconds}`,
  );
}

/** Seeds the demo agents' practice history (and one overdue assignment). Returns the number of practice calls. */
export async function seedDemoPractice(ctx: AppContext, companyId: string): Promise<number> {
  const users = await ctx.repos.users.listByCompany(companyId);
  const calls: Promise<void>[] = [];
  for (const [email, plan] of Object.entries(DEMO_PRACTICE)) {
    const u = users.find((x) => x.email === email && x.role === 'agent');
    if (!u) continue;
    for (const [i, s] of plan.sessions.entries()) {
      calls.push(
        playCall(ctx, { id: u.id, role: 'agent', companyId, gender: u.gender ?? null }, plan.scenarioType, plan.level, gradedScript(s.quality), 1000 + i)
          .then((id) => dateBack(ctx, id, s.daysAgo + (i % 3) * 0.13)), // not all at the same hour of the day
      );
    }
  }
  // every call finishes (or fails) before the seeder reports the first failure: none is left running
  const failed = (await Promise.allSettled(calls)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  await overdueAssignment(ctx, companyId, users);
  return calls.length;
}

/** The manager assigned the competitor scenario to the third agent nine days ago, due two days ago: still open. */
async function overdueAssignment(ctx: AppContext, companyId: string, users: Awaited<ReturnType<AppContext['repos']['users']['listByCompany']>>) {
  const manager = users.find((u) => u.role === 'manager');
  const agent = users.find((u) => u.email === 'agent3@demo.salesgym.dev');
  const scenario = (await ctx.personas.listScenarios(companyId)).find((s) => s.scenario.type === 'competitor_comparison');
  if (!manager || !agent || !scenario) return;
  const [a] = await ctx.personas.assign(manager, companyId, { scenarioId: scenario.id, agentUserIds: [agent.id], dueAt: new Date(), note: 'לפני הפגישה עם הלקוח העסקי' });
  const created = new Date(Date.now() - 9 * DAY), due = new Date(Date.now() - 2 * DAY);
  await ctx.database.rows(sql`UPDATE scenario_assignments SET created_at = ${created.toISOString()}::timestamptz, due_at = ${due.toISOString()}::timestamptz WHERE id = ${a.id}`);
}
