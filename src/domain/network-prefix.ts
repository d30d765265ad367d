// The part of a client address that names one reader: the whole IPv4 address, or the /64 prefix of an IPv6
// one (a single household or phone rotates through the lower 64 bits). Only ever hashed, never stored.
import { isIPv4, isIPv6 } from 'node:net';

function expandIPv6(ip: string): string[] | null {
  const [head, tail, ...more] = ip.split('::');
  if (more.length) return null;
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) stands for two groups.
  const last = (right.length ? right : left).at(-1);
  const fill = tail === undefined ? 0 : 8 - left.length - right.length - (last && isIPv4(last) ? 1 : 0);
  const groups = [...left, ...Array(Math.max(0, fill)).fill('0'), ...right];
  return groups.length >= 4 ? groups : null;
}

export function readerNetwork(ip: string): string {
  const address = ip.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(address)) return address;
  const groups = expandIPv6(address);
  return groups ? groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':') + '::/64' : address;
}
