// A Mastodon instance as the reader typed it, accepted only as a bare DNS hostname: we build
// https://{instance}/share from it, so anything that could change the scheme, the host, the port or the
// path (userinfo "a@b", "evil.com/@x", "javascript:", "[::1]", "host:8080", IP literals) is refused.
import { domainToASCII } from 'node:url';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
// The last label must be a real top-level domain shape: letters, or an IDN "xn--" label. This also
// refuses every IPv4 form (127.0.0.1, 0x7f.1, 2130706433) since they end in digits.
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** The normalised hostname (lowercase, ASCII/punycode), or null when the input is not a bare hostname. */
export function parseMastodonInstance(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  let host = input.trim();
  if (host.length === 0 || host.length > 253) return null;
  // Only letters, digits, dots and hyphens may reach the checks below (plus non-ASCII letters for IDNs,
  // converted to punycode). Any of : / \ @ ? # % [ ] whitespace or control characters ends it here.
  if (/[\s\u0000-\u002c\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007f]/.test(host)) return null;
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (/[^\x00-\x7f]/.test(host)) {
    host = domainToASCII(host);
    if (!host) return null;
  }
  host = host.toLowerCase();
  if (host.length > 253) return null;
  const labels = host.split('.');
  if (labels.length < 2) return null;
  if (!labels.every((l) => LABEL.test(l))) return null;
  if (!TLD.test(labels[labels.length - 1])) return null;
  if (host === 'localhost' || host.endsWith('.localhost')) return null;
  return host;
}
