// Sends a rendered page with an ETag, so an unchanged page (share counts included) answers 304.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Html } from './html.ts';
import { applySecurityHeaders } from './security.ts';
import { setPublicCache, type CachePolicy } from '../cdn/policy.ts';

export const DOCTYPE = '<!doctype html>\n';

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

/** Sends a complete document (doctype included); `etag` may be given when the caller knows it cheaper. */
export function sendDocument(
  req: FastifyRequest,
  reply: FastifyReply,
  body: Buffer | string,
  opts: { status?: number; lang: string; etag?: string; cache?: { policy: CachePolicy; keys: string[] } },
): FastifyReply {
  const status = opts.status ?? 200;
  applySecurityHeaders(reply);
  reply.header('content-type', 'text/html; charset=utf-8');
  reply.header('content-language', opts.lang);
  // A page the same for every reader may be kept by browsers and a CDN for the policy's lifetimes (the publish
  // operations purge it by its keys); any other page is revalidated every time; errors are never kept.
  if (status === 200 && opts.cache) setPublicCache(reply, opts.cache.policy, opts.cache.keys);
  else reply.header('cache-control', status === 200 ? 'no-cache' : 'no-store');
  if (status === 200) {
    const etag = opts.etag ?? etagOf(body);
    reply.header('etag', etag);
    if (matchesEtag(req, etag)) return reply.code(304).send();
  }
  return reply.code(status).send(body);
}

export function sendHtml(req: FastifyRequest, reply: FastifyReply, page: Html, opts: { status?: number; lang: string }): FastifyReply {
  return sendDocument(req, reply, DOCTYPE + page.value, opts);
}
