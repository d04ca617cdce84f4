import { AppError } from '../core/index.ts';
import { periodOf, type Repositories, type UsageKind, type CompanyRow, type UserRow } from '../db/index.ts';

export interface QuotaLine {
  used: number;
  limit: number;
  /** 'ok' below 80%, 'warning' from 80%, 'full' at the limit (the UI colours yellow/red). */
  level: 'ok' | 'warning' | 'full';
}

export const quotaLevel = (used: number, limit: number): QuotaLine['level'] =>
  used >= limit ? 'full' : limit > 0 && used / limit >= 0.8 ? 'warning' : 'ok';

const line = (used: number, limit: number): QuotaLine => ({ used, limit, level: quotaLevel(used, limit) });

/** Seat and usage quotas of one company: read them, and consume usage atomically. */
export function createQuotaService(repos: Repositories) {
  return {
    async status(company: CompanyRow, period = periodOf()) {
      const usage = await repos.usage.byCompany(company.id, period);
      const users = await repos.users.listByCompany(company.id);
      const c = usage.company ?? { analyses: 0, sim_seconds: 0 };
      return {
        period,
        seats: line(company.seatsUsed, company.seatLimit),
        analyses: line(c.analyses, company.analysesPerMonth),
        simMinutes: line(Math.ceil(c.sim_seconds / 60), company.simMinutesPerMonth),
        perUser: users
          .filter((u) => u.analysesCap != null || u.simMinutesCap != null || usage[u.id])
          .map((u) => ({
            userId: u.id,
            name: u.name,
            analyses: u.analysesCap != null ? line(usage[u.id]?.analyses ?? 0, u.analysesCap) : null,
            simMinutes: u.simMinutesCap != null ? line(Math.ceil((usage[u.id]?.sim_seconds ?? 0) / 60), u.simMinutesCap) : null,
          })),
      };
    },

    /**
     * Takes `amount` units (analyses, or seconds of simulation) for this user's company and per-user cap.
     * Throws USAGE_QUOTA_EXCEEDED with a message that names the quota and who can raise it.
     */
    async consume(user: Pick<UserRow, 'id' | 'companyId' | 'analysesCap' | 'simMinutesCap'>, kind: UsageKind, amount = 1) {
      if (!user.companyId) throw new AppError('FORBIDDEN', 'Only members of a company consume usage quotas.');
      const company = await repos.companies.byId(user.companyId);
      if (!company) throw new AppError('NOT_FOUND', 'Company was not found.');
      const companyLimit = kind === 'analyses' ? company.analysesPerMonth : company.simMinutesPerMonth * 60;
      const cap = kind === 'analyses' ? user.analysesCap : user.simMinutesCap != null ? user.simMinutesCap * 60 : null;
      const r = await repos.usage.consume({ companyId: company.id, userId: user.id, kind, amount, companyLimit, userLimit: cap });
      if (!r.ok) {
        const what = kind === 'analyses' ? 'call analyses' : 'simulation minutes';
        const who = r.scope === 'company' ? "The company's monthly" : 'Your personal monthly';
        throw new AppError('USAGE_QUOTA_EXCEEDED', `${who} quota of ${what} is used up. A manager or admin can raise it, or it renews on the 1st of next month.`, {
          details: { kind, scope: r.scope, used: r.used, limit: r.limit },
        });
      }
      return r;
    },
  };
}
export type QuotaService = ReturnType<typeof createQuotaService>;
