// Runs publish operations inside one database transaction, so a batch (an import, the demo) is all-or-nothing.
// The store's own multi-step writes join the outer transaction (see store/transaction.ts).
import type { AppContext } from '../context.ts';
import { atomically } from '../store/transaction.ts';

/** Calls `fn` with a context whose store writes inside one transaction: committed if `fn` resolves, rolled back if it throws. */
export async function withTransaction<T>(ctx: AppContext, fn: (txCtx: AppContext) => Promise<T>): Promise<T> {
  return atomically(ctx.store, (txStore) => fn({ ...ctx, store: txStore }));
}
