// Sends a rendered page with a content ETag, so an unchanged page (counts included) answers 304.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Html } from './html.ts';
import { applySecurityHeaders } from './security.ts';

export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

export function matchesEtag(req: FastifyRequest, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

export function sendHtml(
  req: FastifyRequest,
  reply: FastifyReply,
  page: Html,
  opts: { status?: number; lang: string },
): FastifyReply {
  const body = '<!doctype html>\n' + page.value;
  const status = opts.status ?? 200;
  applySecurityHeaders(reply);
  reply.header('content-type', 'text/html; charset=utf-8');
  reply.header('content-language', opts.lang);
  // Pages change when articles are published and when share counts move: always revalidate.
  reply.header('cache-control', status === 200 ? 'no-cache' : 'no-store');
  if (status === 200) {
    const etag = etagOf(body);
    reply.header('etag', etag);
    if (matchesEtag(req, etag)) return reply.code(304).send();
  }
  return reply.code(status).send(body);
}
