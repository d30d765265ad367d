// A write transaction that takes the write lock up front on SQLite (BEGIN IMMEDIATE), so that claims from
// several processes serialise on busy_timeout instead of failing when a deferred transaction upgrades.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Store } from '../../store/db.ts';
import type { Database } from '../../store/schema.ts';
import { markInTransaction } from '../../store/transaction.ts';

export type Tx = Kysely<Database> | Transaction<Database>;

export async function writeTransaction<T>(store: Store, fn: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (store.dialect === 'postgres') return store.db.transaction().execute(fn);
  return store.db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    markInTransaction(conn);
    let result: T;
    try {
      result = await fn(conn);
    } catch (err) {
      await sql`ROLLBACK`.execute(conn).catch(() => {});
      throw err;
    }
    await sql`COMMIT`.execute(conn);
    return result;
  });
}
