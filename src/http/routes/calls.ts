import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { CALL_TYPES, rateMetrics, type Transcript } from '../../analysis/index.ts';
import type { CallReport } from '../../calls/index.ts';
import { AppError } from '../../core/index.ts';
import type { AppContext } from '../../app/index.ts';
import type { CallRow, CallSummaryRow } from '../../db/index.ts';
import { defineRoute, ANY_ROLE } from '../route.ts';

const uuid = z.string().uuid('must be an id');
const callParams = z.object({ callId: uuid });
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Owner of the call addressed by `:callId`: its company and its agent (agents see only their own calls). */
async function callScope(req: FastifyRequest, ctx: AppContext) {
  const id = (req.params as { callId?: string }).callId ?? '';
  const s = UUID_RE.test(id) ? await ctx.repos.calls.scope(id) : undefined;
  if (!s) throw new AppError('NOT_FOUND', 'Call was not found.');
  return { companyId: s.companyId, ownerUserId: s.agentUserId, notFound: 'Call was not found.' };
}

/** A call as the list shows it. */
export function publicCallSummary(c: CallSummaryRow | CallRow) {
  return {
    id: c.id,
    companyId: c.companyId,
    agentUserId: c.agentUserId,
    agentName: 'agentName' in c ? c.agentName : null,
    title: c.title,
    language: c.language,
    callType: c.callType,
    source: c.source,
    originalFormat: c.originalFormat,
    sizeBytes: c.sizeBytes,
    durationSec: c.durationSec,
    channels: c.channels,
    status: c.status,
    progress: c.progress,
    error: c.error,
    reportKind: c.reportKind,
    overallScore: c.overallScore,
    createdAt: c.createdAt,
    analysedAt: c.analysedAt,
  };
}

const listQuery = z.object({
  from: z.coerce.date({ message: 'must be a date (YYYY-MM-DD)' }).optional(),
  to: z.coerce.date({ message: 'must be a date (YYYY-MM-DD)' }).optional(),
  agentUserId: uuid.optional(),
  companyId: uuid.optional(),
  callType: z.enum(CALL_TYPES).optional(),
  status: z.enum(['queued', 'converting', 'transcribing', 'analysing', 'done', 'failed']).optional(),
  minScore: z.coerce.number().min(0).max(100).optional(),
  maxScore: z.coerce.number().min(0).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Parses `Range: bytes=a-b` against a size; null = whole file; 'bad' = unsatisfiable. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'bad' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'bad';
  let start: number;
  let end: number;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) return 'bad';
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'bad';
  return { start, end };
}

export async function callsRoutes(app: FastifyInstance) {
  // multipart parsing only for this module's routes (an encapsulated plugin scope)
  await app.register(async (scope) => {
    await scope.register(multipart, { throwFileSizeLimit: true });
    defineRoute(scope, {
      method: 'POST',
      url: '/api/calls',
      access: { roles: ANY_ROLE },
      handler: async ({ ctx, user, req, reply }) => {
        const call = await ctx.calls.upload(user, req);
        reply.status(202);
        return { call: publicCallSummary(call) };
      },
    });
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/calls',
    access: { roles: ANY_ROLE },
    query: listQuery,
    handler: async ({ ctx, user, query }) => {
      if (user.role === 'manager' && query.companyId && query.companyId !== user.companyId) throw new AppError('FORBIDDEN', 'This belongs to another company.');
      const to = query.to ? new Date(query.to.getTime() + (isDateOnly(query.to) ? 86_400_000 : 0)) : undefined;
      const { rows, total } = await ctx.calls.list(user, { ...query, to });
      return { calls: rows.map(publicCallSummary), total };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/calls/:callId',
    access: { roles: ANY_ROLE, scope: callScope },
    params: callParams,
    handler: async ({ ctx, params }) => {
      const c = await ctx.calls.get(params.callId);
      const audio = await ctx.calls.playback(c);
      const report = (c.report as CallReport | null) ?? null;
      const transcript = (c.transcript as Transcript | null) ?? null;
      const timesEstimated = Boolean(transcript?.segments.some((s) => s.estimated));
      return {
        call: publicCallSummary(c),
        transcript,
        report,
        /** Each metric against its field benchmark (content reports only). */
        metricRatings: report?.kind === 'full' ? rateMetrics(report.analysis.metrics, { timesEstimated }) : null,
        audioUrl: audio ? `/api/calls/${c.id}/audio` : null,
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/calls/:callId/status',
    access: { roles: ANY_ROLE, scope: callScope },
    params: callParams,
    handler: async ({ ctx, params }) => {
      const c = await ctx.calls.get(params.callId);
      return { id: c.id, status: c.status, progress: c.progress, error: c.error, overallScore: c.overallScore, reportKind: c.reportKind };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/calls/:callId/audio',
    access: { roles: ANY_ROLE, scope: callScope },
    params: callParams,
    handler: async ({ ctx, params, req, reply }) => {
      const c = await ctx.calls.get(params.callId);
      const file = await ctx.calls.playback(c);
      if (!file) throw new AppError('NOT_FOUND', c.source === 'transcript' ? 'This call has no recording.' : 'The recording is still being prepared.');
      const size = (await stat(file)).size;
      const range = parseRange(req.headers.range, size);
      reply.header('accept-ranges', 'bytes').header('content-type', 'audio/mpeg').header('cache-control', 'private, max-age=3600');
      if (range === 'bad') {
        reply.status(416).header('content-range', `bytes */${size}`);
        return reply.send();
      }
      if (!range) {
        reply.header('content-length', String(size));
        return reply.send(createReadStream(file));
      }
      reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
        .header('content-length', String(range.end - range.start + 1));
      return reply.send(createReadStream(file, { start: range.start, end: range.end }));
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/calls/:callId',
    access: { roles: ANY_ROLE, scope: callScope },
    params: callParams,
    handler: async ({ ctx, params }) => {
      await ctx.calls.remove(params.callId);
      return { ok: true };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/calls/:callId/retry',
    access: { roles: ANY_ROLE, scope: callScope },
    params: callParams,
    handler: async ({ ctx, params }) => ({ call: publicCallSummary(await ctx.calls.retry(params.callId)) }),
  });
}

const isDateOnly = (d: Date) => d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
