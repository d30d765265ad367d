// Running the poller inside the server process (or a worker process): one call to start, one to stop.
import type { AppContext } from '../../context.ts';
import { createFetcher } from '../fetch/index.ts';
import type { Fetcher, FetcherOptions } from '../fetch/index.ts';
import { createPoller, type Poller, type PollerOptions } from './poller.ts';

export interface PollerService {
  poller: Poller;
  /** Stops claiming, lets polls in flight finish, writes them, gives the rest back. */
  stop(): Promise<void>;
}

/**
 * Starts polling due feeds in the background with the real safe fetcher: the caller's (which the caller
 * closes), or one made from the options given (closed on stop).
 */
export function startPoller(
  ctx: AppContext,
  opts: Omit<PollerOptions, 'store' | 'fetcher' | 'now'> & { fetcher?: FetcherOptions | Fetcher } = {},
): PollerService {
  const { fetcher: given, ...pollerOptions } = opts;
  const shared = given && 'fetch' in given ? given : null;
  const fetcher = shared ?? createFetcher({ timeoutMs: 30_000, ...(given as FetcherOptions | undefined) });
  const poller = createPoller({ ...pollerOptions, store: ctx.store, fetcher, now: ctx.now });
  const ac = new AbortController();
  const done = poller.run(ac.signal).catch((err) => console.error('[poll] stopped on error:', err));
  return {
    poller,
    async stop() {
      ac.abort();
      await done;
      if (!shared) await fetcher.close();
    },
  };
}
