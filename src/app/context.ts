import path from 'node:path';
import type { Config } from '../config/index.ts';
import { openDatabase, createRepositories, type Database, type Repositories } from '../db/index.ts';
import { createAuthService, type AuthService } from '../auth/index.ts';
import { createOrgService, createQuotaService, createBillingService, type OrgService, type QuotaService, type BillingService } from '../org/index.ts';
import { JobQueue } from '../jobs/index.ts';
import { createCallsService, callAnalyzerFromConfig, transcriberFromConfig, type CallsService } from '../calls/index.ts';
import { createSimulationService, nodeIdOf, SessionOwnership, type SimulationService } from '../voice/index.ts';
import { createDashboardService, createPracticeService, practiceReportTap, type DashboardService, type PracticeService } from '../analytics/index.ts';
import { CoachingWorkerHost } from '../coaching/index.ts';
import { createPersonaService, type PersonaService } from '../personas/index.ts';
import { createLiveBus, createLiveDirectory, liveObservation, type LiveBus, type LiveDirectory } from '../live/index.ts';

/**
 * The composition root: one object holding configuration, the database and every domain service.
 * buildApp, the CLI and tests create it; domains never build each other.
 */
export interface AppContext {
  config: Config;
  database: Database;
  repos: Repositories;
  auth: AuthService;
  org: OrgService;
  quotas: QuotaService;
  billing: BillingService;
  /** The durable job queue (started by the CLI's background starters, or by tests). */
  jobs: JobQueue;
  /** Call upload, processing and reports. */
  calls: CallsService;
  /** Practice simulations: start, live sessions (WebSocket), history. */
  simulations: SimulationService;
  /** Scenarios (versioned), assignments, weakness profiles, "practise next", persona previews and practice personas. */
  personas: PersonaService;
  /** Practice session reports (stored by the coaching tap), sharing, progress and team practice views. */
  practice: PracticeService;
  /** The agent's and the manager's dashboards (weekly scores, open weaknesses, team trend, who needs attention). */
  dashboards: DashboardService;
  /** The worker thread running every live session's coaching (its memory is read by the benchmarks). */
  coachingWorker: CoachingWorkerHost;
  /** Live calls seen from outside (issue 17): the event bus between nodes and the directory of calls in progress. */
  live: { bus: LiveBus; directory: LiveDirectory; nodeId: string };
  /** Things to stop when the app closes (job workers, engines), run in reverse order. */
  onClose: (() => Promise<void> | void)[];
}

/** An upload nothing has written to for this long is abandoned (a slow link still writes every few seconds). */
const UPLOAD_IDLE_MS = 30 * 60_000;

export async function createContext(config: Config, database?: Database): Promise<AppContext> {
  const db =
    database ??
    (await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: path.join(config.DATA_DIR, 'pgdata') }));
  const repos = createRepositories(db);
  const quotas = createQuotaService(repos);
  // PGlite belongs to this process alone, so jobs found running at start were orphaned by a crash
  const jobs = new JobQueue(repos, { exclusive: db.kind === 'pglite' });
  const calls = createCallsService({ config, repos, quotas, jobs, analyzer: callAnalyzerFromConfig(config), transcriber: transcriberFromConfig(config) });
  // temp files of uploads a crash interrupted: removed now, and idle ones every 10 minutes
  const stopSweep = await calls.sweepUploads({ idleMs: UPLOAD_IDLE_MS, everyMs: 10 * 60_000 });
  const personas = createPersonaService({ repos });
  // leases of live calls: on PostgreSQL another node takes a call over when its node dies (issue 17)
  const ownership = new SessionOwnership({ repo: repos.cluster, nodeId: nodeIdOf(config), log: (msg, err) => console.warn(`[cluster] ${msg}${err ? `: ${(err as Error).message ?? err}` : ''}`) });
  const simulations = createSimulationService({ config, repos, quotas, personas, exclusive: db.kind === 'pglite', ownership });
  await simulations.recover();
  const practice = createPracticeService(repos);
  const coachingLog = (msg: string, err?: unknown) => console.warn(`[coaching] ${msg}${err ? `: ${(err as Error).message ?? err}` : ''}`);
  // the live coaching of every session runs in one worker thread, off the thread that relays the calls' audio
  const coachingWorker = new CoachingWorkerHost(coachingLog);
  simulations.addTap(practiceReportTap({ practice, repos, log: coachingLog, worker: coachingWorker }));
  // several nodes (REDIS_URL): live events over Redis, the live list from the PostgreSQL leases (src/live/cluster.ts)
  const nodeId = nodeIdOf(config);
  const live = { bus: createLiveBus(config), directory: createLiveDirectory(config.REDIS_URL && db.kind === 'postgres' ? { repo: repos.cluster, nodeId } : undefined), nodeId };
  simulations.observeLive(liveObservation({ ...live, log: (msg, err) => console.warn(`[live] ${msg}${err ? `: ${(err as Error).message ?? err}` : ''}`) }));
  return {
    config,
    database: db,
    repos,
    auth: createAuthService(repos, config),
    org: createOrgService(repos),
    quotas,
    billing: createBillingService(repos),
    jobs,
    calls,
    simulations,
    practice,
    dashboards: createDashboardService(repos),
    personas,
    coachingWorker,
    live,
    // run in reverse order: live sessions end (and get their reports from the worker) before the worker stops
    onClose: [() => live.bus.close(), () => coachingWorker.close(), async () => void (await jobs.stop()), () => simulations.close(), stopSweep],
  };
}
