// A save that lost the race or was made from an older version: refused with the difference, and kept.
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { ConflictError, NotFoundError, type ArticleInput } from '../domain/types.ts';
import { findArticleById } from '../store/articles.ts';
import { snapshotOf } from '../domain/article-snapshot.ts';
import { diffArticles } from './diff.ts';
import { recordRevision } from './history.ts';
import { sanitizeBody } from './sanitize.ts';

/** Thrown inside a save's transaction, so it rolls back; the caller turns it into a ConflictError after. */
export class StaleVersion extends Error {}

/**
 * Written after the refused save's transaction rolled back: the refused input becomes a revision of kind
 * 'conflict' (its body sanitised like any stored body), so the loser can restore it.
 */
export async function conflictError(ctx: AppContext, id: number, input: ArticleInput, actor: Actor, expected: number | undefined): Promise<Error> {
  const current = await findArticleById(ctx.store.db, id);
  if (!current) return new NotFoundError(`no article with id ${id}`);
  // What the refused save meant: fields it left out are the ones a save keeps (slug, status, dates, image).
  const kept = { slug: current.slug, status: current.status, publishedAt: current.publishedAt, canonicalPolicy: current.canonicalPolicy, image: current.image };
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const yours: ArticleInput = { ...kept, ...given, bodyHtml: typeof input.bodyHtml === 'string' ? sanitizeBody(input.bodyHtml) : '' } as ArticleInput;
  const revisionId = await recordRevision(ctx.store.db, actor, current, 'conflict', ctx.now().toISOString(), yours);
  const since = expected != null ? `version ${expected}, now ${current.version}` : `now version ${current.version}`;
  return new ConflictError(`article #${id} was changed by someone else meanwhile (${since}): your text is kept as revision ${revisionId}; compare and save again`, {
    current,
    yours,
    diff: diffArticles(snapshotOf(current), yours),
    revisionId,
  });
}
