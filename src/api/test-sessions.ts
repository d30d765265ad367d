// Test helper: newsroom users of each role, signed in through the real sign-in route, with a `call`
// that sends their session cookie and CSRF token exactly as the newsroom's front end does.
import type { LightMyRequestResponse } from 'fastify';
import type { ApiHarness } from './test-app.ts';
import type { Role, User } from '../domain/accounts.ts';
import { addUser } from '../accounts/users.ts';

export interface SignedIn {
  user: User;
  cookie: string;
  csrf: string;
  call(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

let n = 0;

export async function signInAs(h: ApiHarness, role: Role, opts: { personId?: number | null; email?: string } = {}): Promise<SignedIn> {
  const email = opts.email ?? `${role}${++n}@test.invalid`;
  const password = 'correct horse battery staple';
  const user = await addUser(h.ctx, { kind: 'system', name: 'test' }, { email, name: `${role} ${n}`, role, password, personId: opts.personId ?? null });
  const r = await h.app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  if (r.statusCode !== 200) throw new Error(`sign-in failed: ${r.statusCode} ${r.body}`);
  const cookie = String(r.headers['set-cookie']).split(';')[0];
  const csrf = r.json().csrfToken as string;
  return {
    user,
    cookie,
    csrf,
    call: (method, url, body, headers = {}) =>
      h.app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}
