// Public API of the database job queue.
export { enqueueJob, claimJobs, completeJob, failJob, extendLeases, getJob, listJobs, countJobs, pruneJobs, JOB_STATES } from './queue.ts';
export type { Job, JobState, EnqueueInput, ClaimOptions, FailOutcome } from './queue.ts';
export { runWorker, LeaseLostError, PermanentJobError } from './worker.ts';
export type { JobContext, JobHandler, WorkerOptions, WorkerStats } from './worker.ts';
export { retryDelayMs } from './backoff.ts';
export type { BackoffOptions } from './backoff.ts';
export { writeTransaction } from './write-transaction.ts';
