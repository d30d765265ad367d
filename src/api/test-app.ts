// Test helper: the whole app on a fresh store, with a valid API token and a JSON request helper.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { AppContext } from '../context.ts';
import { buildApp } from '../app.ts';
import { openTestContext } from '../publish/test-context.ts';
import { createApiToken } from '../store/tokens.ts';
import { createFetcher } from '../ingest/fetch/index.ts';

export interface ApiHarness {
  ctx: AppContext;
  app: FastifyInstance;
  token: string;
  call(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** `fetchAllow`: loopback "ip:port" entries the app's fetcher may contact (test servers). */
export async function openApiHarness(opts: { now?: () => Date; fetchAllow?: string[] } = {}): Promise<ApiHarness> {
  const ctx = await openTestContext(opts);
  if (opts.fetchAllow) ctx.fetcher = createFetcher({ allowHosts: opts.fetchAllow, timeoutMs: 10_000 });
  const app = await buildApp(ctx);
  const { token } = await createApiToken(ctx.store.db, 'test', ctx.now());
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
      await ctx.fetcher?.close();
      await ctx.store.close();
    },
  };
}
