// Article revisions: a snapshot of the article's fields at each save, publish, unpublish, restore, import,
// autosave, and of every save refused as a conflict (so the loser's text can be restored).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';
import type { ArticleInput } from '../domain/types.ts';
import { parseJson } from './json.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const REVISION_KINDS = ['save', 'autosave', 'publish', 'schedule', 'unpublish', 'submit', 'restore', 'import', 'conflict'] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

export interface RevisionInfo {
  id: number;
  articleId: number;
  /** The article's version this snapshot is (or, for 'conflict' and a live article's 'autosave', was based on). */
  version: number;
  kind: RevisionKind;
  userId: number | null;
  actor: string;
  userName: string | null;
  createdAt: string;
}

export interface Revision extends RevisionInfo {
  snapshot: ArticleInput;
}

export interface NewRevision {
  articleId: number;
  version: number;
  kind: RevisionKind;
  userId: number | null;
  actor: string;
  createdAt: string;
  snapshot: ArticleInput;
}

export async function insertRevision(db: Db, r: NewRevision): Promise<number> {
  const { id } = await db
    .insertInto('article_revisions')
    .values({
      article_id: r.articleId,
      version: r.version,
      kind: r.kind,
      user_id: r.userId,
      actor: r.actor,
      created_at: r.createdAt,
      snapshot_json: JSON.stringify(r.snapshot),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Overwrites a revision in place (an autosave replacing the same person's previous one). */
export async function replaceRevision(db: Db, id: number, r: NewRevision): Promise<void> {
  await db
    .updateTable('article_revisions')
    .set({ version: r.version, kind: r.kind, created_at: r.createdAt, snapshot_json: JSON.stringify(r.snapshot) })
    .where('id', '=', id)
    .execute();
}

function infoQuery(db: Db) {
  return db
    .selectFrom('article_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.article_id', 'r.version', 'r.kind', 'r.user_id', 'r.actor', 'r.created_at', 'u.name as user_name']);
}

type InfoRow = Awaited<ReturnType<ReturnType<typeof infoQuery>['execute']>>[number];

function toInfo(r: InfoRow): RevisionInfo {
  return {
    id: r.id,
    articleId: r.article_id,
    version: r.version,
    kind: r.kind as RevisionKind,
    userId: r.user_id,
    actor: r.actor,
    userName: r.user_name ?? null,
    createdAt: r.created_at,
  };
}

/** Newest first. */
export async function listRevisions(db: Db, articleId: number): Promise<RevisionInfo[]> {
  const rows = await infoQuery(db).where('r.article_id', '=', articleId).orderBy('r.id', 'desc').execute();
  return rows.map(toInfo);
}

export async function latestRevision(db: Db, articleId: number): Promise<RevisionInfo | null> {
  const row = await infoQuery(db).where('r.article_id', '=', articleId).orderBy('r.id', 'desc').limit(1).executeTakeFirst();
  return row ? toInfo(row) : null;
}

export async function findRevision(db: Db, articleId: number, id: number): Promise<Revision | null> {
  const row = await infoQuery(db)
    .select('r.snapshot_json')
    .where('r.article_id', '=', articleId)
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return { ...toInfo(row), snapshot: parseJson<ArticleInput>(row.snapshot_json, { language: '', title: '', bodyHtml: '' }) };
}
