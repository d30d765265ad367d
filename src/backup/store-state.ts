// What a store holds, for restore's checks: its applied migrations and whether it has any content yet.
import { sql, type Kysely } from 'kysely';

/** Tables whose rows mean someone has used this site (a freshly migrated store has none). */
const CONTENT_TABLES = ['articles', 'users', 'media', 'people', 'sections', 'outlets', 'feeds', 'api_tokens'];

export async function tableNames(db: Kysely<any>): Promise<string[]> {
  return (await db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name);
}

export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  if (!(await tableNames(db)).includes('kysely_migration')) return [];
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.map((r) => r.name);
}

export async function holdsContent(db: Kysely<any>): Promise<boolean> {
  const present = new Set(await tableNames(db));
  for (const table of CONTENT_TABLES.filter((t) => present.has(t))) {
    const row = await db.selectFrom(table).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
    if (row) return true;
  }
  return false;
}
