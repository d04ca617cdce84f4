/** The single-node LiveDirectory: this node's own calls in progress, in memory. */
import type { LiveDirectory, LiveSessionPatch, LiveSessionSummary } from './types.ts';

export class MemoryLiveDirectory implements LiveDirectory {
  private readonly sessions = new Map<string, LiveSessionSummary>();

  async register(summary: LiveSessionSummary): Promise<void> {
    this.sessions.set(summary.simulationId, { ...summary });
  }

  async update(simulationId: string, patch: LiveSessionPatch): Promise<void> {
    const s = this.sessions.get(simulationId);
    if (s) this.sessions.set(simulationId, { ...s, ...patch });
  }

  async unregister(simulationId: string): Promise<void> {
    this.sessions.delete(simulationId);
  }

  async list(companyId: string): Promise<LiveSessionSummary[]> {
    return [...this.sessions.values()].filter((s) => s.companyId === companyId).sort((a, b) => a.startedAt.localeCompare(b.startedAt)).map((s) => ({ ...s }));
  }

  async get(simulationId: string): Promise<LiveSessionSummary | null> {
    const s = this.sessions.get(simulationId);
    return s ? { ...s } : null;
  }
}
