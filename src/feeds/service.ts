// The feed operation: a scope and a format in, serialised bytes and validators out, cached in memory.
import { createHash } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { FeedFormat } from '../domain/urls.ts';
import { FeedCache, type RenderedFeed } from './cache.ts';
import { loadFeed } from './load.ts';
import { resolveScope, type FeedScope, type ScopeKind } from './scope.ts';
import { nextDue, storeVersion, type StoreVersion } from './version.ts';
import { memoUntilWrite } from '../store/change-counter.ts';
import { renderRss } from './rss.ts';
import { renderAtom } from './atom.ts';
import { renderJsonFeed } from './json.ts';
import type { FeedDoc } from './model.ts';
import { feedKeys } from '../cdn/page-keys.ts';
import { authorKey, HOME_KEY, langKey, sectionKey } from '../cdn/keys.ts';

/** The place a scope's feed mirrors, as a surrogate key: home, lang-fr, section-3, author-7. */
function placeOf(scope: FeedScope): string {
  const f = scope.filter;
  if (f.sectionId != null) return sectionKey(f.sectionId);
  if (f.personId != null) return authorKey(f.personId);
  return f.language ? langKey(f.language) : HOME_KEY;
}

export const RENDERERS: Record<FeedFormat, (doc: FeedDoc) => string> = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };

export const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export interface FeedServiceOptions {
  /** Memory budget of the cache (serialised bytes). */
  maxBytes?: number;
  /**
   * Longest a cached feed is served without a rebuild. Article changes invalidate at once (store version);
   * this bounds staleness from changes that do not touch articles (a person or section renamed).
   */
  maxAgeMs?: number;
}

export interface FeedService {
  get(kind: ScopeKind, param: string, format: FeedFormat): Promise<RenderedFeed>;
  readonly cache: FeedCache;
}

export function createFeedService(ctx: AppContext, opts: FeedServiceOptions = {}): FeedService {
  const cache = new FeedCache(opts.maxBytes ?? 64 * 1024 * 1024);
  const maxAgeMs = opts.maxAgeMs ?? 60_000;
  // Concurrent misses for the same feed and version share one build.
  const building = new Map<string, Promise<RenderedFeed>>();
  // The store's version is read again only after this process wrote to the store, or once a second (for
  // writes by other processes); concurrent requests share one query.
  const currentVersion = memoUntilWrite(
    () => ctx.store.changes(),
    () => storeVersion(ctx.store.db),
  );

  // The three formats of a scope are usually fetched together: they share one load of the store.
  const docs = new Map<string, { version: string; validUntil: number; loading: Promise<{ doc: FeedDoc; validUntil: number }> }>();
  const DOCS_KEPT = 16;

  function loadDoc(scope: FeedScope, version: StoreVersion): Promise<{ doc: FeedDoc; validUntil: number }> {
    const kept = docs.get(scope.key);
    if (kept && kept.version === version.key && ctx.now().getTime() < kept.validUntil) return kept.loading;
    const now = ctx.now();
    const loading = Promise.all([loadFeed(ctx, scope, now, version.lastChange), nextDue(ctx.store.db, now)]).then(([doc, due]) => ({
      doc,
      validUntil: Math.min(now.getTime() + maxAgeMs, due ?? Infinity),
    }));
    const entry = { version: version.key, validUntil: Infinity, loading };
    docs.delete(scope.key);
    docs.set(scope.key, entry);
    if (docs.size > DOCS_KEPT) docs.delete(docs.keys().next().value as string);
    loading.then(
      (r) => (entry.validUntil = r.validUntil),
      () => docs.get(scope.key) === entry && docs.delete(scope.key),
    );
    return loading;
  }

  async function build(key: string, scope: FeedScope, format: FeedFormat, version: StoreVersion) {
    const { doc, validUntil } = await loadDoc(scope, version);
    const body = Buffer.from(RENDERERS[format](doc), 'utf8');
    const feed: RenderedFeed = {
      version: version.key,
      validUntil,
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
      lastModified: doc.entries.length ? doc.updated : null,
      hub: doc.hub ?? null,
      self: doc.feedUrls[format],
      keys: feedKeys(placeOf(scope)),
    };
    cache.set(key, feed);
    return feed;
  }

  return {
    cache,
    async get(kind, param, format) {
      // Resolving first answers 404 for unknown scopes before anything else is done.
      const scope = await resolveScope(ctx, kind, param);
      const version = await currentVersion();
      const key = `${scope.key}|${format}`;
      const hit = cache.get(key);
      if (hit && hit.version === version.key && ctx.now().getTime() < hit.validUntil) return hit;
      const flight = `${key}|${version.key}`;
      let pending = building.get(flight);
      if (!pending) {
        pending = build(key, scope, format, version).finally(() => building.delete(flight));
        building.set(flight, pending);
      }
      return pending;
    },
  };
}
