// Translation memory lookup. Exact and fuzzy matches (score ≥ 0.7) for a source, best first.
// The index holds each unit's prefix words in a fixed word order (store/tm-prefix.ts): a match shares at
// least min(2, α) of them with the query's prefix, so the candidates are counted in one statement over
// the postings of the query's prefix words, within the length band a match allows; a positional bound
// drops more, a word-overlap bound more still, and the survivors are scored exactly (banded Levenshtein).
import type { AppContext } from '../context.ts';
import type { TextChange } from '../domain/types.ts';
import { addUnits, prefixCandidates, termSeqs, unitsByIds, unitsWithSource, unitTokens, type NewUnit } from '../store/tm.ts';
import { INDEX_THRESHOLD, lengthBand, minOverlap, prefixOf, requiredShared } from '../store/tm-prefix.ts';
import { languagePair } from './languages.ts';
import { memoryTokens, wordDistance, wordDiff } from './similarity.ts';

/** The index is built for this threshold (a lower one would need a re-index). */
export const FUZZY_THRESHOLD = INDEX_THRESHOLD;
/** At most this many candidates (most prefix words shared first) are verified per lookup: a bound on time for a memory full of near-copies. */
const CANDIDATE_CAP = 3000;

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

/** Units that can match the query (n > 0 words): those the prefix filter keeps, with their words. */
async function fuzzyCandidates(ctx: AppContext, pair: string, query: string[]): Promise<{ id: number; tokens: string }[]> {
  const n = query.length;
  const seq = await termSeqs(ctx.store.db, pair, [...new Set(query)]);
  const prefix = [...prefixOf(query, seq)].filter(([t]) => seq.has(t));
  const [minLen, maxLen] = lengthBand(n);
  const rows = await prefixCandidates(ctx.store.db, ctx.store.dialect, pair, prefix, minLen, maxLen, requiredShared(n, n));
  const ids = rows
    .filter((r) => {
      const alpha = minOverlap(n, r.token_count);
      // Every shared word comes at or after the first shared one, in both orders.
      return r.shared >= requiredShared(n, r.token_count) && Math.min(n - r.query_pos, r.token_count - r.unit_pos) >= alpha;
    })
    .sort((a, b) => b.shared - a.shared || b.unit_id - a.unit_id)
    .slice(0, CANDIDATE_CAP)
    .map((r) => r.unit_id);
  return unitTokens(ctx.store.db, ids);
}

/** Words the two share, as multisets (an edit-distance alignment matches no more than that). */
function sharedWords(counts: Map<string, number>, words: string[]): number {
  const left = new Map(counts);
  let shared = 0;
  for (const w of words) {
    const c = left.get(w);
    if (c) {
      shared++;
      left.set(w, c - 1);
    }
  }
  return shared;
}

async function fuzzyMatches(ctx: AppContext, pair: string, query: string[], limit: number): Promise<{ id: number; score: number }[]> {
  const n = query.length;
  const counts = new Map<string, number>();
  for (const t of query) counts.set(t, (counts.get(t) ?? 0) + 1);
  const scored: { id: number; score: number }[] = [];
  for (const c of await fuzzyCandidates(ctx, pair, query)) {
    const words = c.tokens ? c.tokens.split(' ') : [];
    const longer = Math.max(n, words.length);
    if (sharedWords(counts, words) < minOverlap(n, words.length)) continue;
    const allowed = Math.floor((1 - FUZZY_THRESHOLD) * longer + 1e-9);
    const distance = wordDistance(query, words, allowed);
    if (distance > allowed) continue;
    scored.push({ id: c.id, score: Math.round((1 - distance / longer) * 1000) / 1000 });
  }
  scored.sort((a, b) => b.score - a.score);
  // Ties at the last place are kept: the exact flag and the id order them below.
  const last = scored[Math.min(limit, scored.length) - 1]?.score ?? Infinity;
  return scored.filter((s) => s.score >= last);
}

export async function findMatches(ctx: AppContext, from: string, to: string, source: string, limit = 10): Promise<MemoryMatch[]> {
  const pair = languagePair(from, to);
  const query = memoryTokens(source);
  let matches: MemoryMatch[];
  if (query.length === 0) {
    const rows = await unitsWithSource(ctx.store.db, pair, source);
    matches = rows.map((r) => ({ id: r.id, source: r.source_text, target: r.target_text, score: 1, exact: true, diff: [], origin: r.origin }));
  } else {
    const found = await fuzzyMatches(ctx, pair, query, limit);
    const score = new Map(found.map((f) => [f.id, f.score]));
    const rows = await unitsByIds(ctx.store.db, found.map((f) => f.id));
    matches = rows.map((r) => ({ id: r.id, source: r.source_text, target: r.target_text, score: score.get(r.id)!, exact: r.source_text === source, diff: [], origin: r.origin }));
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
  return addUnits(ctx.store.db, ctx.store.dialect, languagePair(from, to), units, ctx.now().toISOString());
}
