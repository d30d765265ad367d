// Runs publish operations inside one database transaction, so a batch (an import, the demo) is all-or-nothing.
// The operations take an AppContext and some store functions open their own transaction; inside ours,
// those join the outer one instead (Kysely refuses nested transactions).
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Database } from '../store/schema.ts';

function joined(tx: Transaction<Database>): Kysely<Database> {
  const proxy: Kysely<Database> = new Proxy(tx, {
    get(target, prop) {
      if (prop === 'transaction') {
        return () => {
          const builder = {
            setIsolationLevel: () => builder,
            setAccessMode: () => builder,
            execute: <T>(fn: (trx: Kysely<Database>) => Promise<T>) => fn(proxy),
          };
          return builder;
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return proxy;
}

/** Calls `fn` with a context whose store writes inside one transaction: committed if `fn` resolves, rolled back if it throws. */
export async function withTransaction<T>(ctx: AppContext, fn: (txCtx: AppContext) => Promise<T>): Promise<T> {
  return ctx.store.db.transaction().execute((tx) => fn({ ...ctx, store: { ...ctx.store, db: joined(tx) } }));
}
