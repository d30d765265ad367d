// Translation memory lookup. Exact and fuzzy matches (score ≥ 0.7) for a source, best first.
// A fuzzy match within 0.7 differs from the query in at most D = ⌊3n/7⌋ of the query's n words (its length
// is within [0.7n, n/0.7]), so it must contain one of the query's rarest words whose occurrences add up
// to more than D (the prefix filter of similarity joins): only those postings are read, within that band.
// The prefix is then widened with further rare words (a bounded number of postings), and a candidate is
// kept only if the query words it lacks among them weigh at most D; survivors are scored exactly.
import type { AppContext } from '../context.ts';
import type { TextChange } from '../domain/types.ts';
import { addUnits, postingsOf, tokenFrequencies, unitsByIds, unitsWithSource, type NewUnit, type TmUnitRow } from '../store/tm.ts';
import { languagePair } from './languages.ts';
import { memoryTokens, wordDistance, wordDiff } from './similarity.ts';

export const FUZZY_THRESHOLD = 0.7;
/** At most this many candidates are verified per lookup (a bound on time for very common short phrases). */
const CANDIDATE_CAP = 3000;
/** Postings the widened prefix may read beyond the minimal one. */
const POSTINGS_BUDGET = 20_000;

export interface MemoryMatch {
  id: number;
  source: string;
  target: string;
  /** 0..1; 1 when the normalised words are the same. */
  score: number;
  /** The texts are identical, character for character. */
  exact: boolean;
  diff: TextChange[];
  origin: string;
}

/**
 * The rarest query words whose occurrence counts add up to more than `allowedMisses` (any match has one),
 * widened with the next rarest while their postings fit the budget; with each word's weight (occurrences).
 */
export function prefixTokens(query: string[], df: Map<string, number>, allowedMisses: number, budget = POSTINGS_BUDGET): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of query) counts.set(t, (counts.get(t) ?? 0) + 1);
  const byRarity = [...counts.keys()].sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : 1));
  const out = new Map<string, number>();
  let weight = 0;
  let postings = 0;
  for (const t of byRarity) {
    if (weight > allowedMisses && postings + (df.get(t) ?? 0) > budget) break;
    out.set(t, counts.get(t)!);
    weight += counts.get(t)!;
    postings += df.get(t) ?? 0;
  }
  return out;
}

async function fuzzyCandidates(ctx: AppContext, pair: string, query: string[], misses: number): Promise<TmUnitRow[]> {
  const n = query.length;
  const df = await tokenFrequencies(ctx.store.db, pair, [...new Set(query)]);
  const prefix = prefixTokens(query, df, misses);
  let prefixWeight = 0;
  for (const w of prefix.values()) prefixWeight += w;
  const present = [...prefix.keys()].filter((t) => (df.get(t) ?? 0) > 0);
  const rows = await postingsOf(ctx.store.db, pair, present, Math.ceil(n * FUZZY_THRESHOLD - 1e-9), Math.floor(n / FUZZY_THRESHOLD + 1e-9));
  const found = new Map<number, number>();
  for (const r of rows) found.set(r.unit_id, (found.get(r.unit_id) ?? 0) + prefix.get(r.token)!);
  const ids = [...found].filter(([, w]) => prefixWeight - w <= misses).sort((a, b) => b[1] - a[1]).slice(0, CANDIDATE_CAP).map(([id]) => id);
  return unitsByIds(ctx.store.db, ids);
}

export async function findMatches(ctx: AppContext, from: string, to: string, source: string, limit = 10): Promise<MemoryMatch[]> {
  const pair = languagePair(from, to);
  const query = memoryTokens(source);
  const n = query.length;
  const misses = Math.floor(((1 - FUZZY_THRESHOLD) / FUZZY_THRESHOLD) * n + 1e-9);
  const rows = n === 0 ? await unitsWithSource(ctx.store.db, pair, source) : await fuzzyCandidates(ctx, pair, query, misses);
  const matches: MemoryMatch[] = [];
  for (const r of rows) {
    const words = r.tokens ? r.tokens.split(' ') : [];
    const longer = Math.max(n, words.length);
    const limit = Math.floor((1 - FUZZY_THRESHOLD) * longer + 1e-9);
    const score = n === 0 ? (r.source_text === source ? 1 : 0) : 1 - wordDistance(query, words, limit) / longer;
    if (score < FUZZY_THRESHOLD - 1e-9) continue;
    matches.push({ id: r.id, source: r.source_text, target: r.target_text, score: Math.round(score * 1000) / 1000, exact: r.source_text === source, diff: [], origin: r.origin });
  }
  matches.sort((a, b) => b.score - a.score || Number(b.exact) - Number(a.exact) || b.id - a.id);
  return matches.slice(0, limit).map((m) => ({ ...m, diff: wordDiff(m.source, source) }));
}

export interface MemoryPair {
  source: string;
  target: string;
  articleId?: number | null;
}

/** Keeps approved pairs (placeholders and all) in the pair's memory; returns how many were new. */
export async function remember(ctx: AppContext, from: string, to: string, pairs: MemoryPair[], origin = 'relais'): Promise<number> {
  const units: NewUnit[] = pairs
    .filter((p) => p.source.trim() && p.target.trim())
    .map((p) => ({ source: p.source, target: p.target, tokens: memoryTokens(p.source), origin, articleId: p.articleId ?? null }));
  return addUnits(ctx.store.db, languagePair(from, to), units, ctx.now().toISOString());
}
