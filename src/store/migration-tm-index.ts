// Migration 0012_tm_index: the translation memory indexes each unit's prefix words only (tm-prefix.ts),
// with their position and occurrences, in a fixed word order (tm_terms.seq). Existing memories are
// re-indexed here: the order starts from their document frequencies (most frequent first = lowest seq).
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from './db.ts';
import { prefixOf } from './tm-prefix.ts';

export function tmIndex(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('tm_terms').addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.dropTable('tm_postings').execute();
      await db.schema
        .createTable('tm_postings')
        .addColumn('pair', 'text', (c) => c.notNull())
        .addColumn('token', 'text', (c) => c.notNull())
        .addColumn('token_count', 'integer', (c) => c.notNull())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('tm_units.id').onDelete('cascade'))
        .addColumn('pos', 'integer', (c) => c.notNull())
        .addColumn('occ', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('tm_postings_pk', ['pair', 'token', 'token_count', 'unit_id'])
        .modifyEnd(dialect === 'sqlite' ? sql`without rowid` : sql``)
        .execute();
      await db.schema.createIndex('tm_postings_unit').on('tm_postings').column('unit_id').execute();
      await reindexMemory(db);
      await db.schema.createIndex('tm_terms_seq').on('tm_terms').columns(['pair', 'seq']).execute();
    },
  };
}

/** Orders each pair's words by document frequency and indexes every unit's prefix again. */
export async function reindexMemory(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('tm_postings').execute();
  const pairs = await db.selectFrom('tm_terms').select('pair').distinct().execute();
  for (const { pair } of pairs) {
    const terms = await db.selectFrom('tm_terms').select(['token']).where('pair', '=', pair).orderBy('df', 'desc').orderBy('token').execute();
    const seq = new Map<string, number>(terms.map((t, i) => [t.token as string, i + 1]));
    for (const [token, s] of seq) await db.updateTable('tm_terms').set({ seq: s }).where('pair', '=', pair).where('token', '=', token).execute();
    let after = 0;
    for (;;) {
      const units = await db.selectFrom('tm_units').select(['id', 'tokens']).where('pair', '=', pair).where('id', '>', after).orderBy('id').limit(1000).execute();
      if (!units.length) break;
      const rows = units.flatMap((u) => {
        const tokens = u.tokens ? (u.tokens as string).split(' ') : [];
        return [...prefixOf(tokens, seq)].map(([token, w]) => ({ pair, token, token_count: tokens.length, unit_id: u.id, pos: w.pos, occ: w.occ }));
      });
      for (let i = 0; i < rows.length; i += 1000) await db.insertInto('tm_postings').values(rows.slice(i, i + 1000)).execute();
      after = units[units.length - 1].id;
    }
  }
}
