// The copy-attribution script as served: read once at start-up, with a strong ETag of its bytes.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

export const COPY_SCRIPT_PATH = '/assets/relais-copy.js';

export interface StaticAsset {
  body: Buffer;
  etag: string;
}

export function loadCopyScript(): StaticAsset {
  const body = readFileSync(new URL('./assets/relais-copy.js', import.meta.url));
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { body, etag };
}

/** True when an If-None-Match header names this ETag (or is "*"). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}
