// The kit pixel's counting. The request path only touches memory: a reader (HMAC of network prefix,
// User-Agent and placement under reader.ts's daily secret) counts once per placement per UTC day; bots,
// link-preview fetchers, prefetches and HEAD do not count. Counts are written in batches every couple of
// seconds and when the app closes (views-store.ts); a failed write keeps them for the next one.
import type { IncomingHttpHeaders } from 'node:http';
import type { AppContext } from '../../context.ts';
import type { Store } from '../../store/db.ts';
import { dayOf } from '../../store/daily-counts.ts';
import { isReaderView } from '../page-views.ts';
import { readerNetwork } from '../../domain/network-prefix.ts';
import { createReaderHasher } from '../reader.ts';
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

export function createPixelCounter(ctx: Pick<AppContext, 'store' | 'now' | 'site'>, opts: { flushMs?: number; maxReaders?: number; onError?: (e: unknown) => void } = {}): PixelCounter {
  const flushMs = opts.flushMs ?? 2000;
  const maxReaders = opts.maxReaders ?? 1_000_000;
  const hashReader = createReaderHasher(ctx.now);
  let seenDay = '';
  let seen = new Set<string>();
  let pending = new Map<string, RepublisherViews>();
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  function add(v: RepublisherViews): void {
    const id = `${v.articleId}\0${v.pageUrl}\0${v.day}`;
    const known = pending.get(id);
    if (known) known.count += v.count;
    else pending.set(id, { ...v });
  }

  async function write(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending.size) return;
    const batch = [...pending.values()];
    pending = new Map();
    try {
      // Like page views, these change no page: they bypass the change counter.
      await addRepublisherViews(ctx.store.db.withoutPlugins(), batch, ctx.now());
    } catch (err) {
      for (const v of batch) add(v);
      schedule();
      throw err;
    }
  }

  const flush = () => (writing = writing.catch(() => {}).then(write));

  function schedule(): void {
    if (timer) return;
    timer = setTimeout(() => flush().catch((err) => opts.onError?.(err)), flushMs);
    timer.unref();
  }

  return {
    record(req, articleId, placement) {
      if (!isReaderView(req)) return false;
      const day = dayOf(ctx.now());
      if (day !== seenDay) {
        seenDay = day;
        seen = new Set();
      }
      const reader = hashReader('pixel', readerNetwork(req.ip), String(req.headers['user-agent']), placement);
      if (seen.has(reader)) return false;
      if (seen.size < maxReaders) seen.add(reader);
      const pageUrl = refererPage(req.headers.referer, ctx.site.baseUrl) ?? placementUrn(placement);
      add({ articleId, placement, pageUrl, day, count: 1 });
      schedule();
      return true;
    },
    flush,
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
