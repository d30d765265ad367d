// Sends a rendered page with an ETag, so an unchanged page (share counts included) answers 304. A page
// kept in memory keeps its headers too (documentHeaders, built once), so a request only copies them.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Html } from './html.ts';
import { applySecurityHeaders, SECURITY_HEADERS } from './security.ts';
import { publicCacheHeaders, type CachePolicy } from '../cdn/policy.ts';

export const DOCTYPE = '<!doctype html>\n';
const HTML_TYPE = 'text/html; charset=utf-8';

export function etagOf(body: string | Buffer): string {
  return `"${hashOf(body)}"`;
}

export function hashOf(body: string | Buffer): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 27);
}

export function matchesEtag(req: FastifyRequest, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

export interface DocumentOptions {
  lang: string;
  etag: string;
  cache?: { policy: CachePolicy; keys: string[] };
}

/** What a 200 document carries: the security headers, type, language, caching and ETag. */
export function documentHeaders(opts: DocumentOptions): Record<string, string> & { etag: string } {
  // A page the same for every reader may be kept by browsers and a CDN for the policy's lifetimes (the publish
  // operations purge it by its keys); any other page is revalidated every time.
  const caching = opts.cache ? publicCacheHeaders(opts.cache.policy, opts.cache.keys) : { 'cache-control': 'no-cache' };
  return { ...SECURITY_HEADERS, 'content-type': HTML_TYPE, 'content-language': opts.lang, ...caching, etag: opts.etag };
}

/** Sends a 200 document with its headers as documentHeaders made them, or 304 when the reader's copy is current. */
export function sendPrepared(req: FastifyRequest, reply: FastifyReply, body: Buffer | string, headers: Record<string, string> & { etag: string }): FastifyReply {
  reply.headers(headers);
  if (matchesEtag(req, headers.etag)) return reply.code(304).send();
  return reply.send(body);
}

/** Sends a complete document (doctype included); `etag` may be given when the caller knows it cheaper. */
export function sendDocument(
  req: FastifyRequest,
  reply: FastifyReply,
  body: Buffer | string,
  opts: { status?: number; lang: string; etag?: string; cache?: { policy: CachePolicy; keys: string[] } },
): FastifyReply {
  const status = opts.status ?? 200;
  if (status === 200) return sendPrepared(req, reply, body, documentHeaders({ lang: opts.lang, etag: opts.etag ?? etagOf(body), cache: opts.cache }));
  // Errors are never kept.
  applySecurityHeaders(reply);
  reply.headers({ 'content-type': HTML_TYPE, 'content-language': opts.lang, 'cache-control': 'no-store' });
  return reply.code(status).send(body);
}

export function sendHtml(req: FastifyRequest, reply: FastifyReply, page: Html, opts: { status?: number; lang: string }): FastifyReply {
  return sendDocument(req, reply, DOCTYPE + page.value, opts);
}
