// Whether a share request looks like a person's click. Browsers say what a request is for (Fetch
// Metadata): a click is a top-level navigation the user started, from our page or typed; an <img> or
// a script on another site that loads the URL is not. Known bots and tools never count, nor a client
// naming a browser that sends those headers while leaving them out.
import type { IncomingHttpHeaders } from 'node:http';
import { isbot } from 'isbot';

const header = (h: IncomingHttpHeaders, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

// Chrome, Edge, Opera (76+), Firefox (90+) and Safari (16.4+) send Sec-Fetch-* on every request.
const FETCH_METADATA_BROWSER = /\b(Chrome|Chromium|Firefox|Edg)\/\d+|\bVersion\/(1[7-9]|[2-9]\d)[.\d]* .*Safari\//;

export function looksLikePersonClick(h: IncomingHttpHeaders): boolean {
  const ua = header(h, 'user-agent') ?? '';
  if (!ua || isbot(ua) || /^(curl|wget|python|go-http|java|okhttp|node|undici|axios|libwww)/i.test(ua)) return false;
  const dest = header(h, 'sec-fetch-dest');
  if (dest === undefined) return !FETCH_METADATA_BROWSER.test(ua);
  const site = header(h, 'sec-fetch-site');
  return dest === 'document' && header(h, 'sec-fetch-user') === '?1' && (site === 'same-origin' || site === 'same-site' || site === 'none');
}
