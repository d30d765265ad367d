// Subscribing by URL: the URL of a feed, or of a site's page whose feed is found by autodiscovery
// (<link rel="alternate">), then by trying the usual feed paths. Every request goes through the safe fetcher.
import type { AppContext } from '../../context.ts';
import { InputError } from '../../domain/types.ts';
import { ensureOutlet } from '../../publish/outlets.ts';
import { FetchError } from '../fetch/index.ts';
import type { Fetcher, FetchResult } from '../fetch/index.ts';
import { parseFeed } from '../feedparse/index.ts';
import type { ParseFeedResult, ParsedFeed } from '../feedparse/index.ts';
import { entriesToCandidates, insertCandidates, plainText } from './candidates.ts';
import { commonFeedUrls, discoverFeedLinks, looksLikeHtml } from './discover.ts';
import { addFeed, bodyHashOf, findFeedByUrl, getFeed, normaliseFeedUrl, type Feed } from './feeds.ts';
import { planAfterPoll } from '../poll/policy.ts';

/** What the ingest code needs of the safe fetcher (tests may pass a stand-in with the same shape). */
export type FeedFetcher = Pick<Fetcher, 'fetch'> & Partial<Pick<Fetcher, 'checkUrl'>>;

export type FeedParse = (
  body: Buffer,
  opts: { contentType?: string; url?: string; headers?: Record<string, string> },
) => ParseFeedResult | Promise<ParseFeedResult>;

export const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const PAGE_OR_FEED_ACCEPT = 'text/html;q=0.9, application/xhtml+xml;q=0.9, ' + FEED_ACCEPT;

export interface SubscribeDeps {
  fetcher: FeedFetcher;
  parse?: FeedParse;
}

export interface SubscribeInput {
  url: string;
  title?: string | null;
  folder?: string | null;
  outletId?: number | null;
  /** Name an outlet after the feed's site when no outletId is given (default true). */
  createOutlet?: boolean;
}

export interface SubscribeResult {
  feed: Feed;
  created: boolean;
  /** How the feed URL was found. */
  via: 'existing' | 'direct' | 'autodiscovery' | 'common-path';
  /** Entries of the first fetch stored as import candidates. */
  candidates: number;
}

const isFeed = (r: ParseFeedResult): r is Extract<ParseFeedResult, { ok: true }> => r.ok && (r.feed.version !== '' || r.feed.entries.length > 0);

async function tryFeed(deps: SubscribeDeps, url: string, accept: string): Promise<{ res: FetchResult; parsed: ParseFeedResult } | { error: FetchError | Error }> {
  try {
    const res = await deps.fetcher.fetch(url, { accept });
    const parse = deps.parse ?? parseFeed;
    const parsed = await parse(res.body, { contentType: res.headers['content-type'] ?? '', url: res.url, headers: res.headers });
    return { res, parsed };
  } catch (error) {
    return { error: error as Error };
  }
}

export async function subscribe(ctx: AppContext, deps: SubscribeDeps, input: SubscribeInput): Promise<SubscribeResult> {
  const check = deps.fetcher.checkUrl ? (u: string) => deps.fetcher.checkUrl!(u) : undefined;
  const { url } = normaliseFeedUrl(input.url, check);
  const existing = await findFeedByUrl(ctx.store.db, url);
  if (existing) return { feed: existing, created: false, via: 'existing', candidates: 0 };

  const first = await tryFeed(deps, url, PAGE_OR_FEED_ACCEPT);
  if ('error' in first) throw new InputError(`could not fetch ${url}: ${fetchReason(first.error)}`, 'url', 422);

  let chosen: { url: string; feed: ParsedFeed; via: SubscribeResult['via']; res: FetchResult } | null = null;
  if (isFeed(first.parsed)) {
    chosen = { url, feed: first.parsed.feed, via: 'direct', res: first.res };
  } else {
    const page = first.res;
    const declared = looksLikeHtml(page.body, page.contentType) ? discoverFeedLinks(page.text, page.url).map((d) => d.url) : [];
    const tried = new Set<string>([url]);
    const attempts: Array<[string, SubscribeResult['via']]> = [
      ...declared.slice(0, 5).map((u): [string, SubscribeResult['via']] => [u, 'autodiscovery']),
      ...(declared.length ? [] : commonFeedUrls(page.url).map((u): [string, SubscribeResult['via']] => [u, 'common-path'])),
    ];
    for (const [candidate, via] of attempts) {
      if (tried.has(candidate)) continue;
      tried.add(candidate);
      let normalised: string;
      try {
        normalised = normaliseFeedUrl(candidate, check).url;
      } catch {
        continue; // refused by the URL policy: never requested
      }
      const known = await findFeedByUrl(ctx.store.db, normalised);
      if (known) return { feed: known, created: false, via: 'existing', candidates: 0 };
      const r = await tryFeed(deps, normalised, FEED_ACCEPT);
      if ('error' in r || !isFeed(r.parsed)) continue;
      chosen = { url: normalised, feed: r.parsed.feed, via, res: r.res };
      break;
    }
    if (!chosen) {
      const why = first.parsed.ok ? 'not a feed' : first.parsed.error;
      throw new InputError(
        `no feed found at ${url} (${why}; ${declared.length ? `${declared.length} declared feed link(s) did not work` : 'no <link rel="alternate"> feed link, and none of the usual feed paths answered with a feed'})`,
        'url',
        422,
      );
    }
  }

  const title = input.title ?? (plainText(chosen.feed.title) || null);
  const siteUrl = chosen.feed.link ?? (chosen.via === 'direct' ? null : first.res.url);
  let outletId = input.outletId ?? null;
  if (outletId == null && input.createOutlet !== false && siteUrl && title) {
    try {
      outletId = (await ensureOutlet(ctx, { name: title.slice(0, 200), homeUrl: siteUrl })).id;
    } catch {
      outletId = null; // an unusable site link does not prevent the subscription
    }
  }
  const { feed, created } = await addFeed(ctx, { url: chosen.url, title, siteUrl, folder: input.folder ?? null, outletId }, check ? { checkUrl: check } : {});
  if (!created) return { feed, created, via: 'existing', candidates: 0 };
  const candidates = await insertCandidates(ctx.store.db, feed.id, entriesToCandidates(chosen.feed.entries), ctx.now());
  // This fetch counts as the first poll: keep its validators and schedule the next one accordingly.
  const now = ctx.now();
  const res = chosen.res;
  const plan = planAfterPoll(
    { kind: 'ok', status: res.status, headers: res.headers, etag: res.etag ?? null, lastModified: res.lastModified ?? null, bodyHash: bodyHashOf(res.body) },
    { errorCount: 0, etag: null, lastModified: null, bodyHash: null, lastStatus: null },
    now,
  );
  await ctx.store.db
    .updateTable('feeds')
    .set({
      etag: plan.etag, last_modified: plan.lastModified, body_hash: plan.bodyHash, last_status: plan.lastStatus,
      last_checked_at: now.toISOString(), last_success_at: now.toISOString(), next_check_at: plan.nextCheckAt.toISOString(),
    })
    .where('id', '=', feed.id)
    .execute();
  return { feed: await getFeed(ctx, feed.id), created, via: chosen.via, candidates };
}

function fetchReason(err: Error): string {
  return err instanceof FetchError ? err.reason : err.message;
}
