import path from 'node:path';
import type { Config } from '../config/index.ts';
import { openDatabase, createRepositories, type Database, type Repositories } from '../db/index.ts';
import { createAuthService, type AuthService } from '../auth/index.ts';
import { createOrgService, createQuotaService, createBillingService, type OrgService, type QuotaService, type BillingService } from '../org/index.ts';

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
  /** Things to stop when the app closes (job workers, engines), run in reverse order. */
  onClose: (() => Promise<void> | void)[];
}

export async function createContext(config: Config, database?: Database): Promise<AppContext> {
  const db =
    database ??
    (await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: path.join(config.DATA_DIR, 'pgdata') }));
  const repos = createRepositories(db);
  return {
    config,
    database: db,
    repos,
    auth: createAuthService(repos, config),
    org: createOrgService(repos),
    quotas: createQuotaService(repos),
    billing: createBillingService(repos),
    onClose: [],
  };
}
