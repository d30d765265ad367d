// The two date formats feeds use, from the ISO-8601 UTC strings the store keeps.

/** RFC 822 (with RFC 1123's four-digit year), as RSS 2.0 requires: "Sat, 10 Jan 2026 12:00:00 GMT". */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

/** RFC 3339 in UTC, as Atom and JSON Feed require; milliseconds only when not zero. */
export function rfc3339(iso: string): string {
  return new Date(iso).toISOString().replace('.000Z', 'Z');
}

/** The HTTP date of a time, truncated to the second (the resolution of Last-Modified). */
export function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

/** The later of two ISO times (either may be null). */
export function latest(a: string | null, b: string | null): string | null {
  if (a == null) return b;
  if (b == null) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
