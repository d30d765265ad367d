// The background work of a Relais process: the feed poller and the job worker (republisher checks,
// webmentions, WebSub). `relais serve` runs it in its one process (or in its first worker), `relais worker`
// runs only this. Any number of processes may run it on one database: feeds and jobs are claimed with
// leases (PostgreSQL FOR UPDATE SKIP LOCKED, SQLite BEGIN IMMEDIATE), never by two at once.
import type { AppContext } from '../context.ts';
import type { Fetcher } from '../ingest/fetch/index.ts';
import { startPoller, type PollerService } from '../ingest/poll/index.ts';
import { startFollowWorker } from '../follow/worker.ts';

export interface Background {
  /** What runs, for the start-up message. */
  readonly running: string[];
  /** Stops claiming, lets the work in flight finish and write its outcome, gives the rest back. */
  stop(): Promise<void>;
}

export function startBackground(ctx: AppContext, fetcher: Fetcher, env: NodeJS.ProcessEnv): Background {
  const running: string[] = [];
  let poller: PollerService | null = null;
  if (env.RELAIS_POLL !== '0') {
    // RELAIS_POLL_LEASE_MS: how long a claimed feed stays another poller's if its poller dies (default 10 min).
    const leaseMs = Number(env.RELAIS_POLL_LEASE_MS) > 0 ? Number(env.RELAIS_POLL_LEASE_MS) : undefined;
    poller = startPoller(ctx, {
      fetcher,
      ...(leaseMs ? { leaseMs } : {}),
      onPoll: (r) => {
        if (r.newCandidates > 0) console.log(`[poll] feed #${r.feedId} ${r.url}: ${r.newCandidates} new candidate(s)`);
      },
    });
    const p = poller;
    ctx.wakePoller = () => p.poller.wake();
    running.push('poller');
  }
  const jobs = env.RELAIS_FOLLOW_JOBS !== '0' ? startFollowWorker(ctx, fetcher) : null;
  if (jobs) running.push('jobs');
  return {
    running,
    async stop() {
      // The poller first: its last outcomes are written while the database is still open.
      await poller?.stop();
      await jobs?.stop();
    },
  };
}
