// Kysely's migrator asks whether its tables exist by listing every table of every schema, calling
// pg_get_serial_sequence() and has_schema_privilege() on each. A schema another process drops meanwhile
// (a test suite's throwaway schema, a tenant removed) makes that listing fail with "does not exist" in the
// middle of our own migration. Looking only at our schema cannot meet anyone else's objects.
import { sql, type Kysely, type DatabaseIntrospector, type TableMetadata, type SchemaMetadata } from 'kysely';

export function scopedToSchema<DB>(db: Kysely<DB>, schema: string): Kysely<DB> {
  const introspection: DatabaseIntrospector = {
    async getSchemas(): Promise<SchemaMetadata[]> {
      const { rows } = await sql<{ name: string }>`SELECT nspname AS name FROM pg_catalog.pg_namespace WHERE nspname = ${schema}`.execute(db);
      return rows;
    },
    async getTables(): Promise<TableMetadata[]> {
      const { rows } = await sql<{ name: string }>`
        SELECT c.relname AS name FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace ns ON ns.oid = c.relnamespace
        WHERE ns.nspname = ${schema} AND c.relkind IN ('r', 'p')`.execute(db);
      return rows.map((r) => ({ name: r.name, schema, isView: false, isForeign: false, columns: [] }));
    },
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'introspection') return introspection;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
