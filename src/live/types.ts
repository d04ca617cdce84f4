/**
 * Live session events that cross nodes (issue 17). One small interface, two implementations chosen by config:
 * the in-process bus (default, single node) and Redis pub/sub (REDIS_URL set, many nodes).
 *
 * Topics (strings, built only with `topics` below):
 *   session:{simulationId}:events   — transcript, coaching, mood, status (JSON), published by the owning node
 *   session:{simulationId}:audio    — both audio tracks (binary PCM16 24 kHz mono + a track tag)
 *   session:{simulationId}:control  — whispers and observer joins/leaves sent *to* the owning node
 *
 * Rules every implementation keeps (the shared conformance suite checks them):
 *   - `publish*` never blocks and never throws into the caller (the call must not slow down for an observer);
 *     a slow or dead subscriber loses messages rather than holding memory or the publisher.
 *   - messages on one topic arrive in publish order to each subscriber.
 *   - `subscribe` returns an unsubscribe function; after it returns no more messages are delivered.
 */
export type AudioTrack = 'agent' | 'customer';

export interface LiveEvent {
  /** Discriminant, e.g. 'transcript', 'coach', 'mood', 'status', 'whisper', 'observer'. */
  type: string;
  /** ms since epoch on the publishing node. */
  at: number;
  [key: string]: unknown;
}

export interface LiveAudio {
  track: AudioTrack;
  at: number;
  pcm: Buffer;
}

export interface LiveBus {
  readonly kind: 'memory' | 'redis';
  publish(topic: string, event: LiveEvent): void;
  publishAudio(topic: string, audio: LiveAudio): void;
  subscribe(topic: string, onEvent: (event: LiveEvent) => void): () => void;
  subscribeAudio(topic: string, onAudio: (audio: LiveAudio) => void): () => void;
  close(): Promise<void>;
}

/** What the manager's live list shows for one call in progress, whichever node holds it. */
export interface LiveSessionSummary {
  simulationId: string;
  companyId: string;
  agentUserId: string;
  scenarioId: string | null;
  startedAt: string;
  /** Node id that owns the session now. */
  node: string;
  mood: string | null;
  scoreSoFar: number | null;
  observers: number;
}

export const topics = {
  events: (simulationId: string) => `session:${simulationId}:events`,
  audio: (simulationId: string) => `session:${simulationId}:audio`,
  control: (simulationId: string) => `session:${simulationId}:control`,
} as const;

/**
 * Calls in progress across all nodes (cluster engineer; GET /api/live reads it). Backed by the lease rows in
 * PostgreSQL (`live_leases`, migration 0012, src/live/directory.ts): a list on any node sees every node's calls.
 * Tenant rules are the caller's: pass the company of the person asking.
 */
export interface LiveDirectory {
  /** Live calls, newest first; of one company, or all (platform staff). */
  list(q: { companyId?: string }): Promise<LiveSessionSummary[]>;
  /** One live call (null when it is not live on any node). */
  get(simulationId: string): Promise<LiveSessionSummary | null>;
  /**
   * What the list shows, written by the owning node (`nodeId` must hold the lease, else nothing changes):
   * mood, score so far, and observers joining (+1) or leaving (−1).
   */
  update(simulationId: string, nodeId: string, patch: { mood?: string | null; scoreSoFar?: number | null; observersDelta?: number }): Promise<void>;
}
