// Kysely's SqliteDialect expects a better-sqlite3-shaped database; node:sqlite is close but not the same.
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

const STATEMENT_CACHE_SIZE = 500;

type Param = null | number | bigint | string | Uint8Array;

function toParams(parameters: ReadonlyArray<unknown>): Param[] {
  return parameters.map((p) => {
    if (p === undefined) return null;
    if (typeof p === 'boolean') return p ? 1 : 0;
    if (p instanceof Date) return p.toISOString();
    return p as Param;
  });
}

export function openSqlite(path: string): { database: SqliteDatabase; raw: DatabaseSync } {
  const raw = new DatabaseSync(path);
  raw.exec('PRAGMA foreign_keys = ON');
  if (path !== ':memory:') {
    // The wait first: switching a new file to WAL takes a lock that another process opening it may hold.
    raw.exec('PRAGMA busy_timeout = 5000');
    raw.exec('PRAGMA journal_mode = WAL');
    raw.exec('PRAGMA synchronous = NORMAL');
  }
  // Kysely prepares every query anew; preparing costs more than running most of ours, so statements
  // are kept by SQL text. `all` and `run` finish before returning, so one statement serves every caller;
  // `iterate` (a cursor that stays open) gets its own.
  const statements = new Map<string, { stmt: StatementSync; reader: boolean }>();
  const rollbackIfOpen: SqliteStatement = {
    reader: false,
    all: () => [],
    iterate: () => [][Symbol.iterator](),
    run: () => {
      if (raw.isTransaction) raw.exec('ROLLBACK');
      return { changes: 0, lastInsertRowid: 0 };
    },
  };
  const database: SqliteDatabase = {
    close: () => {
      statements.clear();
      raw.close();
    },
    prepare(sql: string): SqliteStatement {
      // SQLite rolls a transaction back by itself on some errors (SQLITE_FULL among them); Kysely's ROLLBACK
      // after that would fail ("no transaction is active") and its error would replace the one that matters.
      if (sql === 'rollback') return rollbackIfOpen;
      let cached = statements.get(sql);
      if (!cached) {
        const stmt = raw.prepare(sql);
        cached = { stmt, reader: stmt.columns().length > 0 };
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statements.set(sql, cached);
      }
      const { stmt, reader } = cached;
      return {
        reader,
        all: (parameters) => stmt.all(...toParams(parameters)) as unknown[],
        run: (parameters) => {
          const r = stmt.run(...toParams(parameters));
          return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
        },
        iterate: (parameters) => raw.prepare(sql).iterate(...toParams(parameters)) as IterableIterator<unknown>,
      };
    },
  };
  return { database, raw };
}
