// Cheap in-memory guards against one client inflating counts. They forget everything on restart and,
// past a size cap, forget early rather than grow: they bound abuse, they are not an audit trail.

const MAX_KEYS = 100_000;

export interface RateLimiter {
  /** Takes one unit for `key`; false when the key has used up its budget for the current window. */
  take(key: string): boolean;
  prune(): void;
}

/** At most `limit` units per key per `windowMs` (fixed windows). */
export function createRateLimiter(opts: { limit: number; windowMs: number; now: () => Date }): RateLimiter {
  const windows = new Map<string, { start: number; used: number }>();
  const prune = () => {
    const t = opts.now().getTime();
    for (const [k, w] of windows) if (t - w.start >= opts.windowMs) windows.delete(k);
  };
  return {
    take(key) {
      const t = opts.now().getTime();
      let w = windows.get(key);
      if (!w || t - w.start >= opts.windowMs) {
        if (!w && windows.size >= MAX_KEYS) {
          prune();
          if (windows.size >= MAX_KEYS) windows.clear();
        }
        w = { start: t, used: 0 };
        windows.set(key, w);
      }
      if (w.used >= opts.limit) return false;
      w.used++;
      return true;
    },
    prune,
  };
}

export interface SeenSet {
  /** True the first time a key is seen within `ttlMs`, false on repeats. */
  firstTime(key: string): boolean;
  prune(): void;
}

export function createSeenSet(opts: { ttlMs: number; now: () => Date }): SeenSet {
  const seen = new Map<string, number>();
  const prune = () => {
    const t = opts.now().getTime();
    for (const [k, at] of seen) if (t - at >= opts.ttlMs) seen.delete(k);
  };
  return {
    firstTime(key) {
      const t = opts.now().getTime();
      const at = seen.get(key);
      if (at !== undefined && t - at < opts.ttlMs) return false;
      if (at === undefined && seen.size >= MAX_KEYS) {
        prune();
        if (seen.size >= MAX_KEYS) seen.clear();
      }
      seen.set(key, t);
      return true;
    },
    prune,
  };
}
