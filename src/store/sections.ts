import type { Kysely } from 'kysely';
import type { Database, SectionsTable } from './schema.ts';
import type { Section } from '../domain/types.ts';
import { parseJson } from './json.ts';

type Row = Omit<SectionsTable, 'id'> & { id: number };

function toSection(r: Row): Section {
  return { id: r.id, slug: r.slug, name: r.name, names: parseJson(r.names_json, {}), position: r.position };
}

export async function insertSection(db: Kysely<Database>, s: Omit<Section, 'id'>): Promise<Section> {
  const row = await db
    .insertInto('sections')
    .values({ slug: s.slug, name: s.name, names_json: JSON.stringify(s.names), position: s.position })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSection(row);
}

export async function updateSection(db: Kysely<Database>, id: number, s: Omit<Section, 'id'>): Promise<void> {
  await db
    .updateTable('sections')
    .set({ slug: s.slug, name: s.name, names_json: JSON.stringify(s.names), position: s.position })
    .where('id', '=', id)
    .execute();
}

export async function listSections(db: Kysely<Database>): Promise<Section[]> {
  const rows = await db.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map(toSection);
}

export async function findSectionBySlug(db: Kysely<Database>, slug: string): Promise<Section | null> {
  const row = await db.selectFrom('sections').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? toSection(row) : null;
}

export async function findSectionById(db: Kysely<Database>, id: number): Promise<Section | null> {
  const row = await db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSection(row) : null;
}
