import { newId } from '../../core/index.ts';
import type { AppContext } from '../../app/index.ts';

/** One tenant as the matrix test sees it: its company, and its people. */
export interface Tenant {
  companyId: string;
  managerId: string;
  /** The agent who signs in (resources they own count as "own"). */
  agentId: string;
  /** Another agent of the same company, used as a target for user-management routes. */
  targetUserId: string;
}

export type Side = 'own' | 'other';

/**
 * How to fill each path parameter with a real id belonging to the given tenant. Feature domains add
 * fixtures for their own parameters (callId, scenarioId, sessionId…), creating the resource when needed;
 * a resource owned by a user should be owned by `tenant.agentId`.
 */
export const PARAM_FIXTURES: Record<string, (ctx: AppContext, tenant: Tenant) => Promise<string>> = {
  companyId: async (_ctx, t) => t.companyId,
  userId: async (_ctx, t) => t.targetUserId,
  teamId: async (ctx, t) => (await ctx.repos.teams.insert({ id: newId(), companyId: t.companyId, name: `team-${newId()}` })).id,
  orderId: async (ctx, t) => {
    const [pkg] = await ctx.repos.billing.listPackages();
    return (await ctx.billing.createOrder(t.companyId, pkg.id, undefined, t.managerId)).id;
  },
  packageId: async (ctx) => (await ctx.repos.billing.listPackages())[0].id,
  codeId: async (ctx) => (await ctx.repos.billing.listCodes())[0].id,
  callId: async (ctx, t) =>
    (
      await ctx.repos.calls.insert({
        id: newId(), companyId: t.companyId, agentUserId: t.agentId, uploadedBy: t.agentId, title: 'fixture', language: 'he',
        source: 'transcript', channelMap: 'left_agent', sizeBytes: 0, status: 'failed', progress: 0, quotaConsumed: false,
      })
    ).id,
  simulationId: async (ctx, t) =>
    (
      await ctx.repos.simulations.insert({
        id: newId(),
        companyId: t.companyId,
        agentUserId: t.agentId,
        scenarioType: 'discovery',
        scenarioSnapshot: { type: 'discovery', level: 'intermediate', name: 'fixture', timeLimitSec: 600 },
        personaSnapshot: { card: { name: 'Fixture', summary: 'fixture', language: 'he' } },
        engine: 'text',
        mode: 'text',
        language: 'he',
        status: 'ended',
        outcome: 'no_outcome',
        seed: 1,
        secondsUsed: 0,
      })
    ).id,
  scenarioId: async (ctx, t) => (await ctx.personas.createScenario({ id: t.managerId }, t.companyId, { type: 'objection_handling' })).id,
  assignmentId: async (ctx, t) => {
    const s = await ctx.personas.createScenario({ id: t.managerId }, t.companyId, { type: 'closing' });
    return (await ctx.personas.assign({ id: t.managerId }, t.companyId, { scenarioId: s.id, agentUserIds: [t.agentId] }))[0].id;
  },
  agentId: async (_ctx, t) => t.agentId,
  personaId: async (ctx, t) =>
    (
      await ctx.repos.personas.insert({
        id: newId(), companyId: t.companyId, agentUserId: t.agentId, scenarioType: 'discovery', level: 'intermediate', language: 'he',
        questionnaireVersion: 1, seed: 1, persona: { name: 'Fixture' }, scenarioSnapshot: { type: 'discovery' }, profileSnapshot: {}, purpose: 'practice',
      })
    ).id,
};
