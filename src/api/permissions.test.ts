// Every state-changing API route, tried by each role by direct request (session cookie + CSRF token, as
// the newsroom sends): refused with 403 exactly when the permission table says so.
import test from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT_ROUTES, API_ROUTES } from './routes.ts';
import { openApiHarness } from './test-app.ts';
import { signInAs, type SignedIn } from './test-sessions.ts';
import { ROLES, type Role } from '../domain/accounts.ts';
import { can, type Action } from '../domain/permissions.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

test('every state-changing API route names its permission, except one’s own account routes', () => {
  for (const [method, url, , , config] of API_ROUTES)
    if (UNSAFE.has(method)) assert.ok(config?.permission, `${method} /api${url} has no permission`);
  for (const [method, url, , , config] of ACCOUNT_ROUTES)
    if (UNSAFE.has(method) && !config?.permission)
      assert.match(url, /^\/(setup|session|links|me)\b/, `${method} /api${url}: only sign-in and one's own account may go without a permission`);
});

test('each role on each state-changing route: 403 exactly when the permission table refuses', async () => {
  const h = await openApiHarness();
  try {
    const users = {} as Record<Role, SignedIn>;
    for (const role of ROLES) users[role] = await signInAs(h, role);
    const checked: string[] = [];
    for (const [method, url, , , config] of API_ROUTES) {
      if (!UNSAFE.has(method) || !config?.permission) continue;
      const path = '/api' + url.replace(/:(\w+)/g, '999999');
      for (const role of ROLES) {
        const allowed = can({ kind: 'user', user: users[role].user }, config.permission as Action);
        const r = await users[role].call(method, path, config.xmlBody ? undefined : {});
        if (allowed) assert.notEqual(r.statusCode, 403, `${role} ${method} ${url} should pass the permission check: ${r.body}`);
        else {
          assert.equal(r.statusCode, 403, `${role} ${method} ${url} should be refused: ${r.statusCode} ${r.body}`);
          assert.match(r.json().error, /^you may not /);
        }
      }
      checked.push(`${method} ${url}`);
    }
    assert.ok(checked.length >= 20, `checked ${checked.length} routes`);
  } finally {
    await h.close();
  }
});
