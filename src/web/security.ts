// Headers every response of the public site carries. The CSP allows our own scripts and styles only
// (no inline code anywhere), our own images only (imports bring pictures into the media library; the
// pages drop any other), and frames from the embed allowlist.
import type { FastifyReply } from 'fastify';
import { EMBED_HOSTS } from '../domain/embeds.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "script-src 'self'",
  "style-src 'self'",
  `frame-src ${EMBED_HOSTS.join(' ')}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'SAMEORIGIN',
});

export function applySecurityHeaders(reply: FastifyReply): void {
  reply.headers(SECURITY_HEADERS);
}
