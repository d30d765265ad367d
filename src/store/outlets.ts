import type { Kysely } from 'kysely';
import type { Database, OutletsTable } from './schema.ts';
import type { Outlet } from '../domain/types.ts';

type Row = Omit<OutletsTable, 'id'> & { id: number };

function toOutlet(r: Row): Outlet {
  return { id: r.id, name: r.name, homeUrl: r.home_url, language: r.language };
}

export async function insertOutlet(db: Kysely<Database>, o: Omit<Outlet, 'id'>): Promise<Outlet> {
  const row = await db
    .insertInto('outlets')
    .values({ name: o.name, home_url: o.homeUrl, language: o.language })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOutlet(row);
}

export async function updateOutlet(db: Kysely<Database>, id: number, o: Omit<Outlet, 'id'>): Promise<void> {
  await db.updateTable('outlets').set({ name: o.name, home_url: o.homeUrl, language: o.language }).where('id', '=', id).execute();
}

export async function findOutletById(db: Kysely<Database>, id: number): Promise<Outlet | null> {
  const row = await db.selectFrom('outlets').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOutlet(row) : null;
}

export async function findOutletByHomeUrl(db: Kysely<Database>, homeUrl: string): Promise<Outlet | null> {
  const row = await db.selectFrom('outlets').selectAll().where('home_url', '=', homeUrl).executeTakeFirst();
  return row ? toOutlet(row) : null;
}

export async function listOutlets(db: Kysely<Database>): Promise<Outlet[]> {
  const rows = await db.selectFrom('outlets').selectAll().orderBy('name').execute();
  return rows.map(toOutlet);
}
