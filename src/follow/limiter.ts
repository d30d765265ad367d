// Cheap in-memory guards against one client inflating counts. They forget everything on restart and,
// past a size cap, forget their least recently used keys rather than grow (never everyone at once: that
// would hand every client a fresh budget): they bound abuse, they are not an audit trail.

const MAX_KEYS = 100_000;

/** Marks `key` most recently used (a Map iterates in insertion order) and drops the oldest past `max`. */
function touch<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value!);
}

export interface RateLimiter {
  /** Takes one unit for `key`; false when the key has used up its budget for the current window. */
  take(key: string): boolean;
  prune(): void;
}

/** At most `limit` units per key per `windowMs` (fixed windows). */
export function createRateLimiter(opts: { limit: number; windowMs: number; now: () => Date; maxKeys?: number }): RateLimiter {
  const max = opts.maxKeys ?? MAX_KEYS;
  const windows = new Map<string, { start: number; used: number }>();
  const prune = () => {
    const t = opts.now().getTime();
    for (const [k, w] of windows) if (t - w.start >= opts.windowMs) windows.delete(k);
  };
  return {
    take(key) {
      const t = opts.now().getTime();
      let w = windows.get(key);
      if (!w || t - w.start >= opts.windowMs) w = { start: t, used: 0 };
      touch(windows, key, w, max);
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

export function createSeenSet(opts: { ttlMs: number; now: () => Date; maxKeys?: number }): SeenSet {
  const max = opts.maxKeys ?? MAX_KEYS;
  const seen = new Map<string, number>();
  const prune = () => {
    const t = opts.now().getTime();
    for (const [k, at] of seen) if (t - at >= opts.ttlMs) seen.delete(k);
  };
  return {
    firstTime(key) {
      const t = opts.now().getTime();
      const at = seen.get(key);
      if (at !== undefined && t - at < opts.ttlMs) {
        touch(seen, key, at, max);
        return false;
      }
      touch(seen, key, t, max);
      return true;
    },
    prune,
  };
}
