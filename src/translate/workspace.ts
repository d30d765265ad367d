// Reading the workspace: a translation's segments (with comments and glossary marks), its progress and
// status, and the lists by status, by translator and awaiting one's review.
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { can } from '../domain/permissions.ts';
import { InputError, NotFoundError, type Article } from '../domain/types.ts';
import { findArticleById, findArticlesByIds } from '../store/articles.ts';
import { commentsOf, countSegmentsByStatus, segmentsOf } from '../store/segments.ts';
import { findTranslation, listTranslationRows, type TranslationRow } from '../store/translations.ts';
import { pairKey, reviewerIdsByPair } from '../store/reviewers.ts';
import { findUser } from '../store/users.ts';
import { listGlossary } from './glossary.ts';
import { TRANSLATION_STATUSES, type SegmentView, type TranslationStatus, type TranslationView } from '../domain/translation.ts';
import { segmentView, translationView } from './views.ts';

export async function loadTranslation(ctx: AppContext, articleId: number): Promise<{ t: TranslationRow; article: Article }> {
  const article = await findArticleById(ctx.store.db, articleId);
  if (!article) throw new NotFoundError(`no article with id ${articleId}`);
  const t = await findTranslation(ctx.store.db, articleId);
  if (!t) throw new NotFoundError(`article #${articleId} is not a translation started in the workspace (POST /api/articles/{source}/translations starts one)`);
  return { t, article };
}

export async function getSegments(ctx: AppContext, articleId: number): Promise<SegmentView[]> {
  const { t } = await loadTranslation(ctx, articleId);
  const [rows, comments, glossary] = await Promise.all([
    segmentsOf(ctx.store.db, articleId),
    commentsOf(ctx.store.db, articleId),
    listGlossary(ctx, t.source_language, t.target_language),
  ]);
  return rows.map((r) => segmentView(r, comments, glossary));
}

async function views(ctx: AppContext, rows: TranslationRow[]): Promise<TranslationView[]> {
  const ids = rows.map((r) => r.article_id);
  const articles = new Map((await findArticlesByIds(ctx.store.db, [...ids, ...rows.map((r) => r.source_id).filter((x): x is number => x != null)])).map((a) => [a.id, a]));
  const counts = await countSegmentsByStatus(ctx.store.db, ids);
  const pairs = rows.length === 1 ? { from: rows[0].source_language, to: rows[0].target_language } : undefined;
  const reviewers = await reviewerIdsByPair(ctx.store.db, pairs);
  const users = new Map<number, TranslationView['translator']>();
  for (const id of new Set(rows.map((r) => r.translator_user_id).filter((x): x is number => x != null))) {
    const u = await findUser(ctx.store.db, id);
    if (u) users.set(id, { userId: u.id, name: u.name, personId: u.personId });
  }
  const out: TranslationView[] = [];
  for (const r of rows) {
    const a = articles.get(r.article_id);
    if (!a) continue;
    const comments = rows.length === 1 ? await commentsOf(ctx.store.db, r.article_id) : [];
    const sourceTitle = r.source_id != null ? (articles.get(r.source_id)?.title ?? null) : null;
    const translator = r.translator_user_id != null ? (users.get(r.translator_user_id) ?? null) : null;
    const reviewerIds = reviewers.get(pairKey(r.source_language, r.target_language)) ?? [];
    out.push(translationView(r, a, sourceTitle, translator, counts.get(r.article_id) ?? [], comments, reviewerIds));
  }
  return out;
}

export async function getTranslation(ctx: AppContext, articleId: number): Promise<TranslationView> {
  const { t } = await loadTranslation(ctx, articleId);
  return (await views(ctx, [t]))[0];
}

export interface TranslationListQuery {
  status?: string;
  /** "me": the acting user's assignments; or a user id. */
  assignee?: string;
  /** "me": the translations in review the acting user may review (named for the pair, not their own; editors: all). */
  reviewer?: string;
  language?: string;
  source?: number;
  page?: number;
  pageSize?: number;
}

export async function listTranslations(ctx: AppContext, q: TranslationListQuery, actor: Actor): Promise<{ items: TranslationView[]; total: number; page: number; pageSize: number }> {
  const statuses = q.status ? q.status.split(',').map((s) => s.trim()).filter(Boolean) : [];
  for (const s of statuses)
    if (!(TRANSLATION_STATUSES as readonly string[]).includes(s)) throw new InputError(`status must be one of ${TRANSLATION_STATUSES.join(', ')}`, 'status');
  let translatorUserId: number | undefined;
  if (q.assignee === 'me') {
    const me = actor.kind === 'system' ? null : actor.user;
    if (!me) return { items: [], total: 0, page: 1, pageSize: q.pageSize ?? 50 };
    translatorUserId = me.id;
  } else if (q.assignee) {
    if (!/^\d{1,9}$/.test(q.assignee)) throw new InputError('assignee is "me" or a user id', 'assignee');
    translatorUserId = Number(q.assignee);
  }
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  if (q.reviewer !== undefined) {
    if (q.reviewer !== 'me') throw new InputError('reviewer is "me"', 'reviewer');
    const { rows } = await listTranslationRows(ctx.store.db, { translatorUserId, targetLanguage: q.language, sourceId: q.source, states: ['in-review'], limit: 100_000, offset: 0 });
    const all = await views(ctx, await reviewable(ctx, rows, actor));
    return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
  }
  // 'published' and the stored states overlap (a published article keeps its last state): filter after.
  const stored = statuses.filter((s) => s !== 'published');
  const wantsPublished = statuses.includes('published');
  const filter = { translatorUserId, targetLanguage: q.language, sourceId: q.source };
  if (!statuses.length || wantsPublished) {
    const { rows } = await listTranslationRows(ctx.store.db, { ...filter, limit: 100_000, offset: 0 });
    const all = (await views(ctx, rows)).filter((v) => !statuses.length || statuses.includes(v.status as TranslationStatus));
    return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
  }
  const { rows } = await listTranslationRows(ctx.store.db, { ...filter, states: stored, limit: 100_000, offset: 0 });
  const all = (await views(ctx, rows)).filter((v) => statuses.includes(v.status));
  return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
}

/** The rows `actor` may review (the permission table asked with each translation's facts). */
async function reviewable(ctx: AppContext, rows: TranslationRow[], actor: Actor): Promise<TranslationRow[]> {
  const reviewers = await reviewerIdsByPair(ctx.store.db);
  const articles = new Map((await findArticlesByIds(ctx.store.db, rows.map((r) => r.article_id))).map((a) => [a.id, a]));
  return rows.filter((r) => {
    const a = articles.get(r.article_id);
    const review = { state: r.state, translatorUserId: r.translator_user_id, reviewerIds: reviewers.get(pairKey(r.source_language, r.target_language)) ?? [] };
    return a != null && can(actor, 'translation.review', { ...a, review });
  });
}
