/** Builds the SimulationService from the app's configuration, repositories and quota service. */
import os from 'node:os';
import type { Config } from '../config/index.ts';
import { isAppError } from '../core/index.ts';
import type { Repositories, UserRow } from '../db/index.ts';
import type { OfflineBrainFactory, PrepareCustomer } from './customers.ts';
import { SimulationService } from './simulation-service.ts';
import type { SessionOwnership } from './ownership.ts';
import { offlineBrainFromSnapshot, practiceCustomer, type PracticePersonas } from './persona-customer.ts';

export interface SimulationServiceWiring {
  config: Config;
  repos: Repositories;
  quotas: { consume(user: Pick<UserRow, 'id' | 'companyId' | 'analysesCap' | 'simMinutesCap'>, kind: 'sim_seconds', amount?: number): Promise<unknown> };
  /** The persona engine: builds and stores each session's customer (assignments are completed by a passing report, not here). */
  personas: PracticePersonas;
  /** Who the customer is (default: the persona engine's `prepareForPractice`). */
  prepareCustomer?: PrepareCustomer;
  /** Default: the OfflineCustomerBrain from the persona snapshot. */
  offlineBrain?: OfflineBrainFactory;
  /** This process owns the database alone (PGlite): every live row found at start-up is an orphan. */
  exclusive?: boolean;
  resumeWindowMs?: number;
  /** Leases of live calls (takeover when a node dies); see ownership.ts. */
  ownership?: SessionOwnership;
}

/** This node's id in the database: NODE_ID, else host:port (stable across restarts, so a restarted node recognises what it left behind). */
export function nodeIdOf(config: Pick<Config, 'NODE_ID' | 'PORT'>): string {
  return config.NODE_ID ?? `${os.hostname()}:${config.PORT}`;
}

export function createSimulationService(w: SimulationServiceWiring): SimulationService {
  return new SimulationService({
    config: w.config,
    repos: w.repos,
    prepareCustomer: w.prepareCustomer ?? practiceCustomer(w.personas),
    offlineBrain: w.offlineBrain ?? offlineBrainFromSnapshot,
    // assignments are not completed when the call ends: only a passing report completes one (PracticeService.storeReport)
    nodeId: nodeIdOf(w.config),
    ownership: w.ownership,
    exclusive: w.exclusive,
    resumeWindowMs: w.resumeWindowMs,
    log: (msg, err) => console.warn(`[simulations] ${msg}${err ? `: ${(err as Error).message ?? err}` : ''}`),
    consumeSeconds: async (userId, seconds) => {
      const user = await w.repos.users.byId(userId);
      if (!user) return false;
      try {
        await w.quotas.consume(user, 'sim_seconds', seconds);
        return true;
      } catch (e) {
        if (isAppError(e) && (e.code === 'USAGE_QUOTA_EXCEEDED' || e.code === 'FORBIDDEN')) return false;
        throw e;
      }
    },
  });
}
