// URI joining with the leniency feeds need, and the scheme allow-list that keeps `javascript:` out.
import { ACCEPTABLE_URI_SCHEMES } from './sanitize-lists.ts';

const SCHEMES = new Set(ACCEPTABLE_URI_SCHEMES);

/** Joins `uri` to `base` like Python's urljoin (relative bases allowed); '' when the join is impossible. */
export function urljoin(base: string, uri: string): string {
  uri = uri.replace(/^([A-Za-z][A-Za-z0-9+\-.]*:\/\/)(\/*)/, '$1');
  if (!base) return uri;
  if (!uri) return base;
  if (/^[A-Za-z][A-Za-z0-9+\-.]*:/.test(uri)) return uri;
  if (!/^[A-Za-z][A-Za-z0-9+\-.]*:\/\//.test(base)) return uri;
  try {
    const href = new URL(uri, base).href;
    // WHATWG URLs percent-encode non-ASCII; feeds expect the IRI as written.
    if (!/[^\x00-\x7f]/.test(uri + base)) return href;
    return href.replace(/(%[c-fC-F][0-9a-fA-F](%[89abAB][0-9a-fA-F])+)+/g, (m) => { try { return decodeURIComponent(m); } catch { return m; } });
  } catch {
    return '';
  }
}

function schemeOf(u: string): string {
  const m = /^\s*([A-Za-z][A-Za-z0-9+\-.]*):/.exec(u);
  return m ? m[1] : '';
}

/** urljoin restricted to acceptable schemes: '' when the result would be e.g. `javascript:`. */
export function makeSafeAbsoluteUri(base: string, rel?: string): string {
  if (!base) return rel ?? '';
  if (!rel) {
    const s = schemeOf(base);
    return !s || SCHEMES.has(s) ? base : '';
  }
  const uri = urljoin(base, rel);
  const s = uri.trim().split(':', 1)[0];
  return SCHEMES.has(s) ? uri : '';
}
