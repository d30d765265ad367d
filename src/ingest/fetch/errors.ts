export type FetchErrorCode =
  | 'url-refused' // the URL breaks a syntactic rule (scheme, userinfo, raw chars, host name, port...)
  | 'address-refused' // the IP literal or a resolved address is not public unicast
  | 'dns' // the host name did not resolve
  | 'too-many-redirects'
  | 'bad-redirect' // 3xx with a missing or unusable Location
  | 'too-large' // Content-Length, streamed size or decompressed size above maxBytes
  | 'timeout' // total, header, body or connect timeout
  | 'aborted' // the caller's signal aborted
  | 'http-error' // final status not 2xx/304
  | 'decompress' // unknown or corrupt Content-Encoding
  | 'unsupported-encoding' // body charset refused (UTF-7, unknown) when decoding text
  | 'network'; // connection refused/reset, TLS failure, protocol error

export interface FetchErrorInit {
  code: FetchErrorCode;
  url: string;
  reason: string;
  rule?: string;
  status?: number;
  headers?: Record<string, string>;
  redirects?: string[];
  cause?: unknown;
}

/** Every failure of the safe fetcher. `message` names the URL and the reason. */
export class FetchError extends Error {
  readonly code: FetchErrorCode;
  /** The URL being fetched when the failure happened (after redirects). */
  readonly url: string;
  /** The reason alone, without the URL. */
  readonly reason: string;
  /** For url-refused / address-refused: the policy rule (see url-policy.ts UrlRule). */
  readonly rule?: string;
  /** For http-error: the final status and response headers (e.g. for cachePolicy's Retry-After). */
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** URLs followed before the failure, starting with the requested one. */
  readonly redirects: string[];

  constructor(init: FetchErrorInit) {
    super(`Cannot fetch ${printable(init.url)}: ${init.reason}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'FetchError';
    this.code = init.code;
    this.url = init.url;
    this.reason = init.reason;
    if (init.rule !== undefined) this.rule = init.rule;
    if (init.status !== undefined) this.status = init.status;
    if (init.headers !== undefined) this.headers = init.headers;
    this.redirects = init.redirects ?? [];
  }
}

/** Raised inside the connector; the fetcher turns it into a FetchError. */
export class ConnectRefusedError extends Error {
  readonly code: 'address-refused' | 'url-refused' | 'dns';
  readonly rule: string;
  readonly host: string;

  constructor(code: 'address-refused' | 'url-refused' | 'dns', rule: string, host: string, reason: string, cause?: unknown) {
    super(reason, cause === undefined ? undefined : { cause });
    this.name = 'ConnectRefusedError';
    this.code = code;
    this.rule = rule;
    this.host = host;
  }
}

// URLs in messages may hold control characters (they are often the reason for refusal).
function printable(url: string): string {
  const shown = url.length > 300 ? `${url.slice(0, 300)}…` : url;
  return JSON.stringify(shown);
}
