// Moderating received webmentions (pending → approved or spam) and listing them for the dashboards.
import type { AppContext } from '../../context.ts';
import { InputError, NotFoundError } from '../../domain/types.ts';
import { purgeMentionedPage } from './purge.ts';

export const MODERATION = ['pending', 'approved', 'spam'] as const;
export type Moderation = (typeof MODERATION)[number];

export interface Webmention {
  id: number;
  source: string;
  target: string;
  articleId: number | null;
  verification: string;
  moderation: string;
  refusal: string | null;
  author: { name: string | null; url: string | null };
  published: string | null;
  title: string | null;
  receivedAt: string;
  verifiedAt: string | null;
}

type Row = Awaited<ReturnType<typeof rowsOf>>[number];
function rowsOf(ctx: AppContext) {
  return ctx.store.db.selectFrom('webmentions').selectAll().execute();
}

function toMention(r: Row): Webmention {
  return {
    id: r.id,
    source: r.source,
    target: r.target,
    articleId: r.article_id,
    verification: r.verification,
    moderation: r.moderation,
    refusal: r.refusal,
    author: { name: r.author_name, url: r.author_url },
    published: r.published,
    title: r.title,
    receivedAt: r.received_at,
    verifiedAt: r.verified_at,
  };
}

export async function listWebmentions(ctx: AppContext, q: { articleId?: number; moderation?: string; verification?: string; limit?: number }): Promise<Webmention[]> {
  let query = ctx.store.db.selectFrom('webmentions').selectAll();
  if (q.articleId != null) query = query.where('article_id', '=', q.articleId);
  if (q.moderation) query = query.where('moderation', '=', q.moderation);
  if (q.verification) query = query.where('verification', '=', q.verification);
  const rows = await query.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(Math.min(500, q.limit ?? 100)).execute();
  return rows.map(toMention);
}

export async function moderateWebmention(ctx: AppContext, id: number, moderation: unknown): Promise<Webmention> {
  if (!(MODERATION as readonly unknown[]).includes(moderation)) throw new InputError(`moderation must be one of ${MODERATION.join(', ')}`, 'moderation');
  const r = await ctx.store.db.updateTable('webmentions').set({ moderation: moderation as Moderation }).where('id', '=', id).returningAll().executeTakeFirst();
  if (!r) throw new NotFoundError(`no webmention ${id}`);
  if (r.verification === 'verified') purgeMentionedPage(ctx, r.article_id);
  return toMention(r);
}

/** Verified and approved mentions of an article, for its page. */
export async function approvedWebmentions(ctx: AppContext, articleId: number): Promise<Webmention[]> {
  const rows = await ctx.store.db
    .selectFrom('webmentions')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('verification', '=', 'verified')
    .where('moderation', '=', 'approved')
    .orderBy('received_at')
    .limit(50)
    .execute();
  return rows.map(toMention);
}
