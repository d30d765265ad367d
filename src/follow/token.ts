// A copy token: 16 random base62 characters, a dot, the article id in base36, a dot, and the server's
// signature ("BdcYKAD1mC1G6xXA.99.<16 base64url>"). The server makes it (POST /copy/token, asked by the
// copy script before a copy) and signs it with the site's signing secret (secret.ts); /copy and
// /copy/visit take only tokens whose signature holds, so made-up tokens count nothing.
// `parseCopyToken` reads the unsigned part alone (how src/copies recognises a token in a copied text).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { randomBase62 } from './signed-token.ts';

export const COPY_TOKEN_PATTERN = /^([0-9A-Za-z]{16})\.([1-9a-z][0-9a-z]{0,10})$/;
export const SIGNED_COPY_TOKEN_PATTERN = /^([0-9A-Za-z]{16}\.[1-9a-z][0-9a-z]{0,10})\.([A-Za-z0-9_-]{16})$/;

/** The article id inside a well-formed token (its unsigned part), or null. */
export function parseCopyToken(token: unknown): { articleId: number } | null {
  if (typeof token !== 'string') return null;
  const m = COPY_TOKEN_PATTERN.exec(token);
  if (!m) return null;
  const articleId = parseInt(m[2], 36);
  return Number.isSafeInteger(articleId) && articleId > 0 ? { articleId } : null;
}

export function formatCopyToken(random16: string, articleId: number): string {
  return `${random16}.${articleId.toString(36)}`;
}

function signature(secret: Buffer, unsigned: string): string {
  return createHmac('sha256', secret).update('copy\0').update(unsigned).digest('base64url').slice(0, 16);
}

/** `<unsigned>.<signature>`: the signed form of an unsigned token. */
export function signCopyToken(secret: Buffer, unsigned: string): string {
  return `${unsigned}.${signature(secret, unsigned)}`;
}

export function makeCopyToken(secret: Buffer, articleId: number): string {
  return signCopyToken(secret, formatCopyToken(randomBase62(16), articleId));
}

/** The article id of a token this site signed, else null (malformed, unsigned or forged). */
export function verifyCopyToken(secret: Buffer, token: unknown): { articleId: number } | null {
  if (typeof token !== 'string') return null;
  const m = SIGNED_COPY_TOKEN_PATTERN.exec(token);
  if (!m) return null;
  const given = Buffer.from(m[2]);
  const expected = Buffer.from(signature(secret, m[1]));
  if (!timingSafeEqual(given, expected)) return null;
  return parseCopyToken(m[1]);
}
