import type { FastifyInstance } from 'fastify';

/**
 * Route modules of the feature domains (calls, personas/scenarios, voice, coaching, analytics).
 * Each exports `(app) => void | Promise<void>` that registers its routes with defineRoute; add it here.
 */
export const routeModules: ((app: FastifyInstance) => void | Promise<void>)[] = [];
