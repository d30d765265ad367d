import type { Kysely } from 'kysely';
import type { Database, PeopleTable } from './schema.ts';
import type { Person } from '../domain/types.ts';
import { parseJson } from './json.ts';

type Row = Omit<PeopleTable, 'id'> & { id: number };

function toPerson(r: Row): Person {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    bio: r.bio,
    photo: parseJson(r.photo_json, null),
    links: parseJson(r.links_json, []),
  };
}

function toRow(p: Omit<Person, 'id'>) {
  return {
    slug: p.slug,
    name: p.name,
    bio: p.bio,
    photo_json: p.photo ? JSON.stringify(p.photo) : null,
    links_json: JSON.stringify(p.links),
  };
}

export async function insertPerson(db: Kysely<Database>, p: Omit<Person, 'id'>, now: string): Promise<Person> {
  const row = await db
    .insertInto('people')
    .values({ ...toRow(p), created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPerson(row);
}

export async function updatePerson(db: Kysely<Database>, id: number, p: Omit<Person, 'id'>): Promise<void> {
  await db.updateTable('people').set(toRow(p)).where('id', '=', id).execute();
}

export async function findPersonById(db: Kysely<Database>, id: number): Promise<Person | null> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPerson(row) : null;
}

export async function findPersonBySlug(db: Kysely<Database>, slug: string): Promise<Person | null> {
  const row = await db.selectFrom('people').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? toPerson(row) : null;
}

export async function findPeopleByIds(db: Kysely<Database>, ids: number[]): Promise<Map<number, Person>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('people').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, toPerson(r)]));
}

export async function listPeople(db: Kysely<Database>): Promise<Person[]> {
  const rows = await db.selectFrom('people').selectAll().orderBy('name').execute();
  return rows.map(toPerson);
}
