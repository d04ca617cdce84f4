import type { FastifyInstance } from 'fastify';
import { callsRoutes } from './calls.ts';
import { simulationRoutes } from './simulations.ts';
import { scenarioRoutes } from './scenarios.ts';
import { coachingRoutes } from './coaching.ts';
import { liveRoutes } from './live.ts';
import { dashboardRoutes } from './dashboards.ts';

/**
 * Route modules of the feature domains (calls, personas/scenarios, voice, coaching, analytics).
 * Each exports `(app) => void | Promise<void>` that registers its routes with defineRoute; add it here.
 */
export const routeModules: ((app: FastifyInstance) => void | Promise<void>)[] = [callsRoutes, simulationRoutes, coachingRoutes, scenarioRoutes, liveRoutes, dashboardRoutes];
