// The translation memory: units (source and target text of one language pair, "en>fr") and the token
// index a fuzzy lookup reads (postings per token and unit length, document frequency per token).
// Callers give the normalised tokens of each source; this file only stores and reads them.
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { TmUnitsTable } from './schema-translate.ts';
import { inTransaction } from './transaction.ts';

type Db = Kysely<Database>;
export type TmUnitRow = Selectable<TmUnitsTable>;

export interface NewUnit {
  source: string;
  target: string;
  /** Normalised tokens of the source, in order (their count is the unit's length). */
  tokens: string[];
  origin: string;
  articleId?: number | null;
}

export const unitKey = (source: string, target: string) => createHash('sha256').update(source).update('\u0000').update(target).digest('hex').slice(0, 40);

const BATCH = 400;

/** Adds the units not already in the memory (same pair, same source and target); returns how many were new. */
export async function addUnits(db: Db, pair: string, units: NewUnit[], now: string): Promise<number> {
  let added = 0;
  await inTransaction(db, async (tx) => {
    for (let i = 0; i < units.length; i += BATCH) {
      const chunk = new Map<string, NewUnit>();
      for (const u of units.slice(i, i + BATCH)) chunk.set(unitKey(u.source, u.target), u);
      const inserted = await tx
        .insertInto('tm_units')
        .values([...chunk].map(([key, u]) => ({
          pair, source_text: u.source, target_text: u.target, unit_key: key, token_count: u.tokens.length, tokens: u.tokens.join(' '),
          origin: u.origin, article_id: u.articleId ?? null, created_at: now, updated_at: now,
        })))
        .onConflict((oc) => oc.columns(['pair', 'unit_key']).doNothing())
        .returning(['id', 'unit_key'])
        .execute();
      if (!inserted.length) continue;
      added += inserted.length;
      const postings: { pair: string; token: string; token_count: number; unit_id: number }[] = [];
      const df = new Map<string, number>();
      for (const r of inserted) {
        const u = chunk.get(r.unit_key)!;
        for (const token of new Set(u.tokens)) {
          postings.push({ pair, token, token_count: u.tokens.length, unit_id: r.id });
          df.set(token, (df.get(token) ?? 0) + 1);
        }
      }
      for (let j = 0; j < postings.length; j += 1000) await tx.insertInto('tm_postings').values(postings.slice(j, j + 1000)).execute();
      const terms = [...df].map(([token, n]) => ({ pair, token, df: n }));
      for (let j = 0; j < terms.length; j += 1000)
        await tx
          .insertInto('tm_terms')
          .values(terms.slice(j, j + 1000))
          .onConflict((oc) => oc.columns(['pair', 'token']).doUpdateSet({ df: sql`tm_terms.df + excluded.df` }))
          .execute();
    }
  });
  return added;
}

/** How many units of the pair contain each token (absent tokens: 0). */
export async function tokenFrequencies(db: Db, pair: string, tokens: string[]): Promise<Map<string, number>> {
  const out = new Map(tokens.map((t) => [t, 0]));
  if (!tokens.length) return out;
  const rows = await db.selectFrom('tm_terms').select(['token', 'df']).where('pair', '=', pair).where('token', 'in', tokens).execute();
  for (const r of rows) out.set(r.token, Number(r.df));
  return out;
}

/** (unit, token) postings of `tokens` for units of a length within [minLen, maxLen]. */
export async function postingsOf(db: Db, pair: string, tokens: string[], minLen: number, maxLen: number): Promise<{ unit_id: number; token: string }[]> {
  if (!tokens.length) return [];
  return db
    .selectFrom('tm_postings')
    .select(['unit_id', 'token'])
    .where('pair', '=', pair)
    .where('token', 'in', tokens)
    .where('token_count', '>=', minLen)
    .where('token_count', '<=', maxLen)
    .execute();
}

export async function unitsByIds(db: Db, ids: number[]): Promise<TmUnitRow[]> {
  if (!ids.length) return [];
  return db.selectFrom('tm_units').selectAll().where('id', 'in', ids).execute();
}

/** Units with exactly this source text (the exact-match path, also for sources without words). */
export async function unitsWithSource(db: Db, pair: string, source: string): Promise<TmUnitRow[]> {
  return db.selectFrom('tm_units').selectAll().where('pair', '=', pair).where('source_text', '=', source).limit(50).execute();
}

/** A page of the pair's units in insertion order (export). */
export async function unitsPage(db: Db, pair: string, afterId: number, limit: number): Promise<TmUnitRow[]> {
  return db.selectFrom('tm_units').selectAll().where('pair', '=', pair).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export async function countUnits(db: Db, pair?: string): Promise<number> {
  let q = db.selectFrom('tm_units').select((e) => e.fn.countAll<number>().as('n'));
  if (pair) q = q.where('pair', '=', pair);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
