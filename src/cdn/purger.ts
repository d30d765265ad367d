// Sends purges to the operator's URL: in the background (a publish never waits for it or fails by it),
// keys of changes made within a short window sent together, each request retried with backoff on network
// errors, 429 and 5xx, and logged when it gives up. A plain fetch, not the SSRF-guarding fetcher of
// ingest/: the URL is the operator's own setting and may well be on a private network.
import { KEYS_PER_REQUEST, purgeRequest, type PurgeStyle } from './purge-request.ts';

export interface PurgerOptions {
  url: string;
  token: string | null;
  style: PurgeStyle;
  /** Attempts per request, the first included. */
  attempts?: number;
  /** Wait before the first retry; each next one waits four times longer. */
  retryDelayMs?: number;
  /** How long keys are gathered before they are sent. */
  batchMs?: number;
  timeoutMs?: number;
  log?: (message: string) => void;
}

export interface Purger {
  purge(keys: string[]): void;
  /** Resolves when everything asked so far has been sent or given up (tests, a command about to exit). */
  idle(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createPurger(opts: PurgerOptions): Purger {
  const attempts = opts.attempts ?? 4;
  const retryDelayMs = opts.retryDelayMs ?? 500;
  const log = opts.log ?? ((m: string) => console.warn(m));
  let waiting = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const inFlight = new Set<Promise<void>>();

  async function send(keys: string[]): Promise<void> {
    const { headers, body } = purgeRequest(opts.style, keys, opts.token);
    let problem = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await sleep(retryDelayMs * 4 ** (attempt - 2));
      try {
        const res = await fetch(opts.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000) });
        await res.body?.cancel();
        if (res.ok) return;
        problem = `HTTP ${res.status}`;
        if (res.status < 500 && res.status !== 429) break;
      } catch (err) {
        problem = (err as Error).cause ? String((err as Error & { cause: Error }).cause.message) : (err as Error).message;
      }
    }
    log(`[cdn] purge of ${keys.length} key(s) at ${opts.url} failed after retrying (${problem}): ${keys.join(' ')}`);
  }

  function flush(): void {
    timer = null;
    const keys = [...waiting];
    waiting = new Set();
    const size = KEYS_PER_REQUEST[opts.style];
    for (let i = 0; i < keys.length; i += size) {
      const p = send(keys.slice(i, i + size)).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
  }

  return {
    purge(keys) {
      for (const k of keys) waiting.add(k);
      if (!waiting.size || timer) return;
      timer = setTimeout(flush, opts.batchMs ?? 50);
    },
    async idle() {
      while (timer || inFlight.size) {
        if (timer) {
          clearTimeout(timer);
          flush();
        }
        await Promise.all([...inFlight]);
      }
    },
  };
}
