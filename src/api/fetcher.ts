// The fetcher the API's import and subscription routes use: the context's (serve makes one from the
// environment), else one with the strict default policy, made on first use and closed with the app.
import type { AppContext } from '../context.ts';
import { createFetcher, type Fetcher } from '../ingest/fetch/index.ts';

const fallback = new WeakMap<AppContext, Fetcher>();

export function fetcherFor(ctx: AppContext): Fetcher {
  if (ctx.fetcher) return ctx.fetcher;
  let f = fallback.get(ctx);
  if (!f) fallback.set(ctx, (f = createFetcher({ timeoutMs: 30_000 })));
  return f;
}

export async function closeFallbackFetcher(ctx: AppContext): Promise<void> {
  const f = fallback.get(ctx);
  fallback.delete(ctx);
  await f?.close();
}
