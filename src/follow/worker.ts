// The background work of follow/: republisher checks, webmentions sent and verified, WebSub deliveries.
// `relais serve` runs one worker over these job kinds (startFollowWorker); tests run the handlers directly.
import type { AppContext } from '../context.ts';
import type { Fetcher } from '../ingest/fetch/index.ts';
import { runWorker, type JobHandler } from '../ingest/jobs/index.ts';
import { REPUBLISHER_CHECK_JOB, republisherCheckHandler } from './republish/check-job.ts';
import { WEBMENTION_SEND, WEBSUB_PUBLISH } from './on-publish.ts';
import { webmentionSendHandler } from './webmention/send-job.ts';
import { WEBMENTION_VERIFY_JOB } from './webmention/receive.ts';
import { webmentionVerifyHandler } from './webmention/verify-job.ts';
import { websubPublishHandler } from './websub/publish-job.ts';
import { WEBSUB_VERIFY_JOB } from './websub/hub.ts';
import { websubVerifyHandler } from './websub/verify-intent-job.ts';
import { WEBSUB_SUBSCRIBE_JOB } from '../ingest/websub/subscriptions.ts';
import { websubSubscribeHandler } from '../ingest/websub/subscribe-job.ts';

export function followJobHandlers(ctx: AppContext, fetcher: Fetcher): Record<string, JobHandler> {
  return {
    [REPUBLISHER_CHECK_JOB]: republisherCheckHandler(ctx, fetcher),
    [WEBMENTION_SEND]: webmentionSendHandler(ctx, fetcher),
    [WEBMENTION_VERIFY_JOB]: webmentionVerifyHandler(ctx, fetcher),
    [WEBSUB_PUBLISH]: websubPublishHandler(ctx, fetcher),
    [WEBSUB_VERIFY_JOB]: websubVerifyHandler(ctx, fetcher),
    [WEBSUB_SUBSCRIBE_JOB]: websubSubscribeHandler(ctx, fetcher),
  };
}

/** Runs the handlers until `stop()`; errors are logged, never thrown. */
export function startFollowWorker(ctx: AppContext, fetcher: Fetcher, log: (msg: string) => void = console.error): { stop(): Promise<void> } {
  const abort = new AbortController();
  const done = runWorker({
    store: ctx.store,
    handlers: followJobHandlers(ctx, fetcher),
    concurrency: 2,
    signal: abort.signal,
    now: ctx.now,
    onError: (err, job) => log(`follow job ${job ? `${job.kind} #${job.id}` : ''} failed: ${(err as Error).message}`),
  }).catch((err) => log(`follow worker stopped: ${(err as Error).message}`));
  return {
    async stop() {
      abort.abort();
      await done;
    },
  };
}

/** For tests and scripts: runs the follow jobs that are due until none is left. */
export async function runFollowJobsOnce(ctx: AppContext, fetcher: Fetcher): Promise<void> {
  await runWorker({ store: ctx.store, handlers: followJobHandlers(ctx, fetcher), stopWhenIdle: true, pollIntervalMs: 10, now: ctx.now });
}
