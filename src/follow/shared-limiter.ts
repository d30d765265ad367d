// Rate limits every process shares (rate_windows, store/rate-windows.ts): the client key is hashed with the
// shared reader secret first, so no address reaches the table. For the endpoints that write to the database
// anyway (share clicks, copy reports and tokens, webmentions, WebSub hub requests), one upsert more; the hot
// counting paths (page views, the kit pixel) use none. A database error lets the request through (logged by
// the caller's onError): a limit is a guard against inflation, not a reason to fail a reader's click.
import type { AppContext } from '../context.ts';
import { pruneRateWindows, takeUnit } from '../store/rate-windows.ts';
import { sharedReaderHasher } from './reader-secrets.ts';

export interface SharedRateLimiter {
  /** Takes one unit for `key`; false when the key has used up its budget for the current window. */
  take(key: string): Promise<boolean>;
}

export function createSharedRateLimiter(
  ctx: Pick<AppContext, 'store' | 'now'>,
  opts: { name: string; limit: number; windowMs: number; onError?: (err: unknown) => void },
): SharedRateLimiter {
  const hash = sharedReaderHasher(ctx);
  const db = ctx.store.db.withoutPlugins(); // a budget changes no page
  return {
    async take(key) {
      const t = ctx.now().getTime();
      const start = t - (t % opts.windowMs);
      try {
        return (await takeUnit(db, `${opts.name}:${hash('limit', opts.name, key)}`, start)) <= opts.limit;
      } catch (err) {
        opts.onError?.(err);
        return true;
      }
    },
  };
}

/** Drops the windows older than `maxWindowMs` (the longest window in use). */
export async function pruneSharedLimits(ctx: Pick<AppContext, 'store' | 'now'>, maxWindowMs: number): Promise<void> {
  await pruneRateWindows(ctx.store.db.withoutPlugins(), ctx.now().getTime() - maxWindowMs);
}
