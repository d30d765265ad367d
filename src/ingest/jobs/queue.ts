// The database job queue: enqueue, claim with a lease, complete or fail while still holding the lease.
// A lease is a token unique to one claim (worker id + random part), so a job reclaimed after its lease
// expired — even by the same worker — can never be completed by the earlier holder.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Store } from '../../store/db.ts';
import type { Database, JobsTable } from '../../store/schema.ts';
import { parseJson } from '../../store/json.ts';
import { retryDelayMs, type BackoffOptions } from './backoff.ts';
import { writeTransaction } from './write-transaction.ts';

export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface Job<P = unknown> {
  id: number;
  kind: string;
  payload: P;
  state: JobState;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  /** The lease token of the claim that is running it (null when not running). */
  leaseOwner: string | null;
  leaseUntil: string | null;
  lastError: string | null;
  dedupKey: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EnqueueInput<P = unknown> {
  kind: string;
  payload?: P;
  /** When it may run first (default now). */
  runAt?: Date;
  /** Runs before the job is failed for good (default 5). */
  maxAttempts?: number;
  /** At most one queued-or-running job per key: a second enqueue with the key returns null. */
  dedupKey?: string | null;
}

type Row = Omit<JobsTable, 'id'> & { id: number };

export function toJob<P = unknown>(r: Row): Job<P> {
  return {
    id: Number(r.id),
    kind: r.kind,
    payload: parseJson<P>(r.payload_json, {} as P),
    state: r.state as JobState,
    runAt: r.run_at,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    leaseOwner: r.lease_owner,
    leaseUntil: r.lease_until,
    lastError: r.last_error,
    dedupKey: r.dedup_key,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Adds a job. Works inside a caller's transaction (pass the transaction as `db`). Null when deduplicated. */
export async function enqueueJob<P>(db: Kysely<Database>, input: EnqueueInput<P>, now: Date = new Date()): Promise<Job<P> | null> {
  if (!input.kind || typeof input.kind !== 'string') throw new TypeError('job kind is required');
  const maxAttempts = input.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('maxAttempts must be a positive integer');
  const stamp = now.toISOString();
  const row = await db
    .insertInto('jobs')
    .values({
      kind: input.kind,
      payload_json: JSON.stringify(input.payload ?? {}),
      state: 'queued',
      run_at: (input.runAt ?? now).toISOString(),
      attempts: 0,
      max_attempts: maxAttempts,
      dedup_key: input.dedupKey ?? null,
      created_at: stamp,
      updated_at: stamp,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toJob<P>(row) : null;
}

export interface ClaimOptions {
  /** Identifies the worker (process); each claim adds a random part to make the lease token. */
  owner: string;
  /** Only these kinds (default all). */
  kinds?: readonly string[];
  limit: number;
  leaseMs: number;
  now?: Date;
}

/**
 * Claims up to `limit` runnable jobs: queued and due, or running with an expired lease (their worker died).
 * Jobs whose lease expired with no attempt left are failed instead of being run again.
 */
export async function claimJobs(store: Store, opts: ClaimOptions): Promise<Job[]> {
  if (opts.limit <= 0) return [];
  if (opts.kinds && opts.kinds.length === 0) return [];
  const now = opts.now ?? new Date();
  const stamp = now.toISOString();
  const token = `${opts.owner}/${randomUUID().slice(0, 13)}`;
  const leaseUntil = new Date(now.getTime() + opts.leaseMs).toISOString();
  const kinds = opts.kinds;
  const rows = await writeTransaction(store, async (tx) => {
    let exhausted = tx
      .updateTable('jobs')
      .set({
        state: 'failed',
        lease_owner: null,
        lease_until: null,
        updated_at: stamp,
        last_error: sql<string>`'lease expired on attempt ' || ${sql.ref('attempts')} || ' (worker stopped?)' || coalesce('; last error: ' || ${sql.ref('last_error')}, '')`,
      })
      .where('state', '=', 'running')
      .where('lease_until', '<', stamp)
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')));
    if (kinds) exhausted = exhausted.where('kind', 'in', kinds);
    await exhausted.execute();

    let due = tx
      .selectFrom('jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', stamp)]),
          eb.and([eb('state', '=', 'running'), eb('lease_until', '<', stamp)]),
        ]),
      )
      .orderBy('run_at')
      .orderBy('id')
      .limit(opts.limit);
    if (kinds) due = due.where('kind', 'in', kinds);
    if (store.dialect === 'postgres') due = due.forUpdate().skipLocked();
    return tx
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        lease_owner: token,
        lease_until: leaseUntil,
        attempts: eb('attempts', '+', 1),
        updated_at: stamp,
      }))
      .where('id', 'in', due)
      .returningAll()
      .execute();
  });
  return rows.map((r) => toJob(r)).sort((a, b) => (a.runAt < b.runAt ? -1 : a.runAt > b.runAt ? 1 : a.id - b.id));
}

/** Marks the job done if `job.leaseOwner` still holds it. False when the lease was lost (another worker has it). */
export async function completeJob(db: Kysely<Database>, job: Pick<Job, 'id' | 'leaseOwner'>, now: Date = new Date()): Promise<boolean> {
  if (!job.leaseOwner) return false;
  const r = await db
    .updateTable('jobs')
    .set({ state: 'done', lease_owner: null, lease_until: null, last_error: null, updated_at: now.toISOString() })
    .where('id', '=', job.id)
    .where('state', '=', 'running')
    .where('lease_owner', '=', job.leaseOwner)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export type FailOutcome = 'retry' | 'failed' | 'lost';

/**
 * Records a failed attempt while holding the lease: queued again after an exponential backoff, or failed
 * for good when no attempt is left or `retryable` is false. The error text is kept either way.
 */
export async function failJob(
  db: Kysely<Database>,
  job: Pick<Job, 'id' | 'leaseOwner' | 'attempts' | 'maxAttempts'>,
  error: unknown,
  opts: { now?: Date; retryable?: boolean; backoff?: BackoffOptions; random?: () => number } = {},
): Promise<FailOutcome> {
  if (!job.leaseOwner) return 'lost';
  const now = opts.now ?? new Date();
  const message = errorText(error);
  const final = opts.retryable === false || job.attempts >= job.maxAttempts;
  const runAt = final ? undefined : new Date(now.getTime() + retryDelayMs(job.attempts, opts.backoff, opts.random)).toISOString();
  const r = await db
    .updateTable('jobs')
    .set({
      state: final ? 'failed' : 'queued',
      lease_owner: null,
      lease_until: null,
      last_error: message,
      updated_at: now.toISOString(),
      ...(runAt ? { run_at: runAt } : {}),
    })
    .where('id', '=', job.id)
    .where('state', '=', 'running')
    .where('lease_owner', '=', job.leaseOwner)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return 'lost';
  return final ? 'failed' : 'retry';
}

/** Pushes the lease of running jobs forward. Returns the ids whose lease is still held. */
export async function extendLeases(
  db: Kysely<Database>,
  jobs: ReadonlyArray<Pick<Job, 'id' | 'leaseOwner'>>,
  leaseMs: number,
  now: Date = new Date(),
): Promise<Set<number>> {
  const held = new Set<number>();
  const byToken = new Map<string, number[]>();
  for (const j of jobs) {
    if (!j.leaseOwner) continue;
    const ids = byToken.get(j.leaseOwner) ?? [];
    ids.push(j.id);
    byToken.set(j.leaseOwner, ids);
  }
  const until = new Date(now.getTime() + leaseMs).toISOString();
  for (const [token, ids] of byToken) {
    const rows = await db
      .updateTable('jobs')
      .set({ lease_until: until, updated_at: now.toISOString() })
      .where('id', 'in', ids)
      .where('state', '=', 'running')
      .where('lease_owner', '=', token)
      .returning('id')
      .execute();
    for (const r of rows) held.add(Number(r.id));
  }
  return held;
}

export async function getJob(db: Kysely<Database>, id: number): Promise<Job | null> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toJob(row) : null;
}

export async function listJobs(
  db: Kysely<Database>,
  filter: { kind?: string; state?: JobState; limit?: number } = {},
): Promise<Job[]> {
  let q = db.selectFrom('jobs').selectAll().orderBy('id').limit(filter.limit ?? 100);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.state) q = q.where('state', '=', filter.state);
  return (await q.execute()).map((r) => toJob(r));
}

/** Counts by state (all kinds, or one). */
export async function countJobs(db: Kysely<Database>, kind?: string): Promise<Record<JobState, number>> {
  let q = db.selectFrom('jobs').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('state');
  if (kind) q = q.where('kind', '=', kind);
  const out: Record<JobState, number> = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const r of await q.execute()) out[r.state as JobState] = Number(r.n);
  return out;
}

/** Deletes finished jobs older than `before` (done always; failed only with `includeFailed`). */
export async function pruneJobs(db: Kysely<Database>, before: Date, opts: { includeFailed?: boolean } = {}): Promise<number> {
  const states = opts.includeFailed ? ['done', 'failed'] : ['done'];
  const r = await db.deleteFrom('jobs').where('state', 'in', states).where('updated_at', '<', before.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 4000 ? `${text.slice(0, 4000)}…` : text;
}
