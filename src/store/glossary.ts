// The glossary: agreed renderings per language pair ("en>fr").
import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { GlossaryTable } from './schema-translate.ts';

type Db = Kysely<Database>;
export type GlossaryRow = Selectable<GlossaryTable>;

export async function glossaryOf(db: Db, pair: string): Promise<GlossaryRow[]> {
  return db.selectFrom('glossary').selectAll().where('pair', '=', pair).orderBy('term').orderBy('id').execute();
}

export async function findGlossaryEntry(db: Db, id: number): Promise<GlossaryRow | undefined> {
  return db.selectFrom('glossary').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Adds a term, or changes the rendering of the same term (same normalised key) in that pair. */
export async function upsertGlossaryEntry(db: Db, e: Omit<GlossaryRow, 'id'>): Promise<GlossaryRow> {
  await db
    .insertInto('glossary')
    .values(e)
    .onConflict((oc) => oc.columns(['pair', 'term_key']).doUpdateSet({ term: e.term, rendering: e.rendering, note: e.note }))
    .execute();
  return db.selectFrom('glossary').selectAll().where('pair', '=', e.pair).where('term_key', '=', e.term_key).executeTakeFirstOrThrow();
}

export async function deleteGlossaryEntry(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('glossary').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
