// The undici connector that pins every connection to an address it has just validated.
// undici's `connect.lookup` hook never runs for IP-literal hosts, so this wraps the whole connector:
// it checks the literal or resolves the name itself (through an injectable resolver), refuses if ANY
// resolved address is non-public, then opens the socket to the validated IP, never to the name.
// TLS keeps the original name for SNI and certificate checks; the Host header comes from the URL.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { ConnectRefusedError } from './errors.ts';
import { addressRefusal, canonicalIp, defaultPort, hostnameRefusal } from './url-policy.ts';

/** Resolves a host name to its addresses (IPv4/IPv6 text). Injected in tests; never given IP literals. */
export type Resolver = (hostname: string) => Promise<string[]>;

/** Opens a socket to an already validated IP address (undici connector signature). */
export type SocketOpener = buildConnector.connector;

export const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, order: 'verbatim' });
  return answers.map((a) => a.address);
};

export interface GuardedConnectorOptions {
  resolver: Resolver;
  allow: ReadonlySet<string>;
  allowPorts?: readonly number[];
  /** Milliseconds allowed for resolution; the socket connect has its own timeout in `openSocket`. */
  resolveTimeoutMs: number;
  openSocket?: SocketOpener;
  connectTimeoutMs?: number;
}

/** Resolves (if needed) and validates the host; returns the addresses that may be contacted. */
export async function validatedAddresses(
  host: string,
  port: number,
  opts: Pick<GuardedConnectorOptions, 'resolver' | 'allow' | 'allowPorts' | 'resolveTimeoutMs'>,
): Promise<string[]> {
  if (opts.allowPorts && !opts.allowPorts.includes(port)) {
    throw new ConnectRefusedError('url-refused', 'port', host, `port ${port} is not allowed`);
  }
  if (isIP(host)) {
    const why = addressRefusal(host, port, opts.allow);
    if (why) throw new ConnectRefusedError('address-refused', 'ip-literal', host, `address ${host} is ${why}`);
    return [host];
  }
  const nameWhy = hostnameRefusal(host);
  if (nameWhy) throw new ConnectRefusedError('url-refused', 'hostname', host, nameWhy);
  let answers: string[];
  try {
    answers = await withTimeout(opts.resolver(host), opts.resolveTimeoutMs, `resolving ${host} took longer than ${opts.resolveTimeoutMs} ms`);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new ConnectRefusedError('dns', 'dns', host, `host name ${host} did not resolve${code ? ` (${code})` : ''}`, err);
  }
  const addresses: string[] = [];
  for (const answer of answers) {
    const ip = canonicalIp(answer);
    const why = ip === null ? `not an IP address (${JSON.stringify(answer)})` : addressRefusal(ip, port, opts.allow);
    // Refuse if ANY answer is non-public: Happy Eyeballs or a retry could pick it.
    if (why) throw new ConnectRefusedError('address-refused', 'resolved-ip', host, `${host} resolves to ${answer}, which is ${why}`);
    if (!addresses.includes(ip!)) addresses.push(ip!);
  }
  if (addresses.length === 0) throw new ConnectRefusedError('dns', 'dns', host, `host name ${host} has no address`);
  return addresses;
}

export function createGuardedConnector(opts: GuardedConnectorOptions): SocketOpener {
  const open = opts.openSocket ?? buildConnector({ timeout: opts.connectTimeoutMs ?? 10_000 });
  return (options, callback) => {
    let done = false;
    const finish: buildConnector.Callback = (...args) => {
      if (done) return;
      done = true;
      callback(...args);
    };
    const host = options.hostname;
    const port = Number(options.port) || defaultPort(options.protocol);
    const servername = options.servername || (isIP(host) ? undefined : host);

    const attempt = (addresses: string[], i: number, lastError: Error | null): void => {
      if (i >= addresses.length) {
        finish(lastError ?? new Error(`no address to connect to for ${host}`), null);
        return;
      }
      const pinned: buildConnector.Options = { ...options, hostname: addresses[i]!, port: String(port) };
      if (servername) pinned.servername = servername;
      else delete pinned.servername;
      try {
        open(pinned, (err, socket) => {
          if (err) attempt(addresses, i + 1, err);
          else finish(null, socket!);
        });
      } catch (err) {
        attempt(addresses, i + 1, err as Error);
      }
    };

    validatedAddresses(host, port, opts).then(
      (addresses) => attempt(addresses, 0, null),
      (err: Error) => finish(err, null),
    );
  };
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(message), { code: 'ETIMEOUT' })), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
