// Pure parsing of the response headers that say when to ask again (RFC 9111 freshness, RFC 9110 Retry-After).
// For a polling client: no shared-cache directives (s-maxage, public/private) are considered.

export type HeaderSource =
  | Headers
  | Record<string, string | readonly string[] | number | undefined | null>
  | Iterable<readonly [string, string]>;

export interface CachePolicy {
  /** Seconds the response stays fresh from `now` (max-age or Expires, minus Age). 0 with no-store/no-cache. */
  maxAgeSeconds?: number;
  /** now + maxAgeSeconds. */
  expiresAt?: Date;
  /** Retry-After (delta seconds or HTTP date) as seconds from `now`, never negative. */
  retryAfterSeconds?: number;
  /** Cache-Control: no-store. */
  noStore?: boolean;
  /** Cache-Control: no-cache (must revalidate before each reuse). */
  noCache?: boolean;
}

function headerGetter(headers: HeaderSource): (name: string) => string | undefined {
  if (typeof (headers as Headers).get === 'function' && typeof (headers as Headers).has === 'function') {
    const h = headers as Headers;
    return (name) => h.get(name) ?? undefined;
  }
  const map = new Map<string, string>();
  const add = (k: string, v: unknown) => {
    if (v === undefined || v === null) return;
    const value = Array.isArray(v) ? v.join(', ') : String(v);
    const key = k.toLowerCase();
    map.set(key, map.has(key) ? `${map.get(key)}, ${value}` : value);
  };
  if (Symbol.iterator in (headers as object)) {
    for (const [k, v] of headers as Iterable<readonly [string, string]>) add(k, v);
  } else {
    for (const [k, v] of Object.entries(headers)) add(k, v);
  }
  return (name) => map.get(name);
}

/** Parses an HTTP date (IMF-fixdate, RFC 850 or asctime; Date.parse accepts all three). */
export function parseHttpDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (!/[a-z]/i.test(v)) return undefined; // "0", "-1", bare numbers are not dates
  // asctime has no zone but means GMT; Date.parse would read it as local time.
  const t = Date.parse(/^[a-z]{3} [a-z]{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/i.test(v) ? `${v} GMT` : v);
  return Number.isNaN(t) ? undefined : new Date(t);
}

function parseDirectives(value: string | undefined): Map<string, string | true> {
  const out = new Map<string, string | true>();
  if (!value) return out;
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (!name || out.has(name)) continue; // first occurrence wins
    out.set(name, eq < 0 ? true : part.slice(eq + 1).trim().replace(/^"|"$/g, ''));
  }
  return out;
}

function deltaSeconds(v: string | true | undefined): number | undefined {
  if (typeof v !== 'string' || !/^\d+$/.test(v)) return undefined;
  return Math.min(Number(v), 2 ** 31 - 1);
}

export function cachePolicy(headers: HeaderSource, now: Date | number = Date.now()): CachePolicy {
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const get = headerGetter(headers);
  const out: CachePolicy = {};

  const cc = parseDirectives(get('cache-control'));
  const age = deltaSeconds(get('age')?.trim()) ?? 0;
  let lifetime: number | undefined;
  if (cc.has('no-store')) {
    out.noStore = true;
    lifetime = 0;
  }
  if (cc.has('no-cache')) {
    out.noCache = true;
    lifetime = 0;
  }
  if (lifetime === undefined) {
    const maxAge = deltaSeconds(cc.get('max-age'));
    if (maxAge !== undefined) {
      lifetime = maxAge;
    } else if (cc.has('max-age')) {
      lifetime = 0; // present but invalid: treat as stale
    } else {
      const expiresHeader = get('expires');
      if (expiresHeader !== undefined) {
        const expires = parseHttpDate(expiresHeader);
        const date = parseHttpDate(get('date'));
        // Freshness is Expires minus the server's Date (clock-skew safe); invalid Expires means stale.
        lifetime = expires ? Math.max(0, Math.floor((expires.getTime() - (date?.getTime() ?? nowMs)) / 1000)) : 0;
      }
    }
  }
  if (lifetime !== undefined) {
    out.maxAgeSeconds = Math.max(0, lifetime - age);
    out.expiresAt = new Date(nowMs + out.maxAgeSeconds * 1000);
  }

  const retryAfter = get('retry-after')?.trim();
  if (retryAfter) {
    const delta = deltaSeconds(retryAfter);
    if (delta !== undefined) {
      out.retryAfterSeconds = delta;
    } else {
      const at = parseHttpDate(retryAfter);
      if (at) out.retryAfterSeconds = Math.max(0, Math.ceil((at.getTime() - nowMs) / 1000));
    }
  }
  return out;
}
