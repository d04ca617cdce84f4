import type { AppContext } from '../app/index.ts';
import type { Principal } from '../auth/index.ts';

/**
 * Records a read of an agent's practice (report, transcript, recording) by anyone but the agent: practice is
 * private to the agent, and staff (who may always read it) and managers (after the privacy window or a share)
 * leave a trace the agent's company can be shown. Called after the read succeeded.
 */
export async function auditPracticeRead(
  ctx: AppContext,
  viewer: Principal,
  simulationId: string,
  what: 'report' | 'session' | 'recording',
): Promise<void> {
  const sim = await ctx.repos.simulations.scope(simulationId);
  if (!sim || sim.agentUserId === viewer.id) return;
  const report = await ctx.repos.reports.scope(simulationId);
  const company = await ctx.repos.companies.byId(sim.companyId);
  const hours = company?.practicePrivacyHours ?? 0;
  const insideWindow = Boolean(report && hours > 0 && report.createdAt.getTime() + hours * 3_600_000 > Date.now());
  await ctx.repos.audit.record({
    actorUserId: viewer.id,
    actorRole: viewer.role,
    companyId: sim.companyId,
    action: `practice.${what}.read`,
    targetType: 'simulation',
    targetId: simulationId,
    details: { agentUserId: sim.agentUserId, sharedWithManager: report?.sharedWithManager ?? false, insideWindow },
  });
}
