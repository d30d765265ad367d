// Claiming due feeds with a lease, and writing poll outcomes back while still holding it.
// A claim moves next_check_at to the end of the lease: a poller that dies leaves its feeds due again then.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Store } from '../../store/db.ts';
import type { Database } from '../../store/schema.ts';
import { writeTransaction } from '../jobs/write-transaction.ts';
import type { FeedRow } from '../subscriptions/feeds.ts';
import { insertCandidates, type CandidateInput } from '../subscriptions/candidates.ts';
import type { FeedPlan } from './policy.ts';

export function leaseToken(owner: string): string {
  return `${owner}/${randomUUID().slice(0, 13)}`;
}

export interface FeedClaimOptions {
  token: string;
  limit: number;
  leaseMs: number;
  now: Date;
  /** Hosts not to claim for now (their politeness limit is already reached locally). */
  excludeHosts?: readonly string[];
  /** How many more feeds of a host this claim may take (default: no per-host limit). */
  hostRoom?: (host: string) => number;
  /**
   * At most this many feeds of one host leased at once by all pollers together (claimed and not yet
   * written back: buffered or in flight), counted in the database, so that the politeness limit holds
   * across processes. Claims that use it take turns (an advisory lock on PostgreSQL, the write lock on SQLite).
   */
  sharedHostLimit?: number;
}

const CLAIM_LOCK = 0x72656c61; // "rela": pg_advisory_xact_lock key of feed claims

/**
 * Claims up to `limit` active feeds that are due, oldest due first. The rows come back with the
 * next_check_at they had before the claim (when they were due), so that a release can restore it.
 */
export async function claimDueFeeds(store: Store, opts: FeedClaimOptions): Promise<FeedRow[]> {
  if (opts.limit <= 0) return [];
  const stamp = opts.now.toISOString();
  const until = new Date(opts.now.getTime() + opts.leaseMs).toISOString();
  return writeTransaction(store, async (tx) => {
    const shared = opts.sharedHostLimit;
    if (shared !== undefined && store.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${CLAIM_LOCK})`.execute(tx);
    // Read a few times more than needed, so that a host with many due feeds cannot fill the whole claim.
    const scan = opts.hostRoom ? opts.limit * 4 : opts.limit;
    let due = tx
      .selectFrom('feeds')
      .select(['id', 'host', 'next_check_at'])
      .where('status', '=', 'active')
      .where('next_check_at', '<=', stamp)
      .orderBy('next_check_at')
      .orderBy('id')
      .limit(scan);
    if (opts.excludeHosts && opts.excludeHosts.length > 0 && opts.excludeHosts.length <= 1000) due = due.where('host', 'not in', opts.excludeHosts);
    if (store.dialect === 'postgres' && !opts.hostRoom) due = due.forUpdate().skipLocked();
    let picked = await due.execute();
    if (opts.hostRoom) {
      const room = new Map<string, number>();
      if (shared !== undefined && picked.length > 0) {
        const hosts = [...new Set(picked.map((p) => p.host))];
        const leased = await tx
          .selectFrom('feeds')
          .select(['host', (eb) => eb.fn.countAll<number>().as('n')])
          .where('host', 'in', hosts)
          .where('lease_owner', 'is not', null)
          .where('lease_until', '>', stamp)
          .groupBy('host')
          .execute();
        const busy = new Map(leased.map((l) => [l.host, Number(l.n)]));
        for (const h of hosts) room.set(h, Math.min(opts.hostRoom(h), shared - (busy.get(h) ?? 0)));
      }
      const chosen: typeof picked = [];
      for (const p of picked) {
        const left = room.get(p.host) ?? opts.hostRoom(p.host);
        if (left <= 0) continue;
        room.set(p.host, left - 1);
        chosen.push(p);
        if (chosen.length >= opts.limit) break;
      }
      picked = chosen;
      if (store.dialect === 'postgres' && picked.length > 0) {
        // Lock what was chosen; rows another poller holds are skipped (and re-checked as still due).
        const locked = await tx
          .selectFrom('feeds')
          .select('id')
          .where('id', 'in', picked.map((p) => p.id))
          .where('status', '=', 'active')
          .where('next_check_at', '<=', stamp)
          .forUpdate()
          .skipLocked()
          .execute();
        const ok = new Set(locked.map((l) => Number(l.id)));
        picked = picked.filter((p) => ok.has(Number(p.id)));
      }
    }
    if (picked.length === 0) return [];
    const dueAt = new Map(picked.map((p) => [Number(p.id), p.next_check_at]));
    const rows = (await tx
      .updateTable('feeds')
      .set({ lease_owner: opts.token, lease_until: until, next_check_at: until })
      .where('id', 'in', [...dueAt.keys()])
      .returningAll()
      .execute()) as FeedRow[];
    for (const r of rows) r.next_check_at = dueAt.get(Number(r.id)) ?? r.next_check_at;
    return rows.sort((a, b) => (a.next_check_at < b.next_check_at ? -1 : a.next_check_at > b.next_check_at ? 1 : Number(a.id) - Number(b.id)));
  });
}

/**
 * Gives claimed feeds back unpolled (a poller stopping, or more claimed than it can use), each due again at
 * the time given (normally when it was due before the claim, so it keeps its place in line).
 */
export async function releaseFeeds(db: Kysely<Database>, token: string, feeds: ReadonlyArray<{ id: number; dueAt: string }>): Promise<void> {
  const byDue = new Map<string, number[]>();
  for (const f of feeds) {
    const ids = byDue.get(f.dueAt) ?? [];
    ids.push(f.id);
    byDue.set(f.dueAt, ids);
  }
  for (const [dueAt, ids] of byDue) {
    for (let i = 0; i < ids.length; i += 500) {
      await db
        .updateTable('feeds')
        .set({ lease_owner: null, lease_until: null, next_check_at: dueAt })
        .where('id', 'in', ids.slice(i, i + 500))
        .where('lease_owner', '=', token)
        .execute();
    }
  }
}

export interface PollOutcome {
  feedId: number;
  token: string;
  checkedAt: Date;
  plan: FeedPlan;
  candidates: readonly CandidateInput[];
  /** Title and site link read from the feed (stored only where the subscription has none yet). */
  title: string | null;
  siteUrl: string | null;
}

export interface AppliedOutcome {
  feedId: number;
  /** False when the lease was lost (another poller has the feed now): nothing was written. */
  applied: boolean;
  newCandidates: number;
  /** Set when a permanent redirect moved the feed (or why it could not). */
  moved: string | null;
}

/** Writes a batch of poll outcomes in one write transaction. */
export async function applyOutcomes(store: Store, outcomes: readonly PollOutcome[]): Promise<AppliedOutcome[]> {
  if (outcomes.length === 0) return [];
  return writeTransaction(store, async (tx) => {
    // Every plain outcome goes in one UPDATE … FROM (VALUES …) per 500: one statement, not one per feed.
    const bulk = outcomes.filter((o) => !o.plan.newUrl);
    const appliedIds = bulk.length ? await applyBulk(tx, bulk) : new Set<number>();
    const out: AppliedOutcome[] = [];
    for (const o of outcomes) {
      if (!o.plan.newUrl) {
        const applied = appliedIds.has(o.feedId);
        const newCandidates = applied && o.candidates.length ? await insertCandidates(tx, o.feedId, o.candidates, o.checkedAt) : 0;
        out.push({ feedId: o.feedId, applied, newCandidates, moved: null });
      } else {
        out.push(await applyOne(tx, o));
      }
    }
    return out;
  });
}

// Same SQL on SQLite (3.33+: UPDATE … FROM, CTE column names) and PostgreSQL; CASTs give the VALUES types.
async function applyBulk(tx: Kysely<Database>, outcomes: readonly PollOutcome[]): Promise<Set<number>> {
  const applied = new Set<number>();
  const int = (v: number | null) => sql`CAST(${v} AS integer)`;
  const text = (v: string | null) => sql`CAST(${v} AS text)`;
  for (let i = 0; i < outcomes.length; i += 500) {
    const values = outcomes.slice(i, i + 500).map((o) => {
      const p = o.plan;
      const stamp = o.checkedAt.toISOString();
      return sql`(${sql.join([
        int(o.feedId), text(o.token), text(p.nextCheckAt.toISOString()), text(stamp), int(p.success ? 1 : 0),
        int(p.errorCount), int(p.backoffSeconds), int(p.lastStatus), text(p.lastError ? p.lastError.slice(0, 2000) : null),
        text(p.etag), text(p.lastModified), text(p.bodyHash), int(p.pause !== null ? 1 : 0),
        text(p.pause ? p.pause.slice(0, 1000) : null), text(o.title), text(o.siteUrl),
      ])})`;
    });
    const r = await sql<{ id: number }>`
      WITH v(feed_id, token, next_check_at, checked_at, success, error_count, backoff_seconds, last_status, last_error,
             etag, last_modified, body_hash, paused, pause_reason, title, site_url)
        AS (VALUES ${sql.join(values)})
      UPDATE feeds AS f SET
        next_check_at = v.next_check_at, last_checked_at = v.checked_at,
        last_success_at = CASE WHEN v.success = 1 THEN v.checked_at ELSE f.last_success_at END,
        error_count = v.error_count, backoff_seconds = v.backoff_seconds, last_status = v.last_status,
        last_error = v.last_error, etag = v.etag, last_modified = v.last_modified, body_hash = v.body_hash,
        status = CASE WHEN v.paused = 1 THEN 'paused' ELSE f.status END,
        pause_reason = CASE WHEN v.paused = 1 THEN v.pause_reason ELSE f.pause_reason END,
        title = coalesce(f.title, v.title), site_url = coalesce(f.site_url, v.site_url),
        lease_owner = NULL, lease_until = NULL, updated_at = v.checked_at
      FROM v
      WHERE f.id = v.feed_id AND f.lease_owner = v.token
      RETURNING id`.execute(tx);
    for (const row of r.rows) applied.add(Number(row.id));
  }
  return applied;
}

async function applyOne(tx: Kysely<Database>, o: PollOutcome): Promise<AppliedOutcome> {
  const p = o.plan;
  const stamp = o.checkedAt.toISOString();
  let status: 'active' | 'paused' = 'active';
  let pauseReason: string | null = null;
  let move: { url: string; host: string } | null = null;
  let moved: string | null = null;
  if (p.pause) {
    status = 'paused';
    pauseReason = p.pause.slice(0, 1000);
  }
  if (p.newUrl) {
    const taken = await tx.selectFrom('feeds').select('id').where('url', '=', p.newUrl).where('id', '!=', o.feedId).executeTakeFirst();
    if (taken) {
      status = 'paused';
      pauseReason = `moved permanently to ${p.newUrl}, which is already subscribed as feed ${taken.id}`;
      moved = pauseReason;
    } else {
      move = { url: p.newUrl, host: new URL(p.newUrl).hostname.toLowerCase() };
      moved = p.newUrl;
    }
  }
  const r = await tx
    .updateTable('feeds')
    .set((eb) => ({
      next_check_at: p.nextCheckAt.toISOString(),
      last_checked_at: stamp,
      ...(p.success ? { last_success_at: stamp } : {}),
      error_count: p.errorCount,
      backoff_seconds: p.backoffSeconds,
      last_status: p.lastStatus,
      last_error: p.lastError ? p.lastError.slice(0, 2000) : null,
      etag: p.etag,
      last_modified: p.lastModified,
      body_hash: p.bodyHash,
      ...(status === 'paused' ? { status, pause_reason: pauseReason } : {}),
      ...(move ? { url: move.url, host: move.host } : {}),
      ...(o.title ? { title: eb.fn.coalesce('title', eb.val(o.title)) } : {}),
      ...(o.siteUrl ? { site_url: eb.fn.coalesce('site_url', eb.val(o.siteUrl)) } : {}),
      lease_owner: null,
      lease_until: null,
      updated_at: stamp,
    }))
    .where('id', '=', o.feedId)
    .where('lease_owner', '=', o.token)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return { feedId: o.feedId, applied: false, newCandidates: 0, moved: null };
  const newCandidates = o.candidates.length ? await insertCandidates(tx, o.feedId, o.candidates, o.checkedAt) : 0;
  return { feedId: o.feedId, applied: true, newCandidates, moved };
}
