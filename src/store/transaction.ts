import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';
import type { Store } from './db.ts';

// Connection-bound handles on which the caller opened a transaction by hand (BEGIN IMMEDIATE on SQLite):
// Kysely does not know they are inside one.
const openByHand = new WeakSet<object>();

/** Declares that `db` is inside a transaction opened by hand, so operations run in it instead of nesting. */
export function markInTransaction(db: Kysely<Database>): void {
  openByHand.add(db);
}

/** Runs fn in a transaction, or inside the caller's transaction when db already is one. */
export async function inTransaction<T>(db: Kysely<Database>, fn: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction || openByHand.has(db)) return fn(db);
  return db.transaction().execute((tx: Transaction<Database>) => fn(tx));
}

/**
 * Runs a whole operation (several writes through the publish operations) atomically: fn receives a store
 * whose db is the transaction, so a failure anywhere leaves the database unchanged.
 */
export async function atomically<T>(store: Store, fn: (txStore: Store) => Promise<T>): Promise<T> {
  return inTransaction(store.db, (tx) => fn({ ...store, db: tx }));
}
