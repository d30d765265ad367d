// The kit pixel's answer and what a hit does, shared by the Fastify route (routes.ts) and the raw fast path
// (pixel-fast-path.ts), so both answer the same bytes and count the same way.
import type { PixelCounter, PixelHit } from './pixel-counter.ts';
import { placementArticle } from './placement.ts';

/** The smallest transparent GIF (1×1, 43 bytes). */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

// The site's security headers (web/security.ts) as they apply to a cross-origin image: nothing may run or
// frame it, it is never sniffed as anything but a GIF, and other sites may embed it.
export const PIXEL_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'image/gif',
  'content-length': String(PIXEL_GIF.length),
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'cross-origin',
  'referrer-policy': 'no-referrer',
};

const RECENT_TOKENS = 5_000;

export type PixelHits = (file: string, req: PixelHit) => void;

export function createPixelHits(secret: Buffer, counter: PixelCounter): PixelHits {
  // Genuine placements seen lately, so a busy placement costs one signature check, not one per view. Two
  // generations (a hit in the older one moves it to the newer; a full newer one becomes the older): about
  // least-recently-used, at most 2 × RECENT_TOKENS, and a hot token's hit is one Map lookup, no reordering.
  // Forged tokens are not remembered, so they cannot push genuine ones out.
  let current = new Map<string, number>();
  let previous = new Map<string, number>();
  const remember = (token: string, id: number) => {
    if (current.size >= RECENT_TOKENS) {
      previous = current;
      current = new Map();
    }
    current.set(token, id);
  };
  const articleOf = (token: string): number | null => {
    const hot = current.get(token);
    if (hot !== undefined) return hot;
    const id = previous.get(token) ?? placementArticle(secret, token);
    if (id !== null) remember(token, id);
    return id;
  };
  return (file, req) => {
    const token = file.endsWith('.gif') ? file.slice(0, -4) : '';
    const articleId = token ? articleOf(token) : null;
    if (articleId !== null) counter.record(req, articleId, token);
  };
}
