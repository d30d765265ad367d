// The prefix filter behind the translation memory's index (used by the store, its migration and the lookup).
// A fuzzy match of n and m words (1 − word edit distance / max(n, m) ≥ T) shares at least
// α = ⌈T·max(n, m)⌉ words with the query (multisets): each edit costs at most one query word, and
// an inserted word costs none. Order every word by a fixed global order; then the first n − α + k words of
// the query and the first m − α + k words of the unit share at least k words (prefix filtering of
// similarity joins). So a unit is indexed by its first min(m, m − ⌈T·m⌉ + K) words only, the query reads
// the postings of its own first min(n, n − ⌈T·n⌉ + K) words, and a candidate must be found
// min(K, α) times. The order only has to be fixed, not exact: a word's `seq` is given once, when the word
// first enters the pair's memory (later = higher = rarer; within one batch, the more frequent first).
export const INDEX_THRESHOLD = 0.7;
/** How many shared prefix words a candidate needs (K above): 2 cuts the chance coincidences of one word. */
export const PREFIX_EXTRA = 2;

/** α: the fewest words a unit of m words shares with a query of n words when it matches. */
export const minOverlap = (n: number, m: number): number => Math.ceil(INDEX_THRESHOLD * Math.max(n, m) - 1e-9);

export const prefixSize = (n: number): number => Math.min(n, n - Math.ceil(INDEX_THRESHOLD * n - 1e-9) + PREFIX_EXTRA);

/** How many shared prefix words a unit of m words needs to be a candidate for a query of n words. */
export const requiredShared = (n: number, m: number): number => Math.min(PREFIX_EXTRA, minOverlap(n, m));

/** The range of unit lengths a match of a query of n words can have. */
export const lengthBand = (n: number): [number, number] => [Math.ceil(INDEX_THRESHOLD * n - 1e-9), Math.floor(n / INDEX_THRESHOLD + 1e-9)];

export interface PrefixWord {
  /** Position of the word's first occurrence in the ordered words (0 = rarest). */
  pos: number;
  /** Occurrences of the word within the prefix. */
  occ: number;
}

/**
 * The first prefixSize(n) words in the global order (highest seq first, ties by the word itself): words
 * without a seq (never seen by the pair's memory) come first, since no unit can share them.
 */
export function prefixOf(tokens: string[], seq: Map<string, number>): Map<string, PrefixWord> {
  const rank = (t: string) => seq.get(t) ?? Infinity;
  const ordered = [...tokens].sort((a, b) => rank(b) - rank(a) || (a < b ? -1 : a > b ? 1 : 0));
  const out = new Map<string, PrefixWord>();
  ordered.slice(0, prefixSize(tokens.length)).forEach((t, pos) => {
    const w = out.get(t);
    if (w) w.occ++;
    else out.set(t, { pos, occ: 1 });
  });
  return out;
}
