// The feed poller: claims due feeds in batches, polls them through the safe fetcher with a global and a
// per-host concurrency limit, parses what changed, and writes outcomes and new candidates back in batches.
// One loop, no per-feed timers; several pollers (processes) can share a database.
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Store } from '../../store/db.ts';
import { FetchError } from '../fetch/index.ts';
import type { FetchResult } from '../fetch/index.ts';
import { parseFeed, parseFeedIsolated } from '../feedparse/index.ts';
import type { ParseFeedResult } from '../feedparse/index.ts';
import { afterFeedFetch } from '../websub/poll-hook.ts';
import { entriesToCandidates, plainText, type CandidateInput } from '../subscriptions/candidates.ts';
import { bodyHashOf, type FeedRow } from '../subscriptions/feeds.ts';
import { FEED_ACCEPT, type FeedFetcher, type FeedParse } from '../subscriptions/subscribe.ts';
import { applyOutcomes, claimDueFeeds, leaseToken, releaseFeeds, type PollOutcome } from './claim.ts';
import { DEFAULT_POLL_POLICY, planAfterPoll, type FeedPlan, type PollPolicy, type PollResult } from './policy.ts';

export interface PollerOptions {
  store: Store;
  fetcher: FeedFetcher;
  /** Feed parser (default: parseFeed in-thread, parseFeedIsolated above `isolateAboveBytes`). */
  parse?: FeedParse;
  policy?: Partial<PollPolicy>;
  /** Polls in flight at once, all hosts together (default 32). */
  concurrency?: number;
  /** Polls in flight at once to one host name, by all pollers on the database together (default 2). */
  perHost?: number;
  /** Claimed feeds waiting for a free slot, at most (default 2 × concurrency). */
  maxBuffered?: number;
  /** How long a claim holds a feed (default 10 min); longer than fetch timeout + buffering. */
  leaseMs?: number;
  /** Total time for one fetch (default 30 s). */
  fetchTimeoutMs?: number;
  /** Bodies larger than this are parsed in a worker thread with its own heap limit (default 1 MB). */
  isolateAboveBytes?: number;
  /** Outcomes written per transaction, at most (default 200) ... */
  flushSize?: number;
  /** ... and at the latest this long after the first one waits (default 200 ms). */
  flushIntervalMs?: number;
  /** Longest sleep when nothing is due (default 15 s); wake() cuts it short. */
  idleMs?: number;
  owner?: string;
  now?: () => Date;
  random?: () => number;
  /** Called for each poll once its outcome is written. */
  onPoll?: (report: PollReport) => void;
  onError?: (err: unknown) => void;
}

export interface PollReport {
  feedId: number;
  url: string;
  kind: PollResult['kind'];
  /** HTTP status, or null when there was no HTTP answer. */
  status: number | null;
  /** Error code or message, for failures. */
  error: string | null;
  /** Fetch + parse time. */
  ms: number;
  newCandidates: number;
  plan: FeedPlan;
  /** False when the lease had been lost and nothing was written. */
  applied: boolean;
}

export interface PollerStats {
  polls: number;
  byKind: Record<PollResult['kind'], number>;
  newCandidates: number;
  lostLeases: number;
  claims: number;
}

export interface Poller {
  /** Polls until the signal aborts; then waits for polls in flight, writes them and gives back the rest. */
  run(signal?: AbortSignal): Promise<PollerStats>;
  /** One pass for tests and scripts: claims what is due now, polls it all, writes it. Returns the polls done. */
  runOnce(): Promise<number>;
  /** Cuts an idle sleep short (e.g. after a subscription was added). */
  wake(): void;
  readonly stats: PollerStats;
}

interface Item {
  row: FeedRow;
}

export function createPoller(opts: PollerOptions): Poller {
  const store = opts.store;
  const policy: PollPolicy = { ...DEFAULT_POLL_POLICY, ...opts.policy };
  const concurrency = Math.max(1, opts.concurrency ?? 32);
  const perHost = Math.max(1, opts.perHost ?? 2);
  const maxBuffered = Math.max(1, opts.maxBuffered ?? concurrency * 2);
  const leaseMs = opts.leaseMs ?? 600_000;
  const fetchTimeoutMs = opts.fetchTimeoutMs ?? 30_000;
  const isolateAbove = opts.isolateAboveBytes ?? 1024 * 1024;
  const flushSize = opts.flushSize ?? 200;
  const flushIntervalMs = opts.flushIntervalMs ?? 200;
  const idleMs = opts.idleMs ?? 15_000;
  const owner = opts.owner ?? `poller:${hostname()}:${process.pid}`;
  const now = opts.now ?? (() => new Date());
  const random = opts.random ?? Math.random;
  const onError = opts.onError ?? ((err: unknown) => console.error('[poll]', err));
  const parse: FeedParse =
    opts.parse ?? ((body, o) => (body.length > isolateAbove ? parseFeedIsolated(body, { ...o, timeoutMs: 10_000 }) : parseFeed(body, o)));

  const stats: PollerStats = {
    polls: 0,
    byKind: { ok: 0, 'not-modified': 0, 'parse-error': 0, 'http-error': 0, 'fetch-error': 0 },
    newCandidates: 0,
    lostLeases: 0,
    claims: 0,
  };

  // Claimed feeds waiting for a slot, per host; hosts in round-robin order.
  const waiting = new Map<string, Item[]>();
  const hostActive = new Map<string, number>();
  let buffered = 0;
  let active = 0;
  const tokens = new Map<number, string>(); // feed id → lease token of its claim
  let pending: Array<{ outcome: PollOutcome; report: Omit<PollReport, 'newCandidates' | 'applied'> }> = [];
  let flushTimer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();
  const inflight = new Set<Promise<void>>();
  let stopController = new AbortController();
  let notify: (() => void) | null = null;
  const poke = () => {
    const n = notify;
    notify = null;
    n?.();
  };

  /** Claims due feeds into the per-host queues. `seen` (runOnce) makes each feed count once per pass. */
  async function fill(seen?: Set<number>): Promise<number> {
    const room = maxBuffered - buffered;
    if (room <= 0) return 0;
    const saturated: string[] = [];
    for (const [host, list] of waiting) if (list.length + (hostActive.get(host) ?? 0) >= perHost) saturated.push(host);
    const token = leaseToken(owner);
    // A host's backlog stays short (twice its limit), so that one busy host cannot fill the buffer.
    const held = (host: string) => (waiting.get(host)?.length ?? 0) + (hostActive.get(host) ?? 0);
    const rows = await claimDueFeeds(store, {
      token,
      limit: room,
      leaseMs,
      now: now(),
      excludeHosts: saturated,
      hostRoom: (host) => perHost * 2 - held(host),
      // The politeness limit is every poller's together: feeds of a host leased anywhere count against it.
      sharedHostLimit: perHost,
    });
    stats.claims++;
    // Keep a host's backlog short: the rest goes back at once for another pass (or another poller).
    const give: Array<{ id: number; dueAt: string }> = [];
    const perHostKept = new Map<string, number>();
    for (const row of rows) {
      const host = row.host;
      if (seen?.has(Number(row.id))) {
        give.push({ id: Number(row.id), dueAt: row.next_check_at });
        continue;
      }
      const kept = perHostKept.get(host) ?? (waiting.get(host)?.length ?? 0) + (hostActive.get(host) ?? 0);
      if (kept >= perHost * 2) {
        give.push({ id: Number(row.id), dueAt: row.next_check_at });
        continue;
      }
      perHostKept.set(host, kept + 1);
      seen?.add(Number(row.id));
      tokens.set(Number(row.id), token);
      const list = waiting.get(host) ?? [];
      list.push({ row });
      waiting.set(host, list);
      buffered++;
    }
    if (give.length) await releaseFeeds(store.db, token, give);
    return rows.length - give.length;
  }

  function dispatch(): void {
    if (active >= concurrency || buffered === 0) return;
    for (const [host, list] of waiting) {
      while (list.length > 0 && active < concurrency && (hostActive.get(host) ?? 0) < perHost) {
        const item = list.shift()!;
        buffered--;
        active++;
        hostActive.set(host, (hostActive.get(host) ?? 0) + 1);
        const p = pollOne(item.row).finally(() => {
          active--;
          const left = (hostActive.get(host) ?? 1) - 1;
          if (left > 0) hostActive.set(host, left);
          else hostActive.delete(host);
          inflight.delete(p);
          poke();
        });
        inflight.add(p);
      }
      if (list.length === 0) waiting.delete(host);
      if (active >= concurrency) break;
    }
  }

  async function pollOne(row: FeedRow): Promise<void> {
    const id = Number(row.id);
    const t0 = performance.now();
    let result: PollResult;
    let candidates: CandidateInput[] = [];
    let title: string | null = null;
    let siteUrl: string | null = null;
    try {
      const res = await opts.fetcher.fetch(row.url, {
        etag: row.etag,
        lastModified: row.last_modified,
        accept: FEED_ACCEPT,
        timeoutMs: fetchTimeoutMs,
        signal: stopController.signal,
      });
      // WebSub (ingest/websub): a hub the feed advertises gets a subscription request, off this path.
      afterFeedFetch(store.db, id, res, now()).catch(() => {});
      if (res.notModified) {
        result = { kind: 'not-modified', headers: res.headers, etag: res.etag ?? null, lastModified: res.lastModified ?? null };
      } else {
        const bodyHash = bodyHashOf(res.body);
        const base = { status: res.status, headers: res.headers, etag: res.etag ?? null, lastModified: res.lastModified ?? null, bodyHash, permanentRedirect: permanentRedirectOf(res) };
        if (bodyHash === row.body_hash) {
          result = { kind: 'ok', ...base }; // same bytes as last time: nothing new, no parse
        } else {
          const parsed: ParseFeedResult = await parse(res.body, { contentType: res.headers['content-type'] ?? '', url: res.url, headers: res.headers });
          if (!parsed.ok) {
            result = { kind: 'parse-error', status: res.status, headers: res.headers, message: `not a usable feed: ${parsed.error}` };
          } else {
            result = { kind: 'ok', ...base };
            candidates = entriesToCandidates(parsed.feed.entries);
            title = plainText(parsed.feed.title) || null;
            siteUrl = parsed.feed.link ?? null;
          }
        }
      }
    } catch (err) {
      if (stopController.signal.aborted) return; // stopping: the lease is given back in run()
      if (err instanceof FetchError && err.code === 'http-error' && err.status) {
        result = { kind: 'http-error', status: err.status, headers: err.headers ?? {}, message: err.reason };
      } else if (err instanceof FetchError) {
        result = { kind: 'fetch-error', code: err.code, message: err.reason };
      } else {
        result = { kind: 'fetch-error', code: 'internal', message: (err as Error)?.message ?? String(err) };
      }
    }
    const checkedAt = now();
    const plan = planAfterPoll(
      result,
      { errorCount: Number(row.error_count), etag: row.etag, lastModified: row.last_modified, bodyHash: row.body_hash, lastStatus: row.last_status },
      checkedAt,
      policy,
      random,
    );
    const ms = performance.now() - t0;
    pending.push({
      outcome: { feedId: id, token: tokens.get(id)!, checkedAt, plan, candidates, title, siteUrl },
      report: {
        feedId: id,
        url: row.url,
        kind: result.kind,
        status: result.kind === 'not-modified' ? 304 : 'status' in result ? result.status : null,
        error: result.kind === 'fetch-error' ? result.code : result.kind === 'ok' || result.kind === 'not-modified' ? null : result.message,
        ms,
        plan,
      },
    });
    tokens.delete(id);
    if (pending.length >= flushSize) void flush();
    else if (!flushTimer) {
      flushTimer = setTimeout(() => void flush(), flushIntervalMs);
      flushTimer.unref?.();
    }
  }

  function flush(): Promise<void> {
    if (flushTimer) {
      clearTimeout(flushTimer);
      flushTimer = null;
    }
    flushing = flushing.then(async () => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      let applied;
      try {
        applied = await applyOutcomes(store, batch.map((b) => b.outcome));
      } catch (err) {
        onError(err);
        return; // the leases expire and the feeds are polled again: nothing is lost
      }
      for (let i = 0; i < batch.length; i++) {
        const a = applied[i]!;
        const r = batch[i]!.report;
        stats.polls++;
        stats.byKind[r.kind]++;
        stats.newCandidates += a.newCandidates;
        if (!a.applied) stats.lostLeases++;
        opts.onPoll?.({ ...r, newCandidates: a.newCandidates, applied: a.applied });
      }
    });
    return flushing;
  }

  async function nextDueDelay(): Promise<number> {
    const row = await store.db
      .selectFrom('feeds')
      .select((eb) => eb.fn.min('next_check_at').as('next'))
      .where('status', '=', 'active')
      .executeTakeFirst();
    const next = row?.next ? Date.parse(String(row.next)) : NaN;
    if (Number.isNaN(next)) return idleMs;
    return Math.min(idleMs, Math.max(0, next - now().getTime()));
  }

  /** Whether a due feed waits on a host whose limit other pollers' leases fill. */
  async function dueBehindOthers(): Promise<boolean> {
    const stamp = now().toISOString();
    const row = await store.db
      .selectFrom('feeds as d')
      .select('d.id')
      .where('d.status', '=', 'active')
      .where('d.next_check_at', '<=', stamp)
      .where((eb) =>
        eb.exists(
          eb.selectFrom('feeds as l').select('l.id').whereRef('l.host', '=', 'd.host').where('l.lease_owner', 'is not', null).where('l.lease_until', '>', stamp),
        ),
      )
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async function giveBack(): Promise<void> {
    const byToken = new Map<string, Array<{ id: number; dueAt: string }>>();
    const add = (id: number, dueAt: string) => {
      const t = tokens.get(id);
      if (!t) return;
      const list = byToken.get(t) ?? [];
      list.push({ id, dueAt });
      byToken.set(t, list);
      tokens.delete(id);
    };
    for (const list of waiting.values()) for (const { row } of list) add(Number(row.id), row.next_check_at);
    // Polls aborted by the stop signal wrote nothing; their feeds go back too, due now.
    const stamp = now().toISOString();
    for (const id of [...tokens.keys()]) add(id, stamp);
    waiting.clear();
    buffered = 0;
    for (const [t, list] of byToken) await releaseFeeds(store.db, t, list);
  }

  async function run(signal?: AbortSignal): Promise<PollerStats> {
    stopController = new AbortController();
    const stop = () => {
      stopController.abort();
      poke();
    };
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    const lowWater = Math.floor(maxBuffered / 2);
    let claimAfter = 0; // performance.now() before which no claim is tried (nothing was due)
    try {
      while (!stopController.signal.aborted) {
        if (buffered <= lowWater && performance.now() >= claimAfter) {
          let got = 0;
          try {
            got = await fill();
            if (got > 0) claimAfter = 0;
            else {
              // Nothing claimable: sleep until the next feed is due; while polls run, look again within 1 s
              // (a finished poll may free a host whose feeds were left unclaimed).
              const delay = await nextDueDelay();
              claimAfter = performance.now() + Math.max(10, active > 0 || buffered > 0 ? Math.min(1000, delay) : delay);
            }
          } catch (err) {
            onError(err);
            claimAfter = performance.now() + 1000;
          }
        }
        dispatch();
        if (stopController.signal.aborted) break;
        const canClaim = buffered <= lowWater && performance.now() >= claimAfter;
        if (canClaim && active < concurrency) continue;
        const wait = buffered <= lowWater ? Math.max(1, claimAfter - performance.now()) : 60_000;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            notify = null;
            resolve();
          }, wait);
          notify = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    } finally {
      signal?.removeEventListener('abort', stop);
      await Promise.allSettled([...inflight]);
      await flush();
      await giveBack().catch(onError);
    }
    return stats;
  }

  async function runOnce(): Promise<number> {
    const before = stats.polls;
    stopController = new AbortController();
    const seen = new Set<number>();
    for (;;) {
      await flush(); // our written-back feeds no longer count against their host's shared limit
      const got = await fill(seen);
      if (got === 0 && buffered === 0) {
        // Due feeds may be left only because other pollers hold their host's limit: wait for those.
        if (!(await dueBehindOthers())) break;
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      while (buffered > 0 || active > 0) {
        dispatch();
        if (inflight.size) await Promise.race([...inflight]);
      }
    }
    await flush();
    return stats.polls - before;
  }

  return {
    run,
    runOnce,
    wake: () => poke(),
    get stats() {
      return stats;
    },
  };
}

/**
 * The URL a feed moved to for good: the final URL when every redirect on the way was permanent (301/308).
 * Needs the fetcher to report the redirect statuses (`redirectStatuses`, parallel to `redirects`); without
 * them no redirect is taken as permanent and the stored URL stays.
 */
export function permanentRedirectOf(res: Pick<FetchResult, 'redirects' | 'redirectStatuses' | 'url'>): string | null {
  if (!res.redirects.length || res.redirectStatuses.length !== res.redirects.length) return null;
  return res.redirectStatuses.every((s) => s === 301 || s === 308) ? res.url : null;
}
