// Syntactic URL policy: everything that can be decided without DNS. The rule names match the reference
// policy of ../shared/corpora/ssrf/README.md. Resolved addresses are checked by the connector (connector.ts).
import { isIP } from 'node:net';
import { nonPublicReason, parseIp } from './ip.ts';

export type UrlRule =
  | 'too-long'
  | 'raw-chars'
  | 'unparseable'
  | 'scheme'
  | 'userinfo'
  | 'hostname'
  | 'port'
  | 'ip-literal'
  | 'resolved-ip';

export type UrlCheck =
  | {
      ok: true;
      url: URL;
      /** Host without IPv6 brackets and without a trailing dot. */
      host: string;
      /** Set when the host is an IP literal. */
      ip?: string;
      port: number;
    }
  | { ok: false; rule: UrlRule; reason: string };

export interface AddressPolicy {
  /** Non-public addresses that may still be contacted: "ip", "ip:port" or "[v6]:port". Default: none. */
  allowHosts?: readonly string[];
  /** If set, only these ports may be contacted. */
  allowPorts?: readonly number[];
}

export const MAX_URL_LENGTH = 8192;

// Backslash, any whitespace (ASCII and Unicode), C0 controls and DEL: WHATWG URL silently strips or
// rewrites these, other parsers do not, so the URL would mean different things to different parsers.
const RAW_CHARS = /[\\\s\u0000-\u001f\u007f]/u;

const BLOCKED_SUFFIXES = ['.localhost', '.local', '.internal', '.localdomain', '.home.arpa'];

/** Why a raw URL string (absolute or relative, e.g. a Location header) is refused for its characters. */
export function rawCharsRefusal(raw: string): string | null {
  const bad = RAW_CHARS.exec(raw);
  if (!bad) return null;
  const ch = bad[0]!;
  const name = ch === '\\' ? 'a backslash' : `character U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `URL contains ${name}`;
}

/** Why a host name (not an IP literal) is refused, or null. Expects WHATWG-normalised lowercase ASCII. */
export function hostnameRefusal(hostname: string): string | null {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === '') return 'empty host name';
  if (name === 'localhost') return 'host name "localhost"';
  for (const s of BLOCKED_SUFFIXES) {
    if (name.endsWith(s) || name === s.slice(1)) return `host name under "${s.slice(1)}"`;
  }
  if (!name.includes('.')) return `dotless host name "${name}" (intranet or search-list name)`;
  // WHATWG turns a host whose last label is numeric into an IPv4 address or fails; keep a guard anyway.
  const last = name.slice(name.lastIndexOf('.') + 1);
  if (/^(0x[0-9a-f]*|[0-9]+)$/.test(last)) return `host name "${name}" ends in a number`;
  return null;
}

/** Canonical text of an IP address (IPv6 compressed and lowercase, no brackets), or null. */
export function canonicalIp(address: string): string | null {
  const a = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(a);
  if (family === 4) return a;
  if (family !== 6 || a.includes('%')) return null;
  return new URL(`http://[${a}]/`).hostname.slice(1, -1);
}

/** Normalises an allowHosts entry: "ip", "ip:port", "[v6]" or "[v6]:port". Throws on anything else. */
export function normaliseAllowEntry(entry: string): string {
  const m = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(entry) ?? /^([0-9.]+):(\d{1,5})$/.exec(entry);
  const ip = canonicalIp(m ? m[1]! : entry);
  if (!ip) throw new TypeError(`allowHosts entry ${JSON.stringify(entry)} must be an IP address with an optional port`);
  return m?.[2] ? `${ip}:${Number(m[2])}` : ip;
}

/** True when an allowHosts entry covers this address and port. Entries must be normalised. */
export function isAllowlisted(address: string, port: number, allow: ReadonlySet<string>): boolean {
  if (allow.size === 0) return false;
  const a = canonicalIp(address);
  return a !== null && (allow.has(a) || allow.has(`${a}:${port}`));
}

/** Why an address may not be contacted on this port, or null. */
export function addressRefusal(address: string, port: number, allow: ReadonlySet<string>): string | null {
  if (isAllowlisted(address, port, allow)) return null;
  return nonPublicReason(address);
}

export function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}

/**
 * Checks a URL string (or an already-parsed URL) against every rule that needs no DNS.
 * `allow` holds normalised allowHosts entries (see normaliseAllowEntry).
 */
export function checkUrl(
  input: string | URL,
  policy: { allow?: ReadonlySet<string>; allowPorts?: readonly number[] } = {},
): UrlCheck {
  const raw = typeof input === 'string' ? input : input.href;
  if (raw.length > MAX_URL_LENGTH) return { ok: false, rule: 'too-long', reason: `URL longer than ${MAX_URL_LENGTH} characters` };
  const bad = rawCharsRefusal(raw);
  if (bad) return { ok: false, rule: 'raw-chars', reason: bad };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, rule: 'unparseable', reason: 'not a valid absolute URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, rule: 'scheme', reason: `scheme "${url.protocol.replace(/:$/, '')}" is not http or https` };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, rule: 'userinfo', reason: 'URL contains a user name or password' };
  }
  const port = url.port === '' ? defaultPort(url.protocol) : Number(url.port);
  if (policy.allowPorts && !policy.allowPorts.includes(port)) {
    return { ok: false, rule: 'port', reason: `port ${port} is not allowed` };
  }
  let host = url.hostname;
  const allow = policy.allow ?? new Set<string>();
  if (host.startsWith('[')) {
    host = host.slice(1, -1);
    const why = addressRefusal(host, port, allow);
    if (why) return { ok: false, rule: 'ip-literal', reason: `address ${host} is ${why}` };
    return { ok: true, url, host, ip: host, port };
  }
  host = host.replace(/\.$/, '');
  if (isIP(host) === 4) {
    const why = addressRefusal(host, port, allow);
    if (why) return { ok: false, rule: 'ip-literal', reason: `address ${host} is ${why}` };
    return { ok: true, url, host, ip: host, port };
  }
  const why = hostnameRefusal(host);
  if (why) return { ok: false, rule: 'hostname', reason: why };
  return { ok: true, url, host, port };
}
