import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openSqlite } from './sqlite-adapter.ts';
import { migrateToLatest } from './migrations.ts';
import type { Database } from './schema.ts';
import { ChangeCounter } from './change-counter.ts';
import { listenForChanges, type ChangeFeed } from './change-feed.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * How many writes this process has made through this store (see change-counter.ts), plus, once
   * watchChanges() ran on PostgreSQL, the cached-page writes other processes announced.
   */
  changes(): number;
  /** PostgreSQL: LISTEN for other processes' writes (change-feed.ts); SQLite: nothing (caches re-check each second). */
  watchChanges(onError?: (err: Error) => void): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the database named by a URL: `postgres://…` for PostgreSQL, `sqlite:path`, a file path, or
 * `:memory:` for SQLite. Runs pending migrations before returning.
 */
export async function openStore(url: string, opts: { schema?: string; migrate?: boolean } = {}): Promise<Store> {
  let store: Store;
  const counter = new ChangeCounter();
  let feed: ChangeFeed | null = null;
  const changes = () => counter.value + (feed?.count ?? 0);
  if (/^postgres(ql)?:\/\//.test(url)) {
    // The schema goes in each connection's startup parameters, so no query can run before it is set
    // (a SET sent on the pool's 'connect' event was fire-and-forget, and its failure silent).
    if (opts.schema && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(opts.schema)) throw new Error(`invalid schema name ${JSON.stringify(opts.schema)}`);
    const pool = new pg.Pool({ connectionString: url, max: 10, ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}) });
    // A connection the server cuts (restart, failover, an idle kill) emits 'error' on its client, and on the
    // pool when idle; unheard, either event would end the process. The query in flight fails by itself (503,
    // faults.ts), the pool drops the dead client, and the next query opens a new connection.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    // node-pg returns int8 (count(*)) as strings; counts here always fit in a JS number.
    pg.types.setTypeParser(20, (v) => Number(v));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [counter] });
    if (opts.schema) await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(opts.schema)}`.execute(db);
    const watchChanges = async (onError?: (err: Error) => void) => {
      feed ??= await listenForChanges(url, opts.schema ?? 'public', onError);
    };
    const close = async () => {
      await feed?.close();
      await db.destroy();
    };
    store = { db, dialect: 'postgres', changes, watchChanges, close };
  } else {
    const path = url.replace(/^sqlite:(\/\/)?/, '') || ':memory:';
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const { database } = openSqlite(path);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }), plugins: [counter] });
    store = { db, dialect: 'sqlite', changes, watchChanges: async () => {}, close: () => db.destroy() };
  }
  if (opts.migrate !== false) await migrateToLatest(store.db, store.dialect, opts.schema);
  return store;
}
