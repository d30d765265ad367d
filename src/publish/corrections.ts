// Dated correction notes: added to a published article, shown on its page and in the feeds, never edited away.
import type { AppContext } from '../context.ts';
import { actorUserId, type Actor } from '../domain/accounts.ts';
import { InputError, NotFoundError, type Correction } from '../domain/types.ts';
import { findArticleById, touchArticle } from '../store/articles.ts';
import { insertCorrection } from '../store/corrections.ts';
import { atomically } from '../store/transaction.ts';
import { requireCan } from './guard.ts';
import { auditArticle } from './history.ts';
import { requireText } from './validate.ts';
import { purgeArticleChange } from '../cdn/article-change.ts';

/** Bumps the article's updated time, so pages, caches and feed entries show the change. */
export async function addCorrection(ctx: AppContext, id: number, text: string, actor: Actor): Promise<Correction> {
  requireCan(actor, 'article.publish');
  const note = requireText(text, 'text', 2000);
  const [article, correction] = await atomically(ctx.store, async (store) => {
    const a = await findArticleById(store.db, id);
    if (!a) throw new NotFoundError(`no article with id ${id}`);
    if (a.status !== 'published' && a.status !== 'scheduled')
      throw new InputError(`a correction note is for a published article (article #${id} is a ${a.status})`, 'text', 409);
    const at = ctx.now().toISOString();
    const c = await insertCorrection(store.db, { articleId: id, at, text: note, userId: actorUserId(actor) });
    await touchArticle(store.db, id, at);
    await auditArticle(store.db, actor, 'article.correct', a, at, { correction: c.id, text: note });
    return [{ ...a, updatedAt: at }, c] as const;
  });
  purgeArticleChange(ctx, article, article);
  return correction;
}
