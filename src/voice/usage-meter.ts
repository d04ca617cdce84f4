/**
 * One call's usage meter: the usage records the engines report (Realtime response.done, transcription and
 * speech durations, chat tokens) summed into totals and a cost, written to the session's row when asked
 * (each quota tick and at the end), so the admin's cost per minute and per month is read from the database.
 */
import { addUsage, NO_USAGE, usageCostUsd, type UsageRecord, type UsageTotals } from './usage.ts';

export interface UsageStore {
  setUsage(id: string, u: { costMicros: number; usage: Record<string, unknown>; engineTier?: 'realtime' | 'cascade' | 'offline' }): Promise<void>;
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

  /** Write the totals when they changed since the last write. */
  async flush(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const { costUsd, ...measures } = this.totals;
    await this.store.setUsage(this.simulationId, { costMicros: costUsd * 1e6, usage: { ...measures, byKind: this.byKind }, engineTier: this.tier });
  }
}
