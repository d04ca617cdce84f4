/**
 * The live domain's door (issue 17): the LiveBus that carries a session's events, audio and control messages
 * between the node that owns the call and the nodes its observers are connected to, and the LiveDirectory of
 * calls in progress.
 */
import { MemoryLiveBus } from './memory-bus.ts';
import { MemoryLiveDirectory } from './memory-directory.ts';
import type { LiveBus, LiveDirectory } from './types.ts';
import type { ClusterRepo } from '../db/index.ts';
import { RedisLiveBus } from './redis-bus.ts';
import { LeaseLiveDirectory } from './directory.ts';

export * from './types.ts';
export { MemoryLiveBus } from './memory-bus.ts';
export { MemoryLiveDirectory } from './memory-directory.ts';
export { SubscriberQueue, type QueueCounters } from './subscriber-queue.ts';

export interface LiveBusConfig {
  REDIS_URL?: string;
}

/** The bus for this configuration: in-process by default; Redis pub/sub when REDIS_URL is set (several nodes). */
export function createLiveBus(cfg: LiveBusConfig): LiveBus {
  return cfg.REDIS_URL ? new RedisLiveBus({ url: cfg.REDIS_URL, log: (m) => console.warn(`[live] ${m}`) }) : new MemoryLiveBus();
}

/**
 * The directory of calls in progress: this node's own, in memory (single node); with `cluster` (several nodes,
 * REDIS_URL set) the lease rows in PostgreSQL, so every node lists every node's calls.
 */
export function createLiveDirectory(cluster?: { repo: ClusterRepo; nodeId: string }): LiveDirectory {
  return cluster ? new LeaseLiveDirectory(cluster.repo, cluster.nodeId) : new MemoryLiveDirectory();
}
export * from './wire.ts';
export { LivePublisher, type LivePublisherOptions } from './publisher.ts';
export { ObserverOutbox, coalesceKey, type OutboxSocket, type OutboxCounters } from './observer-outbox.ts';
export { observeSession, type ObserveOptions } from './observer.ts';
export { liveObservation, type LiveObservationDeps } from './session-hooks.ts';
export { RedisLiveBus, redact, type RedisLiveBusOptions, type RedisTransportStats } from './redis-bus.ts';
export { LeaseLiveDirectory } from './directory.ts';
export { ClusterRefusal, clusterConfigProblem, isMultiNode, joinCluster, lockEmbeddedDatabase, nodeUrlOf, pingRedis, NODE_LIVE_MS, type JoinOptions } from './cluster.ts';
