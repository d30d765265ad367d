// Counts the writes this process sends to the database, so caches can skip their "has anything changed?"
// query while nothing was written here (writes by other processes are caught by a short re-check interval).
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);

export class ChangeCounter implements KyselyPlugin {
  private count = 0;
  private readonly writes = new WeakSet<object>();

  get value(): number {
    return this.count;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (WRITES.has(args.node.kind)) this.writes.add(args.queryId);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    // Counted once the statement has run, so a reader that sees the new count reads after the write.
    if (this.writes.has(args.queryId)) this.count++;
    return args.result;
  }
}

/** A remembered read: call it for the value (reading again when needed), or peek for it without waiting. */
export interface Memo<T> {
  (): Promise<T>;
  /** The value when it is still fresh (no write since, younger than the maximum age); undefined otherwise. */
  peek(): T | undefined;
}

/**
 * Remembers a value read from the database until this process writes something, or `maxAgeMs` passes
 * (for writes made by other processes). Concurrent callers share one read.
 */
export function memoUntilWrite<T>(changes: () => number, read: () => Promise<T>, maxAgeMs = 1000): Memo<T> {
  let known: { at: number; seq: number; value: T } | null = null;
  let pending: { seq: number; promise: Promise<T> } | null = null;
  const fresh = (seq: number) => known !== null && known.seq === seq && Date.now() - known.at < maxAgeMs;
  const memo = () => {
    const seq = changes();
    if (fresh(seq)) return Promise.resolve(known!.value);
    if (pending && pending.seq === seq) return pending.promise;
    const started = Date.now();
    const promise = read().then((value) => {
      if (!known || known.at <= started) known = { at: started, seq, value };
      return value;
    });
    pending = { seq, promise };
    promise.finally(() => {
      if (pending?.promise === promise) pending = null;
    }).catch(() => {});
    return promise;
  };
  // The request path's synchronous check: a hit answers without a promise; a miss goes through memo().
  return Object.assign(memo, { peek: () => (fresh(changes()) ? known!.value : undefined) });
}
