/**
 * Live session events that cross nodes (issue 17). One small interface, two implementations chosen by config:
 * the in-process bus (default, single node) and Redis pub/sub (REDIS_URL set, many nodes).
 *
 * Topics (strings, built only with `topics` below):
 *   session:{simulationId}:events   — transcript, coaching, mood, status (JSON), published by the owning node
 *   session:{simulationId}:audio    — both audio tracks (binary PCM16 24 kHz mono + a track tag)
 *   session:{simulationId}:control  — whispers and observer joins/leaves sent *to* the owning node
 *
 * Rules every implementation keeps (the shared conformance suite, src/live/bus-conformance.ts, checks them):
 *   - `publish*` never blocks and never throws into the caller (the call must not slow down for an observer);
 *     a slow or dead subscriber loses messages rather than holding memory or the publisher.
 *   - messages on one topic arrive in publish order to each subscriber.
 *   - `subscribe` returns an unsubscribe function; after it returns no more messages are delivered.
 *   - delivery is asynchronous: each subscription has its own bounded queue (`SubscribeOptions.maxQueued`); a
 *     handler that returns a promise gets its next message only once that promise settles (a socket waiting for
 *     its buffer to drain is a "slow subscriber"), and what arrives while its queue is full is dropped and counted.
 *   - events are plain JSON values (what goes through Redis comes back equal); subscribers must not mutate them.
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

/** A subscriber's handler; a returned promise holds that subscriber's next message back until it settles. */
export type LiveHandler<T> = (message: T) => void | Promise<void>;

export interface SubscribeOptions {
  /** Messages waiting for this subscriber at most; more are dropped (default: 1,000 events, 100 audio frames). */
  maxQueued?: number;
}

/** Calling it unsubscribes (idempotent); `ready` resolves once messages published from then on will arrive. */
export interface Unsubscribe {
  (): void;
  /** Memory bus: already resolved. Redis: the SUBSCRIBE was acknowledged. Never rejects. */
  readonly ready: Promise<void>;
}

/** Counters of one bus since it was created (for the bench, health pages and the conformance suite). */
export interface LiveBusStats {
  published: number;
  delivered: number;
  /** Messages a full subscriber queue (or a failed transport) lost. */
  dropped: number;
  /** Messages waiting in subscriber queues right now. */
  queued: number;
  subscriptions: number;
}

export interface LiveBus {
  readonly kind: 'memory' | 'redis';
  publish(topic: string, event: LiveEvent): void;
  publishAudio(topic: string, audio: LiveAudio): void;
  subscribe(topic: string, onEvent: LiveHandler<LiveEvent>, opts?: SubscribeOptions): Unsubscribe;
  subscribeAudio(topic: string, onAudio: LiveHandler<LiveAudio>, opts?: SubscribeOptions): Unsubscribe;
  stats(): LiveBusStats;
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
  /** Scenario type and level (e.g. objection_handling / advanced) for the list when there is no stored scenario. */
  scenarioType?: string | null;
  level?: string | null;
  /** The scenario's name as the session started with it. */
  scenarioName?: string | null;
  /** The customer's display name (persona card). */
  personaName?: string | null;
  language?: 'he' | 'en';
  mode?: 'voice' | 'text';
}

/** The live fields an owning node refreshes while the call runs. */
export type LiveSessionPatch = Partial<Pick<LiveSessionSummary, 'mood' | 'scoreSoFar' | 'observers' | 'node'>>;

/**
 * Where the calls in progress are listed. The memory directory keeps this node's own sessions (single node); the
 * cluster's directory reads the PostgreSQL ownership leases so every node lists every node's calls.
 */
export interface LiveDirectory {
  /** The owning node registers a session when it goes live. */
  register(summary: LiveSessionSummary): Promise<void>;
  /** Mood, score so far, observer count changed (owning node; best effort, may be coalesced). */
  update(simulationId: string, patch: LiveSessionPatch): Promise<void>;
  /** The session ended or was interrupted. */
  unregister(simulationId: string): Promise<void>;
  /** A company's calls in progress, oldest first. */
  list(companyId: string): Promise<LiveSessionSummary[]>;
  get(simulationId: string): Promise<LiveSessionSummary | null>;
}

export const topics = {
  events: (simulationId: string) => `session:${simulationId}:events`,
  audio: (simulationId: string) => `session:${simulationId}:audio`,
  control: (simulationId: string) => `session:${simulationId}:control`,
} as const;

/** Default per-subscriber queue bounds. */
export const LIVE_QUEUE = { events: 1000, audio: 100 } as const;
