/**
 * Live observation (issue 17): `GET /api/live` lists the caller's company's calls in progress (on every node, from
 * the live directory), and `/api/live/:simulationId/observe` is the manager's observer WebSocket (wire in
 * src/live/wire.ts): the live transcript, coaching panel, mood and both voices, and whispers to the agent.
 * Only the company's managers (not the agent practising, not platform staff: practice is the agent's, and the agent
 * sees who listens), and only when the company allows it — its `liveObservation` setting on and no practice privacy
 * window. Another company's session answers exactly as a missing one.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/index.ts';
import type { AppContext } from '../../app/index.ts';
import { observeSession, type ObserverEvent } from '../../live/index.ts';
import { defineRoute, defineSocketRoute, type GuardedScope } from '../route.ts';

const uuid = z.string().uuid('must be an id');
const params = z.object({ simulationId: uuid });
const OBSERVERS = ['manager'] as const;
const NOT_FOUND_MESSAGE = 'This practice session was not found.';

type Company = NonNullable<Awaited<ReturnType<AppContext['repos']['companies']['byId']>>>;

/** Why the company's calls cannot be observed now, or null when they can. */
export function observationRefusal(c: Pick<Company, 'practicePrivacyHours' | 'liveObservation'> | undefined): { reason: 'privacy_window' | 'setting_off'; message: string } | null {
  if (!c) return { reason: 'setting_off', message: 'Live observation is off for this company.' };
  if (c.practicePrivacyHours > 0)
    return { reason: 'privacy_window', message: `Practice is private to the agent for ${c.practicePrivacyHours} hours after it ends in this company, so calls in progress cannot be observed.` };
  if (!c.liveObservation) return { reason: 'setting_off', message: 'Live observation is off for this company; a manager can turn it on in Settings.' };
  return null;
}

async function observeScope(req: FastifyRequest, ctx: AppContext): Promise<GuardedScope> {
  const id = (req.params as { simulationId?: string }).simulationId ?? '';
  const row = uuid.safeParse(id).success ? await ctx.repos.simulations.scope(id) : undefined;
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  const p = req.principal;
  if (p && p.companyId === row.companyId) {
    if (p.id === row.agentUserId) throw new AppError('FORBIDDEN', 'This is your own practice call; open it from Practice.');
    const refusal = observationRefusal(await ctx.repos.companies.byId(row.companyId));
    if (refusal) throw new AppError('FORBIDDEN', refusal.message, { details: { reason: refusal.reason } });
  }
  return { companyId: row.companyId, notFound: NOT_FOUND_MESSAGE };
}

export function liveRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'GET',
    url: '/api/live',
    access: { roles: OBSERVERS },
    handler: async ({ ctx, user }) => {
      const companyId = user.companyId!;
      const refusal = observationRefusal(await ctx.repos.companies.byId(companyId));
      if (refusal) return { observation: { allowed: false, reason: refusal.reason, message: refusal.message }, calls: [] };
      const [sessions, members] = await Promise.all([ctx.live.directory.list(companyId), ctx.repos.users.listByCompany(companyId)]);
      const names = new Map(members.map((m) => [m.id, m.name]));
      const now = Date.now();
      const calls = sessions
        .filter((s) => s.companyId === companyId && s.agentUserId !== user.id)
        .map((s) => ({
          simulationId: s.simulationId,
          agentUserId: s.agentUserId,
          agentName: names.get(s.agentUserId) ?? null,
          scenarioId: s.scenarioId,
          scenarioName: s.scenarioName ?? null,
          scenarioType: s.scenarioType ?? null,
          level: s.level ?? null,
          personaName: s.personaName ?? null,
          language: s.language ?? null,
          mode: s.mode ?? null,
          startedAt: s.startedAt,
          durationSec: Math.max(0, Math.round((now - Date.parse(s.startedAt)) / 1000)),
          mood: s.mood,
          scoreSoFar: s.scoreSoFar,
          observers: s.observers,
        }));
      return { observation: { allowed: true }, calls };
    },
  });

  defineSocketRoute(app, {
    url: '/api/live/:simulationId/observe',
    access: { roles: OBSERVERS, scope: observeScope },
    params,
    handler: async (socket, { ctx, params, user, req }) => {
      const live = await ctx.live.directory.get(params.simulationId);
      if (!live) {
        const e: ObserverEvent = { type: 'error', at: Date.now(), code: 'NOT_LIVE', message: 'This call is not in progress.', texts: { he: 'השיחה הזו לא מתקיימת כרגע.', en: 'This call is not in progress.' } };
        socket.send(JSON.stringify(e));
        socket.close(4404, 'not in progress');
        return;
      }
      await ctx.repos.audit.record({
        actorUserId: user.id,
        actorRole: user.role,
        companyId: live.companyId,
        action: 'practice.live.observe',
        targetType: 'simulation',
        targetId: params.simulationId,
        details: { agentUserId: live.agentUserId },
      });
      const sent = await observeSession(socket, { bus: ctx.live.bus, simulationId: params.simulationId, observer: { userId: user.id, name: user.name } });
      // a slow manager's link lost messages (never the call's): say how many, for whoever looks into a complaint
      if (sent.droppedAudio + sent.droppedEvents + sent.coalesced > 0)
        req.log.info({ simulationId: params.simulationId, ...sent }, 'live observer fell behind: audio dropped, events coalesced or dropped');
    },
  });
}
