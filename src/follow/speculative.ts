// Browsers announce speculative loads (prefetch, prerender); a page or a share link loaded that way was not
// seen or clicked by anyone, so it is not counted.
import type { IncomingHttpHeaders } from 'node:http';

export function isPrefetch(headers: IncomingHttpHeaders): boolean {
  const h = headers;
  return /prefetch|prerender|preview/i.test(String(h['sec-purpose'] ?? h['purpose'] ?? h['x-purpose'] ?? h['x-moz'] ?? ''));
}
