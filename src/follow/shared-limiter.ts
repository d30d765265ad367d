// Rate limits every process shares: in the database (rate_windows, store/rate-windows.ts), or in Redis when
// RELAIS_REDIS_URL is set (ctx.rateCounter, store/redis-windows.ts). The client key is hashed with the shared
// reader secret first, so no address reaches either. With the database, the endpoints that write to it anyway
// (share clicks, copy reports and tokens, webmentions, WebSub hub requests) make one upsert more; the hot
// counting paths (page views, the kit pixel) use none. An error of either backend lets the request through
// (logged by the caller's onError): a limit is a guard against inflation, not a reason to fail a reader's click.
import type { AppContext } from '../context.ts';
import { databaseRateCounter, pruneRateWindows } from '../store/rate-windows.ts';
import { sharedReaderHasher } from './reader-secrets.ts';

export interface SharedRateLimiter {
  /** Takes one unit for `key`; false when the key has used up its budget for the current window. */
  take(key: string): Promise<boolean>;
}

type LimitContext = Pick<AppContext, 'store' | 'now' | 'rateCounter'>;

export function createSharedRateLimiter(
  ctx: LimitContext,
  opts: { name: string; limit: number; windowMs: number; onError?: (err: unknown) => void },
): SharedRateLimiter {
  const hash = sharedReaderHasher(ctx);
  const counter = ctx.rateCounter ?? databaseRateCounter(ctx.store.db.withoutPlugins()); // a budget changes no page
  return {
    async take(key) {
      const t = ctx.now().getTime();
      const start = t - (t % opts.windowMs);
      try {
        return (await counter.take(`${opts.name}:${hash('limit', opts.name, key)}`, start, opts.windowMs, t)) <= opts.limit;
      } catch (err) {
        opts.onError?.(err);
        return true;
      }
    },
  };
}

/** Drops the database's windows older than `maxWindowMs` (the longest window in use); Redis expires its own. */
export async function pruneSharedLimits(ctx: LimitContext, maxWindowMs: number): Promise<void> {
  if (ctx.rateCounter) return;
  await pruneRateWindows(ctx.store.db.withoutPlugins(), ctx.now().getTime() - maxWindowMs);
}
