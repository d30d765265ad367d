// Autosave, revisions, the difference between two of them, and restoring one.
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { InputError, NotFoundError, type ArticleDiff, type ArticleInput } from '../domain/types.ts';
import { findArticleById } from '../store/articles.ts';
import { findRevision, listRevisions, type Revision, type RevisionInfo } from '../store/revisions.ts';
import { atomically } from '../store/transaction.ts';
import { snapshotOf } from '../domain/article-snapshot.ts';
import { buildArticleData } from './article-data.ts';
import { editArticle, type SaveOptions } from './articles.ts';
import { conflictError, StaleVersion } from './conflict.ts';
import { diffArticles } from './diff.ts';
import { requireCan } from './guard.ts';
import { recordRevision } from './history.ts';

async function loadArticle(ctx: AppContext, id: number) {
  const a = await findArticleById(ctx.store.db, id);
  if (!a) throw new NotFoundError(`no article with id ${id}`);
  return a;
}

/**
 * A draft (or an article in review) is saved as usual, as a revision of kind 'autosave' (one person's
 * autosaves within 10 minutes replace each other). A published or scheduled article is not changed: the
 * text is only kept as an 'autosave' revision until someone saves it explicitly. Status never changes here.
 */
export async function autosaveArticle(
  ctx: AppContext,
  id: number,
  input: ArticleInput,
  actor: Actor,
  opts: Pick<SaveOptions, 'expectedVersion'> = {},
): Promise<{ version: number; savedAt: string; revisionId: number | null; live: boolean }> {
  if (input == null || typeof input !== 'object') throw new InputError('an article object is required');
  const existing = await loadArticle(ctx, id);
  requireCan(actor, 'article.edit', existing);
  if (existing.status === 'draft' || existing.status === 'review') {
    const keep = { status: existing.status, publishedAt: existing.publishedAt };
    const a = await editArticle(ctx, id, { ...input, ...keep }, actor, { expectedVersion: opts.expectedVersion, kind: 'autosave' });
    return { version: a.version ?? 1, savedAt: a.updatedAt, revisionId: null, live: false };
  }
  try {
    return await atomically(ctx.store, async (store) => {
      const tx: AppContext = { ...ctx, store };
      const current = await loadArticle(tx, id);
      requireCan(actor, 'article.edit', current);
      if (opts.expectedVersion != null && current.version !== opts.expectedVersion) throw new StaleVersion();
      const data = await buildArticleData(tx, { ...input, status: current.status, publishedAt: current.publishedAt }, current);
      const revisionId = await recordRevision(store.db, actor, current, 'autosave', data.updatedAt, snapshotOf(data));
      return { version: current.version ?? 1, savedAt: data.updatedAt, revisionId, live: true };
    });
  } catch (err) {
    if (err instanceof StaleVersion) throw await conflictError(ctx, id, input, actor, opts.expectedVersion);
    throw err;
  }
}

export async function articleRevisions(ctx: AppContext, id: number, actor: Actor): Promise<RevisionInfo[]> {
  requireCan(actor, 'article.read');
  await loadArticle(ctx, id);
  return listRevisions(ctx.store.db, id);
}

export async function articleRevision(ctx: AppContext, id: number, revisionId: number, actor: Actor): Promise<Revision> {
  requireCan(actor, 'article.read');
  const r = await findRevision(ctx.store.db, id, revisionId);
  if (!r) throw new NotFoundError(`article #${id} has no revision ${revisionId}`);
  return r;
}

/** From one revision to another; an omitted end is the article as it is now. */
export async function diffRevisions(ctx: AppContext, id: number, actor: Actor, from?: number, to?: number): Promise<ArticleDiff> {
  requireCan(actor, 'article.read');
  const side = async (rev?: number) => (rev == null ? snapshotOf(await loadArticle(ctx, id)) : (await articleRevision(ctx, id, rev, actor)).snapshot);
  return diffArticles(await side(from), await side(to));
}

/**
 * Restores a revision's fields as a new save (kind 'restore', audited), over the version the caller names.
 * The article keeps its current status and publication date: restoring text publishes or hides nothing.
 */
export async function restoreRevision(ctx: AppContext, id: number, revisionId: number, actor: Actor, opts: Pick<SaveOptions, 'expectedVersion'> = {}) {
  const rev = await articleRevision(ctx, id, revisionId, actor);
  const current = await loadArticle(ctx, id);
  const input: ArticleInput = { ...rev.snapshot, status: current.status, publishedAt: current.publishedAt };
  return editArticle(ctx, id, input, actor, { expectedVersion: opts.expectedVersion, kind: 'restore', detail: { revision: revisionId, revisionKind: rev.kind, revisionVersion: rev.version } });
}
