// The dashboards' view of republishers: per article (views per day over a range, checks, first and last
// seen) and site-wide (top republishing hosts by views in the range). The pixel's batch is written first,
// so a dashboard served by the same process is exact.
import type { AppContext } from '../../context.ts';
import { NotFoundError } from '../../domain/types.ts';
import { parseDayRange } from '../day-range.ts';
import type { RepublicationChecks } from './check.ts';
import { flushPixelViews } from './pixel-counter.ts';

export interface RepublisherRow {
  id: number;
  pageUrl: string;
  host: string;
  title: string | null;
  firstSeen: string;
  lastSeen: string;
  /** All time. */
  views: number;
  /** One entry per day of the range. */
  daily: Array<{ day: string; views: number }>;
  checkedAt: string | null;
  checks: RepublicationChecks | null;
  checkError: string | null;
}

export async function articleRepublishers(ctx: AppContext, articleId: number, query: { from?: unknown; to?: unknown }) {
  const range = parseDayRange(query, ctx.now());
  await flushPixelViews(ctx);
  const db = ctx.store.db;
  if (!(await db.selectFrom('articles').select('id').where('id', '=', articleId).executeTakeFirst())) throw new NotFoundError(`no article ${articleId}`);
  const reps = await db.selectFrom('republishers').selectAll().where('article_id', '=', articleId).orderBy('views', 'desc').orderBy('id').execute();
  const counts = reps.length
    ? await db
        .selectFrom('republisher_views')
        .selectAll()
        .where('republisher_id', 'in', reps.map((r) => r.id))
        .where('day', '>=', range.from)
        .where('day', '<=', range.to)
        .execute()
    : [];
  const byRep = new Map<number, Map<string, number>>();
  for (const c of counts) {
    if (!byRep.has(c.republisher_id)) byRep.set(c.republisher_id, new Map());
    byRep.get(c.republisher_id)!.set(c.day, Number(c.count));
  }
  const republishers: RepublisherRow[] = reps.map((r) => ({
    id: r.id,
    pageUrl: r.page_url,
    host: r.host,
    title: r.title,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    views: Number(r.views),
    daily: range.days.map((day) => ({ day, views: byRep.get(r.id)?.get(day) ?? 0 })),
    checkedAt: r.checked_at,
    checks: r.checks_json ? (JSON.parse(r.checks_json) as RepublicationChecks) : null,
    checkError: r.check_error,
  }));
  return { articleId, from: range.from, to: range.to, republishers };
}

export async function topRepublishers(ctx: AppContext, query: { from?: unknown; to?: unknown; limit?: unknown }) {
  const range = parseDayRange(query, ctx.now());
  const limit = Math.min(100, Math.max(1, Number(query.limit ?? 20) || 20));
  await flushPixelViews(ctx);
  const rows = await ctx.store.db
    .selectFrom('republisher_views')
    .innerJoin('republishers', 'republishers.id', 'republisher_views.republisher_id')
    .select((eb) => [
      'republishers.host as host',
      eb.fn.sum<number>('republisher_views.count').as('views'),
      eb.fn.count<number>('republishers.article_id').distinct().as('articles'),
    ])
    .where('republisher_views.day', '>=', range.from)
    .where('republisher_views.day', '<=', range.to)
    .where('republishers.host', '!=', '')
    .groupBy('republishers.host')
    .orderBy('views', 'desc')
    .orderBy('host')
    .limit(limit)
    .execute();
  return { from: range.from, to: range.to, top: rows.map((r) => ({ host: r.host, views: Number(r.views), articles: Number(r.articles) })) };
}
