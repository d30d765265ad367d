// The translation memory: units (source and target text of one language pair, "en>fr") and the token
// index a fuzzy lookup reads: postings of each unit's prefix words (tm-prefix.ts) with the unit's length,
// and per word its document frequency and its fixed place in the order (seq).
// Callers give the normalised tokens of each source; this file only stores and reads them.
import { createHash } from 'node:crypto';
import { CompiledQuery, sql, type Kysely, type Selectable } from 'kysely';
import type { Dialect } from './db.ts';
import type { Database } from './schema.ts';
import type { TmUnitsTable } from './schema-translate.ts';
import { inTransaction } from './transaction.ts';
import { prefixOf, type PrefixWord } from './tm-prefix.ts';

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

const UNIT_ROWS = 500;
const POSTING_ROWS = 4000;
const TERM_ROWS = 1000;

/** `(?, ?), (?, ?)` or `($1, $2), ($3, $4)`: rows of placeholders for a raw multi-row statement. */
function valuesList(dialect: Dialect, rows: number, cols: number, first = 1, casts: string[] = []): string {
  const out: string[] = [];
  let n = first;
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let c = 0; c < cols; c++) row.push(dialect === 'postgres' ? `$${n++}${casts[c] ?? ''}` : '?');
    out.push(`(${row.join(', ')})`);
  }
  return out.join(', ');
}

const param = (dialect: Dialect, n: number) => (dialect === 'postgres' ? `$${n}` : '?');

// Bulk statements go to the driver as compiled text: Kysely's query builder costs more than SQLite's
// insert for rows this small (the tm_terms upsert stays a built query, so the store's change counter sees the write).
async function raw<R>(db: Db, text: string, params: unknown[]): Promise<R[]> {
  return (await db.executeQuery<R>(CompiledQuery.raw(text, params))).rows;
}

/** Adds the units not already in the memory (same pair, same source and target); returns how many were new. */
export async function addUnits(db: Db, dialect: Dialect, pair: string, units: NewUnit[], now: string): Promise<number> {
  const byKey = new Map<string, NewUnit>();
  for (const u of units) byKey.set(unitKey(u.source, u.target), u);
  const all = [...byKey];
  if (!all.length) return 0;
  return inTransaction(db, async (tx) => {
    const inserted: { id: number; tokens: string[] }[] = [];
    for (let i = 0; i < all.length; i += UNIT_ROWS) {
      const chunk = all.slice(i, i + UNIT_ROWS);
      const params: unknown[] = [];
      for (const [key, u] of chunk) params.push(pair, u.source, u.target, key, u.tokens.length, u.tokens.join(' '), u.origin, u.articleId ?? null, now, now);
      const rows = await raw<{ id: number; unit_key: string }>(
        tx,
        `insert into tm_units (pair, source_text, target_text, unit_key, token_count, tokens, origin, article_id, created_at, updated_at) values ${valuesList(dialect, chunk.length, 10)} on conflict (pair, unit_key) do nothing returning id, unit_key`,
        params,
      );
      for (const r of rows) inserted.push({ id: Number(r.id), tokens: byKey.get(r.unit_key)!.tokens });
    }
    if (!inserted.length) return 0;
    const df = new Map<string, number>();
    for (const u of inserted) for (const t of new Set(u.tokens)) df.set(t, (df.get(t) ?? 0) + 1);
    const seq = await upsertTerms(tx, pair, df);
    const postings: unknown[] = [];
    let rows = 0;
    const flush = async () => {
      if (!rows) return;
      await raw(tx, `insert into tm_postings (pair, token, token_count, unit_id, pos, occ) values ${valuesList(dialect, rows, 6)}`, postings.splice(0));
      rows = 0;
    };
    for (const u of inserted) {
      for (const [token, w] of prefixOf(u.tokens, seq)) {
        postings.push(pair, token, u.tokens.length, u.id, w.pos, w.occ);
        if (++rows === POSTING_ROWS) await flush();
      }
    }
    await flush();
    return inserted.length;
  });
}

/**
 * Counts the units into the pair's document frequencies; words new to the pair get a seq above every
 * existing one, the more frequent first. Returns every word's seq (as stored: an existing word keeps its own).
 */
async function upsertTerms(tx: Db, pair: string, df: Map<string, number>): Promise<Map<string, number>> {
  const top = await tx.selectFrom('tm_terms').select((e) => e.fn.max('seq').as('seq')).where('pair', '=', pair).executeTakeFirst();
  let next = Number(top?.seq ?? 0) + 1;
  const terms = [...df].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([token, n]) => ({ pair, token, df: n, seq: next++ }));
  const seq = new Map<string, number>();
  for (let j = 0; j < terms.length; j += TERM_ROWS) {
    const rows = await tx
      .insertInto('tm_terms')
      .values(terms.slice(j, j + TERM_ROWS))
      .onConflict((oc) => oc.columns(['pair', 'token']).doUpdateSet({ df: sql`tm_terms.df + excluded.df` }))
      .returning(['token', 'seq'])
      .execute();
    for (const r of rows) seq.set(r.token, Number(r.seq));
  }
  return seq;
}

/** The seq of each word the pair's memory has seen (the others are absent). */
export async function termSeqs(db: Db, pair: string, tokens: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!tokens.length) return out;
  const rows = await db.selectFrom('tm_terms').select(['token', 'seq']).where('pair', '=', pair).where('token', 'in', tokens).execute();
  for (const r of rows) out.set(r.token, Number(r.seq));
  return out;
}

export interface PrefixCandidate {
  unit_id: number;
  token_count: number;
  /** Prefix words shared (with multiplicity). */
  shared: number;
  /** Position of the first shared word in the query's and in the unit's order. */
  query_pos: number;
  unit_pos: number;
}

/**
 * Units of a length within [minLen, maxLen] whose indexed prefix shares at least `minShared` words with
 * the query's prefix, counted in one statement.
 */
export async function prefixCandidates(
  db: Db, dialect: Dialect, pair: string, prefix: [string, PrefixWord][], minLen: number, maxLen: number, minShared: number,
): Promise<PrefixCandidate[]> {
  if (!prefix.length) return [];
  const params: unknown[] = [];
  for (const [token, w] of prefix) params.push(token, w.pos, w.occ);
  const k = params.length;
  params.push(pair, minLen, maxLen, minShared);
  const least = dialect === 'postgres' ? 'least' : 'min';
  const shared = `sum(${least}(p.occ, q.occ))`;
  const rows = await raw<PrefixCandidate>(
    db,
    `with q (token, pos, occ) as (values ${valuesList(dialect, prefix.length, 3, 1, ['::text', '::integer', '::integer'])})
     select p.unit_id, p.token_count, ${shared} as shared, min(q.pos) as query_pos, min(p.pos) as unit_pos
     from tm_postings p join q on p.token = q.token
     where p.pair = ${param(dialect, k + 1)} and p.token_count between ${param(dialect, k + 2)} and ${param(dialect, k + 3)}
     group by p.unit_id, p.token_count having ${shared} >= ${param(dialect, k + 4)}`,
    params,
  );
  return rows.map((r) => ({ unit_id: Number(r.unit_id), token_count: Number(r.token_count), shared: Number(r.shared), query_pos: Number(r.query_pos), unit_pos: Number(r.unit_pos) }));
}

/** The stored words of these units (what a candidate is verified on). */
export async function unitTokens(db: Db, ids: number[]): Promise<{ id: number; tokens: string }[]> {
  if (!ids.length) return [];
  return db.selectFrom('tm_units').select(['id', 'tokens']).where('id', 'in', ids).execute();
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
