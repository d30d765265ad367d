// Feed subscriptions: the feeds table and the operations on it that need no network (add, list, pause,
// resume, remove). subscribe.ts adds the network side (fetching and autodiscovery).
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import { InputError, NotFoundError } from '../../domain/types.ts';
import type { Database, FeedsTable } from '../../store/schema.ts';
import { checkUrl as defaultCheckUrl } from '../fetch/index.ts';
import type { UrlCheck } from '../fetch/index.ts';

export const FEED_STATUSES = ['active', 'paused'] as const;
export type FeedStatus = (typeof FEED_STATUSES)[number];

export interface Feed {
  id: number;
  url: string;
  host: string;
  siteUrl: string | null;
  title: string | null;
  folder: string | null;
  outletId: number | null;
  status: FeedStatus;
  pauseReason: string | null;
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  lastCheckedAt: string | null;
  lastSuccessAt: string | null;
  nextCheckAt: string;
  errorCount: number;
  lastError: string | null;
  lastStatus: number | null;
  backoffSeconds: number;
  createdAt: string;
  updatedAt: string;
}

export type FeedRow = Omit<FeedsTable, 'id'> & { id: number };

export function toFeed(r: FeedRow): Feed {
  return {
    id: Number(r.id),
    url: r.url,
    host: r.host,
    siteUrl: r.site_url,
    title: r.title,
    folder: r.folder,
    outletId: r.outlet_id == null ? null : Number(r.outlet_id),
    status: r.status as FeedStatus,
    pauseReason: r.pause_reason,
    etag: r.etag,
    lastModified: r.last_modified,
    bodyHash: r.body_hash,
    lastCheckedAt: r.last_checked_at,
    lastSuccessAt: r.last_success_at,
    nextCheckAt: r.next_check_at,
    errorCount: Number(r.error_count),
    lastError: r.last_error,
    lastStatus: r.last_status == null ? null : Number(r.last_status),
    backoffSeconds: Number(r.backoff_seconds),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export type UrlChecker = (url: string) => UrlCheck;

/**
 * The canonical form a feed URL is stored under: WHATWG-normalised, without fragment, and allowed by the
 * safe fetcher's syntactic policy (pass the fetcher's own checkUrl when it allows test hosts).
 * Throws InputError with the reason otherwise.
 */
export function normaliseFeedUrl(raw: unknown, check: UrlChecker = (u) => defaultCheckUrl(u), field = 'url'): { url: string; host: string } {
  if (typeof raw !== 'string' || raw.trim() === '') throw new InputError(`${field} is required`, field);
  const c = check(raw.trim());
  if (!c.ok) throw new InputError(`${field} ${JSON.stringify(raw.trim().slice(0, 300))} is refused: ${c.reason}`, field);
  const u = new URL(c.url.href);
  u.hash = '';
  return { url: u.href, host: u.hostname.toLowerCase() };
}

export interface AddFeedInput {
  url: string;
  title?: string | null;
  siteUrl?: string | null;
  folder?: string | null;
  outletId?: number | null;
}

export interface AddFeedOptions {
  checkUrl?: UrlChecker;
  /** First poll (default now). */
  nextCheckAt?: Date;
}

function cleanText(v: unknown, max: number): string | null {
  if (typeof v !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  const t = v.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max) : null;
}

function siteUrlOf(v: unknown): string | null {
  if (typeof v !== 'string' || !v.trim()) return null;
  try {
    const u = new URL(v.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Adds a subscription without fetching anything. An existing feed with the same URL is returned as is. */
export async function addFeed(ctx: AppContext, input: AddFeedInput, opts: AddFeedOptions = {}): Promise<{ feed: Feed; created: boolean }> {
  const { url, host } = normaliseFeedUrl(input.url, opts.checkUrl);
  const existing = await findFeedByUrl(ctx.store.db, url);
  if (existing) return { feed: existing, created: false };
  if (input.outletId != null) {
    const o = await ctx.store.db.selectFrom('outlets').select('id').where('id', '=', input.outletId).executeTakeFirst();
    if (!o) throw new InputError(`no outlet with id ${input.outletId}`, 'outletId');
  }
  const now = ctx.now();
  const stamp = now.toISOString();
  const row = await ctx.store.db
    .insertInto('feeds')
    .values({
      url,
      host,
      site_url: siteUrlOf(input.siteUrl),
      title: cleanText(input.title, 500),
      folder: cleanText(input.folder, 200),
      outlet_id: input.outletId ?? null,
      status: 'active',
      next_check_at: (opts.nextCheckAt ?? now).toISOString(),
      error_count: 0,
      backoff_seconds: 0,
      created_at: stamp,
      updated_at: stamp,
    })
    .onConflict((oc) => oc.column('url').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) return { feed: (await findFeedByUrl(ctx.store.db, url))!, created: false }; // lost a race
  return { feed: toFeed(row), created: true };
}

export async function findFeedByUrl(db: Kysely<Database>, url: string): Promise<Feed | null> {
  const row = await db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst();
  return row ? toFeed(row) : null;
}

export async function getFeed(ctx: AppContext, id: number): Promise<Feed> {
  const row = await ctx.store.db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(`no feed with id ${id}`);
  return toFeed(row);
}

export interface ListFeedsFilter {
  status?: FeedStatus;
  folder?: string;
  /** Only feeds with errors (error_count > 0). */
  failing?: boolean;
  limit?: number;
  offset?: number;
}

export async function listFeeds(ctx: AppContext, filter: ListFeedsFilter = {}): Promise<Feed[]> {
  let q = ctx.store.db.selectFrom('feeds').selectAll().orderBy('folder').orderBy('title').orderBy('id');
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.folder !== undefined) q = q.where('folder', '=', filter.folder);
  if (filter.failing) q = q.where('error_count', '>', 0);
  q = q.limit(Math.min(filter.limit ?? 1000, 100_000)).offset(filter.offset ?? 0);
  return (await q.execute()).map(toFeed);
}

export async function countFeeds(ctx: AppContext): Promise<Record<FeedStatus, number>> {
  const rows = await ctx.store.db.selectFrom('feeds').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  const out: Record<FeedStatus, number> = { active: 0, paused: 0 };
  for (const r of rows) out[r.status as FeedStatus] = Number(r.n);
  return out;
}

export async function pauseFeed(ctx: AppContext, id: number, reason = 'paused by an editor'): Promise<Feed> {
  await getFeed(ctx, id);
  await ctx.store.db
    .updateTable('feeds')
    .set({ status: 'paused', pause_reason: reason.slice(0, 500), updated_at: ctx.now().toISOString() })
    .where('id', '=', id)
    .execute();
  return getFeed(ctx, id);
}

/** Active again, polled soon, with its error history cleared. */
export async function resumeFeed(ctx: AppContext, id: number): Promise<Feed> {
  await getFeed(ctx, id);
  const stamp = ctx.now().toISOString();
  await ctx.store.db
    .updateTable('feeds')
    .set({ status: 'active', pause_reason: null, error_count: 0, backoff_seconds: 0, next_check_at: stamp, updated_at: stamp })
    .where('id', '=', id)
    .execute();
  return getFeed(ctx, id);
}

/** Asks for a poll as soon as a poller is free (no effect on a paused feed's status). */
export async function checkFeedSoon(ctx: AppContext, id: number): Promise<void> {
  await getFeed(ctx, id);
  await ctx.store.db.updateTable('feeds').set({ next_check_at: ctx.now().toISOString() }).where('id', '=', id).execute();
}

export async function updateFeedDetails(
  ctx: AppContext,
  id: number,
  input: { title?: string | null; folder?: string | null; siteUrl?: string | null; outletId?: number | null },
): Promise<Feed> {
  await getFeed(ctx, id);
  const set: { title?: string | null; folder?: string | null; site_url?: string | null; outlet_id?: number | null } = {};
  if (input.title !== undefined) set.title = cleanText(input.title, 500);
  if (input.folder !== undefined) set.folder = cleanText(input.folder, 200);
  if (input.siteUrl !== undefined) set.site_url = siteUrlOf(input.siteUrl);
  if (input.outletId !== undefined) set.outlet_id = input.outletId;
  await ctx.store.db.updateTable('feeds').set({ ...set, updated_at: ctx.now().toISOString() }).where('id', '=', id).execute();
  return getFeed(ctx, id);
}

/**
 * Removes a subscription. Candidates still waiting ("new") go with it; imported and dismissed ones stay,
 * detached from the feed, since they are part of the history of what was imported.
 */
export async function removeFeed(ctx: AppContext, id: number): Promise<void> {
  await getFeed(ctx, id);
  await ctx.store.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('import_candidates').where('feed_id', '=', id).where('state', '=', 'new').execute();
    await tx.deleteFrom('feeds').where('id', '=', id).execute();
  });
}

/** Fingerprint of a fetched feed body (an unchanged 200 is then not parsed again). */
export function bodyHashOf(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}
