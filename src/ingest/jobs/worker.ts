// A small worker loop over the job queue: claims up to `concurrency` jobs, runs their handlers, renews the
// leases of running jobs from one timer, and completes or fails each job only while it still holds the lease.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Store } from '../../store/db.ts';
import type { Database } from '../../store/schema.ts';
import type { BackoffOptions } from './backoff.ts';
import { claimJobs, completeJob, extendLeases, failJob, type Job } from './queue.ts';
import { writeTransaction } from './write-transaction.ts';

/** Thrown inside `ctx.transact` when the job's lease was lost: the transaction is rolled back. */
export class LeaseLostError extends Error {
  constructor(jobId: number) {
    super(`lease on job ${jobId} was lost (it expired and another worker took the job)`);
    this.name = 'LeaseLostError';
  }
}

/** Thrown by a handler to fail the job at once, without further retries. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

export interface JobContext {
  store: Store;
  /** Aborted when the worker stops or the lease is lost. */
  signal: AbortSignal;
  /**
   * Runs `fn` in a write transaction that also marks the job done (conditional on the lease), so that
   * database side effects happen exactly once. Throws LeaseLostError (and rolls back) if the lease is gone.
   */
  transact<T>(fn: (tx: Kysely<Database>) => Promise<T>): Promise<T>;
}

export type JobHandler = (job: Job, ctx: JobContext) => Promise<void>;

export interface WorkerOptions {
  store: Store;
  handlers: Record<string, JobHandler>;
  /** Kinds to claim (default: the handlers' kinds). */
  kinds?: readonly string[];
  /** Jobs run at once (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Lease length; renewed every third of it while the job runs (default 60 s). */
  leaseMs?: number;
  /** Wait between claims when the queue is empty (default 1 s). */
  pollIntervalMs?: number;
  owner?: string;
  now?: () => Date;
  backoff?: BackoffOptions;
  random?: () => number;
  /** Called for every error the loop swallows (claim failures, handler errors). */
  onError?: (err: unknown, job?: Job) => void;
  /** Called after each job finishes, with its outcome. */
  onJobDone?: (job: Job, outcome: 'done' | 'retry' | 'failed' | 'lost') => void;
  /** Stop when the queue is empty and nothing runs (for scripts and tests). */
  stopWhenIdle?: boolean;
}

export interface WorkerStats {
  done: number;
  retried: number;
  failed: number;
  lost: number;
}

export async function runWorker(opts: WorkerOptions): Promise<WorkerStats> {
  const store = opts.store;
  const concurrency = Math.max(1, opts.concurrency ?? 4);
  const leaseMs = opts.leaseMs ?? 60_000;
  const pollIntervalMs = opts.pollIntervalMs ?? 1_000;
  const owner = opts.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const now = opts.now ?? (() => new Date());
  const kinds = opts.kinds ?? Object.keys(opts.handlers);
  const signal = opts.signal ?? new AbortController().signal;
  const onError = opts.onError ?? ((err: unknown) => console.error('[jobs]', err));
  const stats: WorkerStats = { done: 0, retried: 0, failed: 0, lost: 0 };

  const running = new Map<number, { job: Job; controller: AbortController; promise: Promise<void> }>();
  let wake: (() => void) | null = null;
  const nudge = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  signal.addEventListener('abort', nudge, { once: true });

  const heartbeat = setInterval(() => {
    if (running.size === 0) return;
    const jobs = [...running.values()].map((r) => r.job);
    extendLeases(store.db, jobs, leaseMs, now()).then(
      (held) => {
        for (const j of jobs) if (!held.has(j.id)) running.get(j.id)?.controller.abort(new LeaseLostError(j.id));
      },
      (err) => onError(err),
    );
  }, Math.max(50, Math.floor(leaseMs / 3)));
  heartbeat.unref();

  const finish = (job: Job, outcome: 'done' | 'retry' | 'failed' | 'lost') => {
    if (outcome === 'done') stats.done++;
    else if (outcome === 'retry') stats.retried++;
    else if (outcome === 'failed') stats.failed++;
    else stats.lost++;
    opts.onJobDone?.(job, outcome);
  };

  const run = async (job: Job, controller: AbortController): Promise<void> => {
    const handler = opts.handlers[job.kind];
    let completedInTx = false;
    const ctx: JobContext = {
      store,
      signal: AbortSignal.any([signal, controller.signal]),
      transact: (fn) =>
        writeTransaction(store, async (tx) => {
          const result = await fn(tx);
          if (!(await completeJob(tx, job, now()))) throw new LeaseLostError(job.id);
          completedInTx = true;
          return result;
        }),
    };
    try {
      if (!handler) throw new PermanentJobError(`no handler for job kind "${job.kind}"`);
      await handler(job, ctx);
      if (completedInTx) return finish(job, 'done');
      finish(job, (await completeJob(store.db, job, now())) ? 'done' : 'lost');
    } catch (err) {
      if (err instanceof LeaseLostError || (completedInTx && !(err instanceof PermanentJobError))) {
        return finish(job, completedInTx ? 'done' : 'lost');
      }
      onError(err, job);
      const outcome = await failJob(store.db, job, err, {
        now: now(),
        retryable: !(err instanceof PermanentJobError),
        ...(opts.backoff ? { backoff: opts.backoff } : {}),
        ...(opts.random ? { random: opts.random } : {}),
      }).catch((e: unknown) => {
        onError(e, job);
        return 'lost' as const;
      });
      finish(job, outcome);
    }
  };

  try {
    while (!signal.aborted) {
      const free = concurrency - running.size;
      let claimed: Job[] = [];
      if (free > 0) {
        try {
          claimed = await claimJobs(store, { owner, kinds, limit: free, leaseMs, now: now() });
        } catch (err) {
          onError(err);
        }
        for (const job of claimed) {
          const controller = new AbortController();
          const promise = run(job, controller).finally(() => {
            running.delete(job.id);
            nudge();
          });
          running.set(job.id, { job, controller, promise });
        }
      }
      if (opts.stopWhenIdle && claimed.length === 0 && running.size === 0) break;
      // Claim again at once when the batch was full and slots remain; otherwise wait for a slot or the timer.
      if (claimed.length > 0 && claimed.length === free && running.size < concurrency) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          wake = null;
          resolve();
        }, running.size >= concurrency ? 2 ** 31 - 1 : pollIntervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
        if (signal.aborted) wake();
      });
    }
    await Promise.allSettled([...running.values()].map((r) => r.promise));
  } finally {
    clearInterval(heartbeat);
    signal.removeEventListener('abort', nudge);
  }
  return stats;
}
