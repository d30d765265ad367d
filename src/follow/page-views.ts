// First-party page views of articles, counted on the server as the page is answered (no script, no cookie).
// A reader counts once per article per UTC day: the reader is an HMAC of (network prefix, User-Agent, article)
// under the day's secret every process shares (reader-secrets.ts), replaced each day; no address is kept
// anywhere. The request path only touches memory: hits are batched and, every couple of seconds (and when the
// app closes), the readers no process had counted that day are added to daily_counts (daily-batch.ts, shared
// with the kit pixel).
import type { IncomingHttpHeaders } from 'node:http';
import { isBotAgent } from './bot-agent.ts';
import type { AppContext } from '../context.ts';
import type { Store } from '../store/db.ts';
import { addDailyCounts, dayOf, type DailyIncrement } from '../store/daily-counts.ts';
import { readerNetwork } from '../domain/network-prefix.ts';
import { sharedReaderHasher } from './reader-secrets.ts';
import { createDailyBatch, type DailyBatchOptions } from './daily-batch.ts';
import { isPrefetch } from './speculative.ts';

export interface PageViewRequest {
  method: string;
  ip: string;
  headers: IncomingHttpHeaders;
}

export interface PageViewCounter {
  /** Counts the view unless it is not a reader's (HEAD, prefetch, bot) or this reader was counted today. */
  record(req: PageViewRequest, articleId: number): boolean;
  /** Writes the batched counts now. */
  flush(): Promise<void>;
}

export type PageViewOptions = DailyBatchOptions;

/** A reader's view, as opposed to a machine's or a speculative load. */
export function isReaderView(req: PageViewRequest): boolean {
  if (req.method !== 'GET' || isPrefetch(req.headers)) return false;
  const ua = req.headers['user-agent'];
  return typeof ua === 'string' && ua !== '' && !isBotAgent(ua);
}

export function createPageViewCounter(ctx: Pick<AppContext, 'store' | 'now'>, opts: PageViewOptions = {}): PageViewCounter {
  const hashReader = sharedReaderHasher(ctx);
  const batch = createDailyBatch<DailyIncrement>(
    {
      // Views change no page, so they do not pass through the change counter that tells caches to re-read.
      db: () => ctx.store.db.withoutPlugins(),
      keyOf: (inc) => `${inc.articleId}\0${inc.day}`,
      write: addDailyCounts,
    },
    opts,
  );
  return {
    record(req, articleId) {
      if (!isReaderView(req)) return false;
      const day = dayOf(ctx.now());
      const reader = hashReader('view', readerNetwork(req.ip), String(req.headers['user-agent']), String(articleId));
      if (!batch.firstToday(day, reader)) return false;
      batch.add(day, reader, { articleId, metric: 'view', day, count: 1 });
      return true;
    },
    flush: batch.flush,
  };
}

// One counter per store, shared by the site (which records) and the API (which flushes before reading, so a
// dashboard in this process is exact).
const counters = new WeakMap<Store, PageViewCounter>();

export function pageViewsOf(ctx: Pick<AppContext, 'store' | 'now'>, opts?: PageViewOptions): PageViewCounter {
  let c = counters.get(ctx.store);
  if (!c) {
    c = createPageViewCounter(ctx, opts);
    counters.set(ctx.store, c);
  }
  return c;
}

/** Writes this process's batched views, if any counter exists for the store. */
export async function flushPageViews(ctx: Pick<AppContext, 'store'>): Promise<void> {
  await counters.get(ctx.store)?.flush();
}
