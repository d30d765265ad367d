// Test helper: the whole app on a fresh store, with a valid API token and a JSON request helper.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { AppContext } from '../context.ts';
import { buildApp } from '../app.ts';
import { openTestContext } from '../publish/test-context.ts';
import { createApiToken } from '../store/tokens.ts';

export interface ApiHarness {
  ctx: AppContext;
  app: FastifyInstance;
  token: string;
  call(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function openApiHarness(opts: { now?: () => Date } = {}): Promise<ApiHarness> {
  const ctx = await openTestContext(opts);
  const app = await buildApp(ctx);
  const token = await createApiToken(ctx.store.db, 'test', ctx.now());
  return {
    ctx,
    app,
    token,
    call: (method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async close() {
      await app.close();
      await ctx.store.close();
    },
  };
}
