// What an operation leaves behind besides the change: a revision of the article and, for publishing
// decisions, an audit row. Both are written with the operation's own transaction handle.
import type { Kysely } from 'kysely';
import type { Actor } from '../domain/accounts.ts';
import { actorLabel, actorUserId } from '../domain/accounts.ts';
import type { Article, ArticleInput } from '../domain/types.ts';
import type { Database } from '../store/schema.ts';
import { recordAudit } from '../store/audit.ts';
import { insertRevision, latestRevision, replaceRevision, type RevisionKind } from '../store/revisions.ts';
import { snapshotOf } from '../domain/article-snapshot.ts';

/** Consecutive autosaves by one person within this time replace each other instead of piling up. */
export const AUTOSAVE_MERGE_MS = 10 * 60 * 1000;

export async function recordRevision(
  db: Kysely<Database>,
  actor: Actor,
  article: Article,
  kind: RevisionKind,
  at: string,
  snapshot: ArticleInput = snapshotOf(article),
): Promise<number> {
  const revision = { articleId: article.id, version: article.version ?? 1, kind, userId: actorUserId(actor), actor: actorLabel(actor), createdAt: at, snapshot };
  if (kind === 'autosave') {
    const last = await latestRevision(db, article.id);
    if (last && last.kind === 'autosave' && last.actor === revision.actor && Date.parse(at) - Date.parse(last.createdAt) < AUTOSAVE_MERGE_MS) {
      await replaceRevision(db, last.id, revision);
      return last.id;
    }
  }
  return insertRevision(db, revision);
}

export async function auditArticle(
  db: Kysely<Database>,
  actor: Actor,
  action: string,
  article: Pick<Article, 'id' | 'title'>,
  at: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(db, { at, userId: actorUserId(actor), actor: actorLabel(actor), action, target: `article:${article.id}`, detail: { title: article.title, ...detail } });
}
