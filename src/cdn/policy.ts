// How long browsers and a CDN keep public pages and feeds, and the headers that say so.
import type { FastifyReply } from 'fastify';

export interface CachePolicy {
  /** max-age: browsers and shared caches (seconds). */
  maxAge: number;
  /** s-maxage: shared caches only, when set (a CDN whose purge is configured can keep pages longer). */
  cdnMaxAge: number | null;
  /** stale-while-revalidate: a stale copy is served while one fresh request refreshes it. */
  staleWhileRevalidate: number;
  /** stale-if-error: a stale copy is served while Relais answers 5xx or cannot be reached. */
  staleIfError: number;
}

export const DEFAULT_POLICY: CachePolicy = { maxAge: 60, cdnMaxAge: null, staleWhileRevalidate: 600, staleIfError: 86_400 };

export function cacheControlOf(p: CachePolicy): string {
  const cdn = p.cdnMaxAge == null ? '' : `, s-maxage=${p.cdnMaxAge}`;
  return `public, max-age=${p.maxAge}${cdn}, stale-while-revalidate=${p.staleWhileRevalidate}, stale-if-error=${p.staleIfError}`;
}

/** The headers of a publicly cacheable response naming its keys: Fastly's Surrogate-Key, Cloudflare's Cache-Tag. */
export function publicCacheHeaders(policy: CachePolicy, keys: string[]): Record<string, string> {
  const headers: Record<string, string> = { 'cache-control': cacheControlOf(policy) };
  if (keys.length) {
    headers['surrogate-key'] = keys.join(' ');
    headers['cache-tag'] = keys.join(',');
  }
  return headers;
}

/** Marks a response publicly cacheable and names its keys (publicCacheHeaders). */
export function setPublicCache(reply: FastifyReply, policy: CachePolicy, keys: string[]): FastifyReply {
  return reply.headers(publicCacheHeaders(policy, keys));
}
