// Classifies IP addresses as public unicast or not. Input is a canonical textual address, as produced by
// WHATWG URL parsing (which already turns decimal/octal/hex/short IPv4 forms into dotted quads) or by a
// resolver. Anything this module cannot parse is treated as not public.
import { isIPv4, isIPv6 } from 'node:net';

export type IpFamily = 4 | 6;

export interface ParsedIp {
  family: IpFamily;
  bytes: Uint8Array; // 4 or 16 bytes
}

/** Parses a strict dotted-quad IPv4 or an IPv6 address (brackets allowed, zone ids refused). */
export function parseIp(input: string): ParsedIp | null {
  let s = input;
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (isIPv4(s)) {
    const parts = s.split('.').map(Number);
    return { family: 4, bytes: Uint8Array.from(parts) };
  }
  if (s.includes('%') || !isIPv6(s)) return null;
  return { family: 6, bytes: parseIpv6(s) };
}

function parseIpv6(s: string): Uint8Array {
  const bytes = new Uint8Array(16);
  let text = s;
  // A trailing embedded IPv4 (::ffff:1.2.3.4, ::1.2.3.4) becomes two hex groups.
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const q = tail.split('.').map(Number);
    text = `${text.slice(0, lastColon + 1)}${((q[0]! << 8) | q[1]!).toString(16)}:${((q[2]! << 8) | q[3]!).toString(16)}`;
  }
  const [head, rest] = text.includes('::') ? text.split('::') as [string, string] : [text, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = rest !== undefined && rest !== '' ? rest.split(':') : [];
  const groups: number[] = headGroups.map((g) => parseInt(g, 16));
  if (rest !== undefined) {
    for (let i = 0; i < 8 - headGroups.length - tailGroups.length; i++) groups.push(0);
  }
  for (const g of tailGroups) groups.push(parseInt(g, 16));
  for (let i = 0; i < 8; i++) {
    bytes[i * 2] = (groups[i]! >> 8) & 0xff;
    bytes[i * 2 + 1] = groups[i]! & 0xff;
  }
  return bytes;
}

interface Range {
  net: number[];
  bits: number;
  reason: string;
}

const V4_RANGES: Range[] = [
  { net: [169, 254, 169, 254], bits: 32, reason: 'cloud metadata (link-local)' },
  { net: [169, 254, 170, 2], bits: 32, reason: 'cloud metadata (link-local)' },
  { net: [100, 100, 100, 200], bits: 32, reason: 'cloud metadata (CGNAT)' },
  { net: [192, 0, 0, 192], bits: 32, reason: 'cloud metadata (IETF protocol assignments)' },
  { net: [0, 0, 0, 0], bits: 8, reason: 'unspecified ("this network", 0.0.0.0/8)' },
  { net: [10, 0, 0, 0], bits: 8, reason: 'private (10.0.0.0/8)' },
  { net: [100, 64, 0, 0], bits: 10, reason: 'shared address space / CGNAT (100.64.0.0/10)' },
  { net: [127, 0, 0, 0], bits: 8, reason: 'loopback (127.0.0.0/8)' },
  { net: [169, 254, 0, 0], bits: 16, reason: 'link-local (169.254.0.0/16)' },
  { net: [172, 16, 0, 0], bits: 12, reason: 'private (172.16.0.0/12)' },
  { net: [192, 0, 0, 0], bits: 24, reason: 'IETF protocol assignments (192.0.0.0/24)' },
  { net: [192, 0, 2, 0], bits: 24, reason: 'documentation (192.0.2.0/24)' },
  { net: [192, 88, 99, 0], bits: 24, reason: '6to4 relay anycast (192.88.99.0/24)' },
  { net: [192, 168, 0, 0], bits: 16, reason: 'private (192.168.0.0/16)' },
  { net: [198, 18, 0, 0], bits: 15, reason: 'benchmarking (198.18.0.0/15)' },
  { net: [198, 51, 100, 0], bits: 24, reason: 'documentation (198.51.100.0/24)' },
  { net: [203, 0, 113, 0], bits: 24, reason: 'documentation (203.0.113.0/24)' },
  { net: [224, 0, 0, 0], bits: 4, reason: 'multicast (224.0.0.0/4)' },
  { net: [255, 255, 255, 255], bits: 32, reason: 'broadcast (255.255.255.255)' },
  { net: [240, 0, 0, 0], bits: 4, reason: 'reserved (240.0.0.0/4)' },
];

function hexGroups(...groups: number[]): number[] {
  const out: number[] = [];
  for (const g of groups) out.push((g >> 8) & 0xff, g & 0xff);
  return out;
}

// Checked in order; first match wins. Everything outside 2000::/3 is refused at the end anyway.
const V6_RANGES: Range[] = [
  { net: hexGroups(0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x0254), bits: 128, reason: 'cloud metadata (AWS IPv6, unique-local)' },
  { net: [], bits: 128, reason: 'unspecified (::)' },
  { net: hexGroups(0, 0, 0, 0, 0, 0, 0, 1), bits: 128, reason: 'loopback (::1)' },
  { net: hexGroups(0, 0, 0, 0, 0, 0xffff), bits: 96, reason: 'IPv4-mapped IPv6 (::ffff:0:0/96)' },
  { net: hexGroups(0, 0, 0, 0, 0xffff, 0), bits: 96, reason: 'IPv4-translated IPv6 (::ffff:0:0:0/96)' },
  { net: hexGroups(0x64, 0xff9b), bits: 96, reason: 'NAT64 IPv4-embedded (64:ff9b::/96)' },
  { net: hexGroups(0x64, 0xff9b, 1), bits: 48, reason: 'NAT64 local-use (64:ff9b:1::/48)' },
  { net: [], bits: 96, reason: 'IPv4-compatible IPv6 (::/96, deprecated)' },
  { net: hexGroups(0x0100), bits: 64, reason: 'discard-only (100::/64)' },
  { net: hexGroups(0xfc00), bits: 7, reason: 'unique-local (fc00::/7)' },
  { net: hexGroups(0xfe80), bits: 10, reason: 'link-local (fe80::/10)' },
  { net: hexGroups(0xfec0), bits: 10, reason: 'site-local (fec0::/10, deprecated)' },
  { net: hexGroups(0xff00), bits: 8, reason: 'multicast (ff00::/8)' },
  { net: hexGroups(0x2001, 0), bits: 32, reason: 'Teredo (2001::/32)' },
  { net: hexGroups(0x2001, 0x0db8), bits: 32, reason: 'documentation (2001:db8::/32)' },
  { net: hexGroups(0x2001, 0), bits: 23, reason: 'IETF protocol assignments (2001::/23)' },
  { net: hexGroups(0x2002), bits: 16, reason: '6to4 (2002::/16)' },
  { net: hexGroups(0x3fff), bits: 20, reason: 'documentation (3fff::/20)' },
];

function inRange(bytes: Uint8Array, range: Range): boolean {
  let bits = range.bits;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i]! & mask) !== ((range.net[i] ?? 0) & mask)) return false;
  }
  return true;
}

/**
 * Returns why the address is not a public unicast address, or null if it is public.
 * Unparseable input (names, zone ids, odd spellings) is refused.
 */
export function nonPublicReason(address: string): string | null {
  const ip = parseIp(address);
  if (!ip) return `not a canonical IP address (${JSON.stringify(address)})`;
  if (ip.family === 4) {
    for (const r of V4_RANGES) if (inRange(ip.bytes, r)) return r.reason;
    return null;
  }
  for (const r of V6_RANGES) {
    if (inRange(ip.bytes, r)) {
      const embedded = embeddedIpv4(ip.bytes, r);
      return embedded ? `${r.reason} of ${embedded}` : r.reason;
    }
  }
  if ((ip.bytes[0]! & 0xe0) !== 0x20) return 'outside global unicast IPv6 (2000::/3)';
  return null;
}

function embeddedIpv4(bytes: Uint8Array, r: Range): string | null {
  if (r.bits === 96 && r.net.length > 0 || r.reason.startsWith('IPv4-compatible')) {
    return Array.from(bytes.subarray(12)).join('.');
  }
  return null;
}

export function isPublicAddress(address: string): boolean {
  return nonPublicReason(address) === null;
}
