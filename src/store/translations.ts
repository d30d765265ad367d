// The translations table: one row per article that is a translation made in the workspace.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { TranslationsTable } from './schema-translate.ts';

type Db = Kysely<Database>;
export type TranslationRow = Selectable<TranslationsTable>;

export async function insertTranslation(db: Db, row: Omit<TranslationRow, 'pending_update'>): Promise<void> {
  await db.insertInto('translations').values(row).execute();
}

export async function findTranslation(db: Db, articleId: number): Promise<TranslationRow | undefined> {
  return db.selectFrom('translations').selectAll().where('article_id', '=', articleId).executeTakeFirst();
}

export async function translationsOfSource(db: Db, sourceId: number): Promise<TranslationRow[]> {
  return db.selectFrom('translations').selectAll().where('source_id', '=', sourceId).orderBy('article_id').execute();
}

export async function updateTranslation(db: Db, articleId: number, set: Partial<Omit<TranslationRow, 'article_id'>>): Promise<void> {
  await db.updateTable('translations').set(set).where('article_id', '=', articleId).execute();
}

export interface TranslationFilter {
  states?: string[];
  translatorUserId?: number;
  targetLanguage?: string;
  sourceId?: number;
  limit: number;
  offset: number;
}

export async function listTranslationRows(db: Db, f: TranslationFilter): Promise<{ rows: TranslationRow[]; total: number }> {
  let q = db.selectFrom('translations');
  if (f.states?.length) q = q.where('state', 'in', f.states);
  if (f.translatorUserId != null) q = q.where('translator_user_id', '=', f.translatorUserId);
  if (f.targetLanguage) q = q.where('target_language', '=', f.targetLanguage);
  if (f.sourceId != null) q = q.where('source_id', '=', f.sourceId);
  const total = Number((await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q.selectAll().orderBy('updated_at', 'desc').orderBy('article_id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { rows, total };
}

/** The provider to disclose for an article, when machine suggestions were accepted in it. */
export async function machineProviderOf(db: Db, articleId: number): Promise<string | null> {
  const r = await db.selectFrom('translations').select('machine_provider').where('article_id', '=', articleId).executeTakeFirst();
  return r?.machine_provider ?? null;
}
