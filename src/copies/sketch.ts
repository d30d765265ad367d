// Which hashes of a document go into the index (a bounded set of local min-hashes), and which of a
// suspect's are looked up. The suspect's side looks up (nearly) all of its shingles, so any indexed key
// that a copy kept is found: the article's side may then choose its keys freely, and spreads them so that
// every part of the article has some, with more at the start (excerpts and truncations keep the start).

/** Keys per document: text shingles and language-independent anchor pairs. */
export const TEXT_KEYS = 20;
export const FRONT_KEYS = 8;
export const ANCHOR_KEYS = 6;
/**
 * Above this many distinct shingles a suspect is winnowed (the minimum of every window of 3) instead of
 * looked up whole: a document key is the minimum of its segment (8 shingles or more), so wherever the
 * copy kept its neighbourhood it is also the minimum of the windows of 3 around it.
 */
export const QUERY_ALL_UP_TO = 400;
const QUERY_WINDOW = 3;

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

/** What a suspect looks up: all its distinct hashes, or its window minima when it is long. */
export function queryKeys(hashes: ArrayLike<number>): number[] {
  const all = new Set<number>();
  for (let i = 0; i < hashes.length; i++) all.add(hashes[i]);
  if (all.size <= QUERY_ALL_UP_TO) return [...all];
  const out = new Set<number>();
  for (let i = 0; i + QUERY_WINDOW <= hashes.length; i++) out.add(minOf(hashes, i, i + QUERY_WINDOW));
  return [...out];
}
