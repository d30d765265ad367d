// The newsroom's one way to call the server: the same JSON API as tokens and the CLI use, with the
// session cookie and the session's CSRF token (sent as a header on every state-changing request).
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let unauthorized: ((err: ApiError) => void) | null = null;
/**
 * Called when a request answers 401 (the session ended or was revoked elsewhere), or 403 because the
 * session owes its second factor or must enrol one first: the shell then goes to the right screen.
 */
export function onUnauthorized(handler: ((err: ApiError) => void) | null): void {
  unauthorized = handler;
}

/** An answer that was not 2xx: `status`, the server's message, the field it names, and the whole body. */
export class ApiError extends Error {
  readonly status: number;
  readonly field: string | null;
  readonly body: any;
  constructor(status: number, message: string, field: string | null, body: any) {
    super(message);
    this.status = status;
    this.field = field;
    this.body = body;
  }
}

/** `contentType`: send `body` (a string) as it is, with that type (e.g. an OPML document), instead of as JSON. */
export async function api<T = any>(method: string, path: string, body?: unknown, opts: { keepalive?: boolean; contentType?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (opts.contentType && typeof body === 'string') {
    headers['content-type'] = opts.contentType;
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch('/api' + path, { method, headers, body: payload, credentials: 'same-origin', keepalive: opts.keepalive });
  const text = await res.text();
  const data = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
  if (!res.ok) {
    const err = new ApiError(res.status, (data && data.error) || res.statusText, (data && data.field) ?? null, data);
    const lost = res.status === 401 || (res.status === 403 && (data?.mustEnrolTwoFactor === true || data?.secondFactor === 'pending'));
    if (lost && unauthorized && !/^\/(session|setup|links)\b/.test(path)) unauthorized(err);
    throw err;
  }
  return data as T;
}
