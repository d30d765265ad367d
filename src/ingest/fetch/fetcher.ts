// The safe fetcher: every outbound request of Relais goes through createFetcher().fetch().
// Layers: syntactic URL policy (url-policy.ts) on the first URL and on every Location; a guarded undici
// connector (connector.ts) that resolves, validates and pins each connection; manual redirects (max 5);
// size limits while streaming and after decompression; one total timeout per fetch.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { Agent } from 'undici';
import { createGuardedConnector, systemResolver } from './connector.ts';
import type { Resolver, SocketOpener } from './connector.ts';
import { decodeBody, kindFromContentType, parseContentType, DecodeError } from '../../text/decode.ts';
import type { BodyKind, DecodedBody } from '../../text/decode.ts';
import { ConnectRefusedError, FetchError } from './errors.ts';
import { checkUrl, normaliseAllowEntry, rawCharsRefusal, MAX_URL_LENGTH } from './url-policy.ts';
import type { UrlCheck } from './url-policy.ts';

export const DEFAULT_USER_AGENT = 'Relais/0.1 (+https://github.com/relais; feed and article importer)';
export const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface FetcherOptions {
  userAgent?: string;
  /** Default Accept header. */
  accept?: string;
  /** Largest body kept, both as received and after decompression. Default 10 MB. */
  maxBytes?: number;
  /** Total time for one fetch() including redirects and the body. Default 30 s. */
  timeoutMs?: number;
  /** Time to wait for response headers after sending a request. Default 15 s. */
  headersTimeoutMs?: number;
  /** Time to open one TCP/TLS connection, and separately to resolve a name. Default 10 s. */
  connectTimeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Non-public addresses that may be contacted anyway: "ip", "ip:port", "[v6]:port". Default none. */
  allowHosts?: readonly string[];
  /** If set, only these ports may be contacted. */
  allowPorts?: readonly number[];
  /** Name resolution (default: the system resolver, all addresses). Tests inject a mock. */
  resolver?: Resolver;
  /** Opens a socket to an already validated IP (default undici's buildConnector). Tests inject a spy. */
  openSocket?: SocketOpener;
  /** Concurrent connections per origin. Default 4. */
  connectionsPerOrigin?: number;
}

export interface FetchOptions {
  /** Previous ETag: sent as If-None-Match. */
  etag?: string | null;
  /** Previous Last-Modified: sent as If-Modified-Since. */
  lastModified?: string | null;
  accept?: string;
  maxBytes?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Extra request headers (e.g. Accept-Language). Host, connection and encoding headers are ignored. */
  headers?: Record<string, string>;
  /** POST sends `body` (API calls such as machine translation); a POST is never followed through a redirect. */
  method?: 'GET' | 'POST';
  body?: string;
}

export interface Fetcher {
  fetch(url: string | URL, options?: FetchOptions): Promise<FetchResult>;
  /** The syntactic part of the policy, for validating editor input before saving it. */
  checkUrl(url: string | URL): UrlCheck;
  close(): Promise<void>;
}

export class FetchResult {
  readonly status: number;
  /** Final URL, after redirects. */
  readonly url: string;
  /** Lowercase header names; repeated headers joined with ", ". */
  readonly headers: Record<string, string>;
  /** Decompressed body bytes (empty for 304). */
  readonly body: Buffer;
  /** Lowercase MIME type without parameters, '' if none. */
  readonly contentType: string;
  readonly etag: string | undefined;
  readonly lastModified: string | undefined;
  readonly notModified: boolean;
  /** The URLs that answered with a redirect, in order (empty when none). */
  readonly redirects: string[];
  /** The status of each of those redirects (301, 302, 303, 307, 308), in the same order. */
  readonly redirectStatuses: number[];
  #decoded: DecodedBody | undefined;

  constructor(init: {
    status: number;
    url: string;
    headers: Record<string, string>;
    body: Buffer;
    etag: string | undefined;
    lastModified: string | undefined;
    notModified: boolean;
    redirects: string[];
    redirectStatuses?: number[];
  }) {
    this.status = init.status;
    this.url = init.url;
    this.headers = init.headers;
    this.body = init.body;
    this.contentType = parseContentType(init.headers['content-type']).mimeType;
    this.etag = init.etag;
    this.lastModified = init.lastModified;
    this.notModified = init.notModified;
    this.redirects = init.redirects;
    this.redirectStatuses = init.redirectStatuses ?? [];
  }

  /** Decodes the body (see decode.ts). `kind` defaults to what the Content-Type says, then sniffing. */
  decode(kind?: BodyKind): DecodedBody {
    try {
      const opts: { contentType?: string; kind?: BodyKind } = { contentType: this.headers['content-type'] ?? '' };
      const k = kind ?? kindFromContentType(this.headers['content-type']);
      if (k) opts.kind = k;
      return decodeBody(this.body, opts);
    } catch (err) {
      if (err instanceof DecodeError) {
        throw new FetchError({ code: 'unsupported-encoding', url: this.url, reason: err.message, cause: err, redirects: this.redirects });
      }
      throw err;
    }
  }

  #default(): DecodedBody {
    this.#decoded ??= this.decode();
    return this.#decoded;
  }

  /** Decoded text (lazy; throws FetchError 'unsupported-encoding' for UTF-7 and the like). */
  get text(): string {
    return this.#default().text;
  }

  /** The charset used to decode `text`. */
  get charset(): string {
    return this.#default().charset;
  }

  /** True when the declared charset was wrong and the text was repaired (see decode.ts). */
  get encodingRepaired(): boolean {
    return this.#default().encodingRepaired;
  }
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const IGNORED_REQUEST_HEADERS = new Set([
  'host', 'connection', 'keep-alive', 'transfer-encoding', 'te', 'upgrade', 'accept-encoding', 'content-length',
  'proxy-authorization', 'proxy-connection', 'expect',
]);

export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const defaultAccept = options.accept ?? DEFAULT_ACCEPT;
  const defaultMaxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const defaultTimeout = options.timeoutMs ?? 30_000;
  const headersTimeout = options.headersTimeoutMs ?? 15_000;
  const connectTimeout = options.connectTimeoutMs ?? 10_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const allow = new Set((options.allowHosts ?? []).map(normaliseAllowEntry));
  const policy = options.allowPorts ? { allow, allowPorts: options.allowPorts } : { allow };

  const connector = createGuardedConnector({
    resolver: options.resolver ?? systemResolver,
    allow,
    ...(options.allowPorts ? { allowPorts: options.allowPorts } : {}),
    resolveTimeoutMs: connectTimeout,
    ...(options.openSocket ? { openSocket: options.openSocket } : {}),
    connectTimeoutMs: connectTimeout,
  });
  const agent = new Agent({
    connect: connector,
    connections: options.connectionsPerOrigin ?? 4,
    headersTimeout,
    bodyTimeout: headersTimeout,
    keepAliveTimeout: 4_000,
  });

  async function fetchOnce(input: string | URL, opts: FetchOptions = {}): Promise<FetchResult> {
    const maxBytes = opts.maxBytes ?? defaultMaxBytes;
    const timeoutMs = opts.timeoutMs ?? defaultTimeout;
    const timeoutSignal = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([timeoutSignal, opts.signal]) : timeoutSignal;
    const redirects: string[] = [];
    const redirectStatuses: number[] = [];
    let current = typeof input === 'string' ? input : input.href;

    const fail = (err: unknown, url: string): FetchError => {
      if (err instanceof FetchError) return err;
      if (opts.signal?.aborted) {
        return new FetchError({ code: 'aborted', url, reason: 'aborted by the caller', cause: err, redirects });
      }
      if (timeoutSignal.aborted) {
        return new FetchError({ code: 'timeout', url, reason: `no complete response within ${timeoutMs} ms`, cause: err, redirects });
      }
      for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
        if (e instanceof ConnectRefusedError) {
          return new FetchError({ code: e.code, url, reason: e.message, rule: e.rule, cause: err, redirects });
        }
      }
      const code = (err as { code?: string }).code ?? '';
      const message = (err as Error).message ?? String(err);
      if (/TIMEOUT/i.test(code)) {
        return new FetchError({ code: 'timeout', url, reason: `${message} (${code})`, cause: err, redirects });
      }
      return new FetchError({ code: 'network', url, reason: code ? `${message} (${code})` : message, cause: err, redirects });
    };

    for (;;) {
      const check = checkUrl(current, policy);
      if (!check.ok) {
        throw new FetchError({
          code: check.rule === 'ip-literal' ? 'address-refused' : 'url-refused',
          url: current,
          reason: redirects.length ? `redirect target refused: ${check.reason}` : check.reason,
          rule: check.rule,
          redirects,
        });
      }
      const url = check.url;
      current = url.href;

      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(opts.headers ?? {})) {
        if (!IGNORED_REQUEST_HEADERS.has(k.toLowerCase())) headers[k.toLowerCase()] = v;
      }
      headers['user-agent'] = userAgent;
      headers['accept'] = opts.accept ?? headers['accept'] ?? defaultAccept;
      headers['accept-encoding'] = 'gzip, deflate, br';
      if (opts.etag) headers['if-none-match'] = opts.etag;
      if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;

      let res: Awaited<ReturnType<Agent['request']>>;
      try {
        res = await agent.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: opts.method ?? 'GET',
          ...(opts.method === 'POST' ? { body: opts.body ?? '' } : {}),
          headers,
          signal,
          headersTimeout,
          bodyTimeout: headersTimeout,
        });
      } catch (err) {
        throw fail(err, current);
      }
      const responseHeaders = flattenHeaders(res.headers);
      const status = res.statusCode;

      if (REDIRECT_STATUSES.has(status)) {
        await discard(res.body);
        const location = responseHeaders['location'];
        if (!location) {
          throw new FetchError({ code: 'bad-redirect', url: current, reason: `HTTP ${status} without a Location header`, status, headers: responseHeaders, redirects });
        }
        if (opts.method === 'POST') {
          throw new FetchError({ code: 'bad-redirect', url: current, reason: `HTTP ${status}: a POST is not followed through a redirect`, status, headers: responseHeaders, redirects });
        }
        if (redirects.length >= maxRedirects) {
          throw new FetchError({ code: 'too-many-redirects', url: current, reason: `more than ${maxRedirects} redirects`, status, redirects: [...redirects, current] });
        }
        // Check the raw header too: WHATWG would silently strip tabs/newlines or turn "\" into "/".
        const rawWhy = location.length > MAX_URL_LENGTH ? `longer than ${MAX_URL_LENGTH} characters` : rawCharsRefusal(location);
        if (rawWhy) {
          throw new FetchError({ code: 'url-refused', url: current, reason: `redirect Location refused: ${rawWhy}`, rule: 'raw-chars', status, redirects });
        }
        let next: string;
        try {
          next = new URL(location, current).href;
        } catch {
          throw new FetchError({ code: 'bad-redirect', url: current, reason: `unusable Location ${JSON.stringify(location)}`, status, redirects });
        }
        redirects.push(current);
        redirectStatuses.push(status);
        current = next;
        continue;
      }

      if (status === 304) {
        await discard(res.body);
        return new FetchResult({
          status,
          url: current,
          headers: responseHeaders,
          body: Buffer.alloc(0),
          etag: responseHeaders['etag'] ?? opts.etag ?? undefined,
          lastModified: responseHeaders['last-modified'] ?? opts.lastModified ?? undefined,
          notModified: true,
          redirects,
          redirectStatuses,
        });
      }

      if (status < 200 || status >= 300) {
        await discard(res.body);
        throw new FetchError({ code: 'http-error', url: current, reason: `HTTP ${status}`, status, headers: responseHeaders, redirects });
      }

      let body: Buffer;
      try {
        const declared = responseHeaders['content-length'];
        if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
          drop(res.body);
          throw new FetchError({ code: 'too-large', url: current, reason: `Content-Length ${declared} exceeds the limit of ${maxBytes} bytes`, status, redirects });
        }
        const raw = await readLimited(res.body, maxBytes, current, redirects);
        body = await decompress(raw, responseHeaders['content-encoding'], maxBytes, current, redirects);
      } catch (err) {
        throw fail(err, current);
      }
      return new FetchResult({
        status,
        url: current,
        headers: responseHeaders,
        body,
        etag: responseHeaders['etag'],
        lastModified: responseHeaders['last-modified'],
        notModified: false,
        redirects,
        redirectStatuses,
      });
    }
  }

  return {
    fetch: fetchOnce,
    checkUrl: (url) => checkUrl(url, policy),
    close: () => agent.close(),
  };
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

// Reads at most 64 KB of a redirect/error body so the connection can be reused; beyond that undici drops it.
async function discard(body: { dump(opts?: { limit?: number }): Promise<void> }): Promise<void> {
  try {
    await body.dump({ limit: 64 * 1024 });
  } catch {
    // The body is not needed; a failed drain only costs the connection.
  }
}

// Destroying an undici body emits an AbortError; nobody needs it, so it must not become an uncaught error.
function drop(body: { on(event: 'error', fn: () => void): unknown; destroy(): unknown }): void {
  body.on('error', () => {});
  body.destroy();
}

async function readLimited(
  body: AsyncIterable<Buffer> & { on(event: 'error', fn: () => void): unknown; destroy(): unknown },
  maxBytes: number,
  url: string,
  redirects: string[],
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > maxBytes) {
      drop(body);
      throw new FetchError({ code: 'too-large', url, reason: `body exceeds the limit of ${maxBytes} bytes`, redirects });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

async function decompress(raw: Buffer, encoding: string | undefined, maxBytes: number, url: string, redirects: string[]): Promise<Buffer> {
  if (!encoding) return raw;
  const codings = encoding.split(',').map((c) => c.trim().toLowerCase()).filter((c) => c && c !== 'identity');
  let data = raw;
  // Codings are listed in the order applied; undo them in reverse. maxOutputLength caps zip bombs.
  for (const coding of codings.reverse()) {
    const opts = { maxOutputLength: maxBytes };
    try {
      if (coding === 'gzip' || coding === 'x-gzip') data = await gunzip(data, opts);
      else if (coding === 'deflate') data = await (looksLikeZlib(data) ? inflate(data, opts) : inflateRaw(data, opts));
      else if (coding === 'br') data = await brotli(data, opts);
      else throw new FetchError({ code: 'decompress', url, reason: `unsupported Content-Encoding "${coding}"`, redirects });
    } catch (err) {
      if (err instanceof FetchError) throw err;
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new FetchError({ code: 'too-large', url, reason: `decompressed body exceeds the limit of ${maxBytes} bytes`, cause: err, redirects });
      }
      throw new FetchError({ code: 'decompress', url, reason: `corrupt ${coding} body: ${(err as Error).message}`, cause: err, redirects });
    }
  }
  return data;
}

// "deflate" is meant to be zlib-wrapped (RFC 9110), but some servers send raw deflate.
function looksLikeZlib(b: Buffer): boolean {
  return b.length >= 2 && (b[0]! & 0x0f) === 8 && ((b[0]! << 8) | b[1]!) % 31 === 0;
}
