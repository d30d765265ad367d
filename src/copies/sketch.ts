// Which hashes of a document go into the index (a bounded set of local min-hashes), and which of a
// suspect's are looked up. The suspect's side looks up (nearly) all of its shingles, so any indexed key
// that a copy kept is found: the article's side may then choose its keys freely, and spreads them so that
// every part of the article has some, with more at the start (excerpts and truncations keep the start).

/** Keys per document: text shingles and language-independent anchor pairs. */
export const TEXT_KEYS = 20;
export const FRONT_KEYS = 8;
export const ANCHOR_KEYS = 6;
/**
 * What a suspect looks up: all its distinct shingle hashes up to QUERY_MAX, else its QUERY_MAX smallest (a
 * bottom-k sketch). A document key is the minimum of its segment, so keys from long segments are small and
 * always among them; a key from a segment of L shingles in a suspect of n is kept with probability about
 * 1 − e^(−QUERY_MAX·L/n). Bounding the lookups bounds a lookup's time, however long the page.
 */
export const QUERY_MAX = 64;
/** Anchor pairs looked up, likewise: a document has ANCHOR_KEYS segment minima of its anchor pairs. */
export const ANCHOR_QUERY_MAX = 48;

function minOf(h: ArrayLike<number>, from: number, to: number): number {
  let m = 0xffffffff;
  for (let i = from; i < to; i++) if (h[i] < m) m = h[i];
  return m;
}

/** The minimum hash of each of `count` equal segments of h[from, to). */
function segmentMins(h: ArrayLike<number>, from: number, to: number, count: number, out: Set<number>): void {
  const len = to - from;
  if (len <= 0 || count <= 0) return;
  if (len <= count) {
    for (let i = from; i < to; i++) out.add(h[i]);
    return;
  }
  for (let s = 0; s < count; s++) out.add(minOf(h, from + Math.floor((s * len) / count), from + Math.floor(((s + 1) * len) / count)));
}

/** A document's text keys: a front-weighted spread of segment minima (≤ TEXT_KEYS). */
export function documentKeys(hashes: ArrayLike<number>, budget = TEXT_KEYS): number[] {
  const n = hashes.length;
  const out = new Set<number>();
  if (n <= budget) {
    for (let i = 0; i < n; i++) out.add(hashes[i]);
    return [...out];
  }
  // The first ~100 words get FRONT_KEYS keys (at least 8 shingles each), the rest share the others.
  const front = Math.min(Math.floor(n * 0.4), FRONT_KEYS * 12);
  const frontKeys = Math.min(FRONT_KEYS, Math.floor(front / 8));
  segmentMins(hashes, 0, front, frontKeys, out);
  segmentMins(hashes, front, n, budget - frontKeys, out);
  return [...out];
}

/** Anchor-pair keys: segment minima spread evenly. */
export function anchorKeys(hashes: ArrayLike<number>, budget = ANCHOR_KEYS): number[] {
  const out = new Set<number>();
  segmentMins(hashes, 0, hashes.length, budget, out);
  return [...out];
}

/** The `max` smallest distinct values of h (all of them when there are fewer). */
export function smallest(h: Iterable<number>, max: number): number[] {
  const all = new Set(h);
  if (all.size <= max) return [...all];
  return [...Uint32Array.from(all).sort().subarray(0, max)];
}

/** What a suspect looks up of its shingles. */
export const queryKeys = (hashes: ArrayLike<number>): number[] => smallest(Array.from(hashes), QUERY_MAX);
