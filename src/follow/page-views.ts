// First-party page views of articles, counted on the server as the page is answered (no script, no cookie).
// A reader counts once per article per UTC day: the day's set holds HMACs of (network prefix, User-Agent,
// article) under reader.ts's secret, which is replaced each day, and the set is dropped at the day change;
// no address is kept anywhere. The request path only touches memory: counts are batched and written every
// couple of seconds (and when the app closes) as upserts into daily_counts.
import type { IncomingHttpHeaders } from 'node:http';
import { isbot } from 'isbot';
import type { AppContext } from '../context.ts';
import type { Store } from '../store/db.ts';
import { addDailyCounts, dayOf, type DailyIncrement } from '../store/daily-counts.ts';
import { readerNetwork } from '../domain/network-prefix.ts';
import { createReaderHasher } from './reader.ts';
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

export interface PageViewOptions {
  flushMs?: number;
  /** Readers remembered per day; past it, views are still counted but not deduplicated (bounded memory). */
  maxReaders?: number;
  onError?: (err: unknown) => void;
}

/** A reader's view, as opposed to a machine's or a speculative load. */
export function isReaderView(req: PageViewRequest): boolean {
  if (req.method !== 'GET' || isPrefetch(req.headers)) return false;
  const ua = req.headers['user-agent'];
  return typeof ua === 'string' && ua !== '' && !isbot(ua);
}

export function createPageViewCounter(ctx: Pick<AppContext, 'store' | 'now'>, opts: PageViewOptions = {}): PageViewCounter {
  const flushMs = opts.flushMs ?? 2000;
  const maxReaders = opts.maxReaders ?? 1_000_000;
  const hashReader = createReaderHasher(ctx.now);
  let seenDay = '';
  let seen = new Set<string>();
  let pending = new Map<string, DailyIncrement>();
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  function add(inc: DailyIncrement): void {
    const id = `${inc.articleId}\0${inc.day}`;
    const known = pending.get(id);
    if (known) known.count += inc.count;
    else pending.set(id, { ...inc });
  }

  async function write(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending.size) return;
    const batch = [...pending.values()];
    pending = new Map();
    try {
      // Views change no page, so they do not pass through the change counter that tells caches to re-read.
      await addDailyCounts(ctx.store.db.withoutPlugins(), batch);
    } catch (err) {
      for (const inc of batch) add(inc); // kept for the next flush: nothing is lost to a passing failure
      schedule();
      throw err;
    }
  }

  function flush(): Promise<void> {
    writing = writing.catch(() => {}).then(write);
    return writing;
  }

  function schedule(): void {
    if (timer) return;
    timer = setTimeout(() => flush().catch((err) => opts.onError?.(err)), flushMs);
    timer.unref();
  }

  return {
    record(req, articleId) {
      if (!isReaderView(req)) return false;
      const now = ctx.now();
      const day = dayOf(now);
      if (day !== seenDay) {
        seenDay = day;
        seen = new Set();
      }
      const reader = hashReader('view', readerNetwork(req.ip), String(req.headers['user-agent']), String(articleId));
      if (seen.has(reader)) return false;
      if (seen.size < maxReaders) seen.add(reader);
      add({ articleId, metric: 'view', day, count: 1 });
      schedule();
      return true;
    },
    flush,
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
