/** The live domain's door: live session events across nodes, the live-call directory, multi-node start-up. */
export * from './types.ts';
export { RedisLiveBus, redact, type RedisLiveBusOptions, type RedisTransportStats } from './redis-bus.ts';
export { LeaseLiveDirectory } from './directory.ts';
export { SubscriberQueue, type QueueCounters } from './subscriber-queue.ts';
export { ClusterRefusal, clusterConfigProblem, isMultiNode, joinCluster, lockEmbeddedDatabase, nodeUrlOf, pingRedis, NODE_LIVE_MS, type JoinOptions } from './cluster.ts';
