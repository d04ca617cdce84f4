/**
 * Practice simulations: start one, list and read them (turns, events, latency timelines), end one, download its
 * recording, and the live WebSocket (`/api/simulations/:simulationId/socket`, owner only; wire protocol in
 * src/voice/protocol.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/index.ts';
import type { AppContext } from '../../app/index.ts';
import { ENGINE_CHOICES, ENGINE_NAMES, transcriberFrom } from '../../voice/index.ts';
import { LEVELS, scenarioPassMark, scenarioSchema } from '../../scenarios/index.ts';
import { defineRoute, defineSocketRoute, ANY_ROLE, type GuardedScope } from '../route.ts';
import { auditPracticeRead } from '../audit.ts';

const uuid = z.string().uuid('must be an id');
const params = z.object({ simulationId: uuid });
const PRACTISERS = ['manager', 'agent'] as const;
const NOT_FOUND_MESSAGE = 'This practice session was not found.';

const startBody = z
  .object({
    scenarioType: z.string().min(1).max(60).optional(),
    scenarioId: uuid.optional(),
    scenarioVersion: z.number().int().min(1).optional(),
    assignmentId: uuid.optional(),
    level: z.enum(LEVELS).optional(),
    language: z.enum(['he', 'en']).optional(),
    mode: z.enum(['voice', 'text']).default('voice'),
    // a tier to start from ("auto" = the company's setting, else the best configured); old engine names still accepted
    engine: z.enum([...ENGINE_CHOICES, ...ENGINE_NAMES]).optional(),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  })
  .strict();

async function load(req: FastifyRequest, ctx: AppContext) {
  const id = (req.params as { simulationId?: string }).simulationId ?? '';
  const row = uuid.safeParse(id).success ? await ctx.repos.simulations.scope(id) : undefined;
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  return row;
}

/** Whoever may read a session: its agent, staff, and the company's managers once the privacy window has passed. */
async function readScope(req: FastifyRequest, ctx: AppContext): Promise<GuardedScope> {
  const row = await load(req, ctx);
  const p = req.principal;
  if (p?.role === 'manager' && p.id !== row.agentUserId && p.companyId === row.companyId) {
    const company = await ctx.repos.companies.byId(row.companyId);
    const hours = company?.practicePrivacyHours ?? 0;
    if (hours > 0) {
      const sim = await ctx.repos.simulations.byId((req.params as { simulationId: string }).simulationId);
      const open = !sim?.endedAt || Date.now() - sim.endedAt.getTime() < hours * 3_600_000;
      if (open) throw new AppError('FORBIDDEN', `This practice session is private to the agent for ${hours} hours after it ends.`);
    }
  }
  return { companyId: row.companyId, ownerUserId: row.agentUserId, notFound: NOT_FOUND_MESSAGE };
}

/** Only the agent practising drives the call (not staff, not the manager). */
async function ownerScope(req: FastifyRequest, ctx: AppContext): Promise<GuardedScope> {
  const row = await load(req, ctx);
  return { companyId: row.companyId, ownerUserId: row.agentUserId, notFound: NOT_FOUND_MESSAGE, ownerOnly: 'Only the person practising can control this session.' };
}

export function simulationRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'POST',
    url: '/api/simulations',
    access: { roles: PRACTISERS },
    body: startBody,
    handler: async ({ ctx, user, body, reply }) => {
      const r = await ctx.simulations.create(user, body);
      reply.status(201);
      return r;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/simulations',
    access: { roles: ANY_ROLE },
    query: z.object({
      companyId: uuid.optional(),
      agentUserId: uuid.optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    handler: async ({ ctx, user, query }) => ctx.simulations.list(user, query),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/simulations/:simulationId',
    access: { roles: ANY_ROLE, scope: readScope },
    params,
    handler: async ({ ctx, params, user }) => {
      const details = await ctx.simulations.details(params.simulationId);
      await auditPracticeRead(ctx, user, params.simulationId, 'session');
      return { ...details, passMark: await passMarkOf(ctx, params.simulationId, details.scenario) };
    },
  });

  // before Start: the practice page's microphone + recognition check, through the server's own recogniser
  defineRoute(app, {
    method: 'POST',
    url: '/api/simulations/:simulationId/transcription-check',
    access: { roles: PRACTISERS, scope: ownerScope },
    params,
    body: z.object({
      /** PCM16 little-endian mono, base64, at most 10 s. */
      pcm: z.string().min(1).max(700_000),
      sampleRate: z.number().int().min(8000).max(48_000),
    }),
    handler: async ({ ctx, params, body }) => {
      const row = (await ctx.repos.simulations.byId(params.simulationId))!;
      const stt = transcriberFrom(ctx.config);
      if (!stt) throw new AppError('NOT_CONFIGURED', 'This server has no speech recogniser: the call uses the browser\'s recognition or typing.');
      const bytes = Buffer.from(body.pcm, 'base64');
      const pcm = new Int16Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 2));
      if (pcm.length > body.sampleRate * 10) throw new AppError('VALIDATION_FAILED', 'The check takes at most 10 seconds of audio.');
      const t0 = performance.now();
      const text = await stt.transcribe(pcm, body.sampleRate, row.language as 'he' | 'en', AbortSignal.timeout(60_000));
      return { text, recogniser: stt.name, ms: Math.round(performance.now() - t0) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/simulations/:simulationId/end',
    access: { roles: PRACTISERS, scope: ownerScope },
    params,
    handler: async ({ ctx, params }) => ctx.simulations.end(params.simulationId),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/simulations/:simulationId/recording',
    access: { roles: ANY_ROLE, scope: readScope },
    params,
    query: z.object({ track: z.enum(['agent', 'customer', 'mix']).default('mix') }),
    handler: async ({ ctx, params, query, reply, user }) => {
      const stream = ctx.simulations.recording(params.simulationId, query.track);
      if (!stream) throw new AppError('NOT_FOUND', 'This session has no recording (text sessions and sessions that never started are not recorded).');
      await auditPracticeRead(ctx, user, params.simulationId, 'recording');
      reply.header('content-type', 'audio/wav');
      reply.header('content-disposition', `attachment; filename="simulation-${params.simulationId}-${query.track}.wav"`);
      const { Readable } = await import('node:stream');
      return reply.send(Readable.from(stream));
    },
  });

  defineSocketRoute(app, {
    url: '/api/simulations/:simulationId/socket',
    access: { roles: PRACTISERS, scope: ownerScope },
    params,
    handler: (socket, { ctx, params }) => ctx.simulations.attach(params.simulationId, socket),
  });
}

/**
 * The score this practice call is judged against (shown with the criteria before Start): the pass mark of the
 * agent's assignment of this scenario given before the call (the open one first), else the scenario's own.
 */
async function passMarkOf(ctx: AppContext, simulationId: string, scenario: unknown): Promise<number> {
  const sim = await ctx.repos.simulations.byId(simulationId);
  if (sim?.scenarioId) {
    const given = (await ctx.repos.assignments.list({ agentUserId: sim.agentUserId, scenarioId: sim.scenarioId })).filter((a) => a.status !== 'cancelled' && a.createdAt <= sim.createdAt);
    const a = given.find((x) => x.status === 'open') ?? given[0];
    if (a) return a.passMark;
  }
  const parsed = scenarioSchema.safeParse(scenario);
  return parsed.success ? scenarioPassMark(parsed.data) : scenarioPassMark({});
}
