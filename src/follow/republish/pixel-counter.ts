// The kit pixel's counting. The request path only touches memory: a reader (HMAC of network prefix,
// User-Agent and placement under the day's secret every process shares) counts once per placement per UTC
// day, whichever process it reaches; bots, link-preview fetchers, prefetches and HEAD do not count. Counts are
// written in batches every couple of seconds and when the app closes (daily-batch.ts, views-store.ts); a
// failed write keeps them for the next one.
import type { IncomingHttpHeaders } from 'node:http';
import type { AppContext } from '../../context.ts';
import type { Store } from '../../store/db.ts';
import { dayOf } from '../../store/daily-counts.ts';
import { isReaderView } from '../page-views.ts';
import { readerNetwork } from '../../domain/network-prefix.ts';
import { sharedReaderHasher } from '../reader-secrets.ts';
import { createDailyBatch, type DailyBatchOptions } from '../daily-batch.ts';
import { addRepublisherViews, placementUrn, type RepublisherViews } from './views-store.ts';

export interface PixelHit {
  method: string;
  ip: string;
  headers: IncomingHttpHeaders;
}

export interface PixelCounter {
  record(req: PixelHit, articleId: number, placement: string): boolean;
  flush(): Promise<void>;
}

/** The republishing page named by the Referer (without its fragment), or null for none, our own site or a non-web URL. */
export function refererPage(referer: unknown, baseUrl: string): string | null {
  if (typeof referer !== 'string' || referer.length > 2000) return null;
  try {
    const u = new URL(referer);
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.origin === new URL(baseUrl).origin) return null;
    u.hash = '';
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return null;
  }
}

export function createPixelCounter(ctx: Pick<AppContext, 'store' | 'now' | 'site'>, opts: DailyBatchOptions = {}): PixelCounter {
  const hashReader = sharedReaderHasher(ctx);
  const batch = createDailyBatch<RepublisherViews>(
    {
      // Like page views, these change no page: they bypass the change counter.
      db: () => ctx.store.db.withoutPlugins(),
      keyOf: (v) => `${v.articleId}\0${v.pageUrl}\0${v.day}`,
      write: async (db, b) => {
        await addRepublisherViews(db, b, ctx.now());
      },
    },
    opts,
  );
  return {
    record(req, articleId, placement) {
      if (!isReaderView(req)) return false;
      const day = dayOf(ctx.now());
      const reader = hashReader('pixel', readerNetwork(req.ip), String(req.headers['user-agent']), placement);
      if (!batch.firstToday(day, reader)) return false;
      const pageUrl = refererPage(req.headers.referer, ctx.site.baseUrl) ?? placementUrn(placement);
      batch.add(day, reader, { articleId, placement, pageUrl, day, count: 1 });
      return true;
    },
    flush: batch.flush,
  };
}

const counters = new WeakMap<Store, PixelCounter>();

export function pixelCounterOf(ctx: Pick<AppContext, 'store' | 'now' | 'site'>, opts?: Parameters<typeof createPixelCounter>[1]): PixelCounter {
  let c = counters.get(ctx.store);
  if (!c) counters.set(ctx.store, (c = createPixelCounter(ctx, opts)));
  return c;
}

export async function flushPixelViews(ctx: Pick<AppContext, 'store'>): Promise<void> {
  await counters.get(ctx.store)?.flush();
}
