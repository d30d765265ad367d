// One action on many articles: each article on its own (own permission check, own transaction), so one
// refusal does not stop the others and the answer says which were done and why the rest were not.
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { InputError, NotFoundError } from '../domain/types.ts';
import { findArticleById } from '../store/articles.ts';
import { snapshotOf } from '../domain/article-snapshot.ts';
import { editArticle, publishArticle, removeArticle, unpublishArticle } from './articles.ts';

export const BULK_ACTIONS = ['publish', 'unpublish', 'move', 'delete'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const BULK_MAX = 200;

export interface BulkRequest {
  ids: number[];
  action: BulkAction;
  /** For 'move': the sections the articles are in afterwards (replacing their current ones). */
  sectionIds?: number[];
}

export interface BulkResult {
  done: number[];
  refused: { id: number; error: string; status: number }[];
}

async function moveArticle(ctx: AppContext, id: number, sectionIds: number[], actor: Actor): Promise<void> {
  const a = await findArticleById(ctx.store.db, id);
  if (!a) throw new NotFoundError(`no article with id ${id}`);
  await editArticle(ctx, id, { ...snapshotOf(a), sectionIds, sections: undefined }, actor, { expectedVersion: a.version });
}

export async function bulkArticles(ctx: AppContext, req: BulkRequest, actor: Actor): Promise<BulkResult> {
  if (!BULK_ACTIONS.includes(req.action)) throw new InputError(`action must be one of ${BULK_ACTIONS.join(', ')}`, 'action');
  const ids = [...new Set(req.ids ?? [])];
  if (!ids.length) throw new InputError('ids must name at least one article', 'ids');
  if (ids.length > BULK_MAX) throw new InputError(`at most ${BULK_MAX} articles at once`, 'ids');
  if (req.action === 'move' && !Array.isArray(req.sectionIds)) throw new InputError('move needs sectionIds', 'sectionIds');
  const out: BulkResult = { done: [], refused: [] };
  for (const id of ids) {
    try {
      // Already published: nothing to do (publishing again would move its date to now).
      if (req.action === 'publish') (await findArticleById(ctx.store.db, id))?.status === 'published' || (await publishArticle(ctx, id, actor));
      else if (req.action === 'unpublish') await unpublishArticle(ctx, id, actor);
      else if (req.action === 'delete') await removeArticle(ctx, id, actor);
      else await moveArticle(ctx, id, req.sectionIds!, actor);
      out.done.push(id);
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status == null || status >= 500) throw err;
      out.refused.push({ id, error: (err as Error).message, status });
    }
  }
  return out;
}
