// RELAIS_TRUST_PROXY → Fastify's trustProxy. Never `true`: trusting every hop lets a client write its own
// address in X-Forwarded-For. A whole number is a hop count (`1`: one reverse proxy in front, its
// appended address is the reader's); anything else is a comma list of proxy addresses or CIDRs.
// Fastify turns a bare number into "trust nothing", so a hop count is given as its own trust function;
// it trusts whoever connects, so it suits a port only the proxies can reach (else list their addresses).
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyAddr from '@fastify/proxy-addr';
import { InputError } from './domain/types.ts';

type TrustHop = (address: string, hop: number) => boolean;

export function trustProxySetting(value: string | undefined): TrustHop | string[] | false {
  const text = (value ?? '').trim();
  if (text === '' || text === '0') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  const entries = text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const prefixOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128));
    if (!isIP(address) || !prefixOk || extra !== undefined) {
      throw new InputError(`RELAIS_TRUST_PROXY: "${entry}" is neither a hop count nor a proxy address or CIDR`, 'RELAIS_TRUST_PROXY');
    }
  }
  return entries;
}

/** The client address Fastify's `request.ip` gives under `setting`, for code that runs before Fastify (early-requests.ts). */
export function clientAddressOf(setting: ReturnType<typeof trustProxySetting>): (req: IncomingMessage) => string {
  if (!setting) return (req) => req.socket.remoteAddress ?? '';
  const trust = typeof setting === 'function' ? setting : proxyAddr.compile(setting);
  return (req) => proxyAddr(req, trust);
}
