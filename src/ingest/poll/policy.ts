// When to poll a feed again, and what its state becomes, after one poll (pure; no I/O, injected randomness).
import { cachePolicy } from '../fetch/index.ts';
import { retryDelayMs } from '../jobs/backoff.ts';

export interface PollPolicy {
  /** Normal interval between polls of a healthy feed. */
  defaultIntervalSeconds: number;
  /** Never poll a feed more often than this, whatever the server says. */
  minIntervalSeconds: number;
  /** Cache-Control max-age / Expires lengthen the interval up to this cap. */
  maxCacheIntervalSeconds: number;
  /** Spread of each interval, as a fraction (0.1 = ±10 %), so feeds do not stay in lockstep. */
  jitter: number;
  /** First retry delay after an error; doubles with each consecutive error. */
  errorBaseSeconds: number;
  /** Largest retry delay (also caps Retry-After). */
  maxBackoffSeconds: number;
  /** Consecutive "gone" errors (404, 410 counts double, 401, 403, refused URL) after which the feed is paused. */
  pauseAfterGoneErrors: number;
  /** Consecutive errors of any kind after which the feed is paused. */
  pauseAfterErrors: number;
}

export const DEFAULT_POLL_POLICY: PollPolicy = {
  defaultIntervalSeconds: 1800,
  minIntervalSeconds: 300,
  maxCacheIntervalSeconds: 6 * 3600,
  jitter: 0.1,
  errorBaseSeconds: 600,
  maxBackoffSeconds: 24 * 3600,
  pauseAfterGoneErrors: 5,
  pauseAfterErrors: 30,
};

/** What one poll found, reduced to what the schedule needs. */
export type PollResult =
  | { kind: 'ok'; status: number; headers: Record<string, string>; etag?: string | null; lastModified?: string | null; bodyHash?: string | null; permanentRedirect?: string | null }
  | { kind: 'not-modified'; headers: Record<string, string>; etag?: string | null; lastModified?: string | null }
  | { kind: 'parse-error'; status: number; headers: Record<string, string>; message: string }
  | { kind: 'http-error'; status: number; headers: Record<string, string>; message: string }
  /** No HTTP answer: timeout, network, DNS, refused by the URL policy, too large... (`code` from FetchError). */
  | { kind: 'fetch-error'; code: string; message: string };

/** The feed fields the policy reads. */
export interface FeedPollState {
  errorCount: number;
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  lastStatus: number | null;
}

/** The feed fields after the poll. */
export interface FeedPlan {
  nextCheckAt: Date;
  /** Seconds from now to nextCheckAt. */
  delaySeconds: number;
  errorCount: number;
  backoffSeconds: number;
  lastStatus: number | null;
  lastError: string | null;
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  success: boolean;
  pause: string | null;
  /** New permanent URL of the feed (301/308). */
  newUrl: string | null;
}

/** Errors that say the feed is not there (for this client) rather than temporarily unavailable. */
export function isGoneError(r: PollResult): boolean {
  if (r.kind === 'http-error') return r.status === 404 || r.status === 410 || r.status === 401 || r.status === 403 || r.status === 451;
  if (r.kind === 'fetch-error') return r.code === 'url-refused' || r.code === 'address-refused';
  return false;
}

function jittered(seconds: number, jitter: number, random: () => number): number {
  return seconds * (1 + jitter * (2 * random() - 1));
}

/** Full plan for the feed after a poll. */
export function planAfterPoll(
  result: PollResult,
  feed: FeedPollState,
  now: Date,
  policy: PollPolicy = DEFAULT_POLL_POLICY,
  random: () => number = Math.random,
): FeedPlan {
  const headers = 'headers' in result ? result.headers : {};
  const cache = cachePolicy(headers, now);
  let delay: number;
  let success = false;
  let errorCount = feed.errorCount;
  let backoff = 0;
  let lastError: string | null = null;
  let pause: string | null = null;
  let etag = feed.etag;
  let lastModified = feed.lastModified;
  let bodyHash = feed.bodyHash;
  let lastStatus: number | null = null;

  if (result.kind === 'ok' || result.kind === 'not-modified') {
    success = true;
    errorCount = 0;
    lastStatus = result.kind === 'ok' ? result.status : 304;
    // Validators: a 304 may repeat or omit them; a 200 replaces them (or drops them when absent).
    if (result.kind === 'ok') {
      etag = result.etag ?? null;
      lastModified = result.lastModified ?? null;
      bodyHash = result.bodyHash ?? null;
    } else {
      etag = result.etag ?? etag;
      lastModified = result.lastModified ?? lastModified;
    }
    // Freshness from the server is a minimum, never a reason to poll more often than our own interval.
    const fresh = cache.noStore || cache.noCache ? 0 : (cache.maxAgeSeconds ?? 0);
    const base = Math.max(policy.defaultIntervalSeconds, Math.min(fresh, policy.maxCacheIntervalSeconds));
    delay = Math.max(policy.minIntervalSeconds, jittered(base, policy.jitter, random));
  } else {
    errorCount = feed.errorCount + 1;
    lastStatus = result.kind === 'fetch-error' ? null : result.status;
    lastError = result.kind === 'fetch-error' ? `${result.code}: ${result.message}` : result.message;
    if (result.kind === 'parse-error') {
      // Forget the validators so that the next poll gets (and parses) the whole document again.
      etag = null;
      lastModified = null;
      bodyHash = null;
    }
    const base = retryDelayMs(errorCount, { baseMs: policy.errorBaseSeconds * 1000, maxMs: policy.maxBackoffSeconds * 1000, jitter: 0.5 }, random) / 1000;
    const retryAfter = cache.retryAfterSeconds !== undefined ? Math.min(cache.retryAfterSeconds, policy.maxBackoffSeconds) : 0;
    backoff = Math.round(Math.max(base, retryAfter, policy.minIntervalSeconds));
    delay = backoff;
    const goneWeight = result.kind === 'http-error' && result.status === 410 ? 2 : 1;
    if (isGoneError(result) && (errorCount * goneWeight >= policy.pauseAfterGoneErrors)) {
      pause = `${lastError} (${errorCount} consecutive failures)`;
    } else if (errorCount >= policy.pauseAfterErrors) {
      pause = `${lastError} (${errorCount} consecutive failures)`;
    }
  }
  const delaySeconds = Math.round(delay);
  return {
    nextCheckAt: new Date(now.getTime() + delaySeconds * 1000),
    delaySeconds,
    errorCount,
    backoffSeconds: backoff,
    lastStatus,
    lastError,
    etag: etag ? etag.slice(0, 1000) : null,
    lastModified: lastModified ? lastModified.slice(0, 200) : null,
    bodyHash,
    success,
    pause,
    newUrl: result.kind === 'ok' ? (result.permanentRedirect ?? null) : null,
  };
}

/** When to poll the feed next (see planAfterPoll for the rest of the plan). */
export function nextCheckAt(
  result: PollResult,
  feed: FeedPollState,
  now: Date,
  policy: PollPolicy = DEFAULT_POLL_POLICY,
  random: () => number = Math.random,
): Date {
  return planAfterPoll(result, feed, now, policy, random).nextCheckAt;
}

/** First poll of a newly added feed, spread over `spreadSeconds` so an import does not poll all at once. */
export function firstCheckAt(now: Date, spreadSeconds: number, random: () => number = Math.random): Date {
  return new Date(now.getTime() + Math.floor(random() * Math.max(0, spreadSeconds) * 1000));
}
