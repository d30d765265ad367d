// Exponential backoff with jitter, shared by job retries and feed polling errors.

export interface BackoffOptions {
  /** Delay after the first failure (default 10 s). */
  baseMs?: number;
  /** Largest delay (default 1 h). */
  maxMs?: number;
  /** Fraction of the delay that is randomised downwards (0 = none, 1 = "full jitter"; default 0.5). */
  jitter?: number;
}

/** Delay before the next try after `failures` consecutive failures (1 for the first). */
export function retryDelayMs(failures: number, opts: BackoffOptions = {}, random: () => number = Math.random): number {
  const base = opts.baseMs ?? 10_000;
  const max = opts.maxMs ?? 3_600_000;
  const jitter = Math.min(1, Math.max(0, opts.jitter ?? 0.5));
  const n = Math.max(1, Math.floor(failures));
  // 2 ** 40 already exceeds any sane cap; clamp the exponent so the number stays finite.
  const raw = Math.min(max, base * 2 ** Math.min(n - 1, 40));
  return Math.round(raw * (1 - jitter * random()));
}
