// The one place the CLI makes its safe fetcher: the default policy, plus the loopback or private
// addresses listed in RELAIS_FETCH_ALLOW ("127.0.0.1:8097,[::1]:8080"), e.g. for tests or an intranet.
import { createFetcher, type Fetcher, type FetcherOptions } from '../ingest/fetch/index.ts';

export function fetchAllowFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.RELAIS_FETCH_ALLOW ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

export function fetcherFromEnv(env: NodeJS.ProcessEnv = process.env, opts: FetcherOptions = {}): Fetcher {
  return createFetcher({ timeoutMs: 30_000, ...opts, allowHosts: fetchAllowFromEnv(env) });
}
