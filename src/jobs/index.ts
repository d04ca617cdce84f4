export { JobQueue, PermanentJobError, type JobRun, type JobKindOptions, type QueueOptions } from './queue.ts';
