/**
 * One call's usage meter: the usage records the engines report (Realtime response.done, transcription and
 * speech durations, chat tokens) summed into totals and a cost, written to the session's row when asked
 * (each quota tick and at the end), so the admin's cost per minute and per month is read from the database.
 */
import { AppError } from '../core/index.ts';
import type { SessionTap } from './session.ts';
import { addUsage, NO_USAGE, usageCostUsd, type UsageRecord, type UsageTotals } from './usage.ts';

export interface UsageStore {
  setUsage(id: string, u: { costMicros: number; usage: Record<string, unknown>; engineTier?: 'realtime' | 'cascade' | 'offline' }): Promise<void>;
  /** AI cost of a company's calls this calendar month (UTC), in millionths of a dollar. */
  costThisMonth(companyId: string): Promise<number>;
}

/**
 * A company's monthly AI budget (the money quota next to the minutes quota), in US cents; null = no limit.
 * `check` refuses a new call over budget; `allows` answers during a call (this call's cost so far included,
 * once its meter has been flushed).
 */
export class AiBudget {
  constructor(private readonly store: Pick<UsageStore, 'costThisMonth'>, private readonly companyId: string, private readonly cents: number | null) {}

  async allows(): Promise<boolean> {
    if (this.cents === null) return true;
    return (await this.store.costThisMonth(this.companyId)) < this.cents * 10_000;
  }

  async check(): Promise<void> {
    if (!(await this.allows()))
      throw new AppError('USAGE_QUOTA_EXCEEDED', `Your company has used its AI budget for this month ($${((this.cents ?? 0) / 100).toFixed(2)}); an admin can raise it in the settings.`);
  }
}

export class UsageMeter {
  private totals: UsageTotals = NO_USAGE;
  private readonly byKind: Record<string, { costUsd: number; records: number }> = {};
  private dirty = false;
  private tier: 'realtime' | 'cascade' | 'offline' | undefined;

  constructor(private readonly simulationId: string, private readonly store: UsageStore) {}

  add(u: UsageRecord): void {
    this.totals = addUsage(this.totals, u);
    const k = (this.byKind[`${u.kind}:${u.model}`] ??= { costUsd: 0, records: 0 });
    k.costUsd += usageCostUsd(u);
    k.records++;
    this.dirty = true;
  }

  /** The tier the call runs on now (after a fallback). */
  setTier(tier: 'realtime' | 'cascade' | 'offline'): void {
    this.tier = tier;
    this.dirty = true;
  }

  get costUsd(): number {
    return this.totals.costUsd;
  }

  /** Follows the session: the tier it starts on and any fallback; the totals written at the end. */
  tap(tierAtStart: () => 'realtime' | 'cascade' | 'offline' | null, log?: (msg: string, err?: unknown) => void): SessionTap {
    return {
      onStart: () => {
        const t = tierAtStart();
        if (t) this.setTier(t);
      },
      onEngineEvent: (e) => {
        if (e.type === 'engine_switched') this.setTier(e.to);
      },
      onEnd: () => this.flush().catch((e) => log?.(`simulation ${this.simulationId}: could not store its usage`, e)),
    };
  }

  /** Write the totals when they changed since the last write. */
  async flush(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const { costUsd, ...measures } = this.totals;
    await this.store.setUsage(this.simulationId, { costMicros: costUsd * 1e6, usage: { ...measures, byKind: this.byKind }, engineTier: this.tier });
  }
}
