// Pure helpers of bench:soak: latency percentiles and the slope of a memory series.

/** The p-quantile (0..1) of `values` by the nearest-rank method; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Least-squares slope of y over x (units of y per unit of x); NaN with fewer than two distinct x. */
export function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

/** The points at or after the middle of the series' time span (what is left once the warm-up is over). */
export function secondHalf<T extends { x: number }>(points: readonly T[]): T[] {
  if (!points.length) return [];
  const mid = (points[0]!.x + points.at(-1)!.x) / 2;
  return points.filter((p) => p.x >= mid);
}

/** The lowest point of each `width`-wide window of x: a heap's floor after each collection, without the sawtooth. */
export function windowMinima<T extends { x: number; y: number }>(points: readonly T[], width: number): { x: number; y: number }[] {
  const byWindow = new Map<number, { x: number; y: number }>();
  for (const p of points) {
    const w = Math.floor(p.x / width);
    const m = byWindow.get(w);
    if (!m || p.y < m.y) byWindow.set(w, { x: p.x, y: p.y });
  }
  return [...byWindow.values()];
}
