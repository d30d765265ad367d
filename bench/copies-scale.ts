// bench:copies part 1: a synthetic index of N articles (seeded generator: Zipf vocabulary of syllable
// words, 150–1,500-word articles in paragraphs), built through the real signature code; bytes per article
// in the index tables, and lookup times for suspects made from indexed articles (edited, excerpted).
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Store } from '../src/store/db.ts';
import { compactCopyIndex, countCopyPostings, docOf, insertNewCopyDocs, lookupCopyKeys } from '../src/store/copy-index.ts';
import { indexKeysOf, lookupKeysOf, signatureOf } from '../src/copies/signature.ts';
import { copyTextOf } from '../src/copies/text.ts';
import { CANDIDATES } from '../src/copies/match.ts';
import { rng } from './copies-set.ts';

function generator(seed: number) {
  const rand = rng(seed);
  const syl = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'de', 'fa', 'gri', 'po', 'shu', 'ber', 'tan', 'qui', 'zel', 'mor', 'an', 'es', 'ul', 'bri'];
  const vocab = Array.from({ length: 50_000 }, () => Array.from({ length: 1 + Math.floor(rand() * 3) }, () => syl[Math.floor(rand() * syl.length)]).join(''));
  const word = () => vocab[Math.min(vocab.length - 1, Math.floor(Math.exp(rand() * Math.log(vocab.length + 1)) - 1))];
  const names = Array.from({ length: 5000 }, () => { const w = word(); return w[0].toUpperCase() + w.slice(1); });
  const sentence = () => {
    const n = 6 + Math.floor(rand() * 25);
    const w = Array.from({ length: n }, () => (rand() < 0.04 ? names[Math.floor(rand() * names.length)] : rand() < 0.02 ? String(Math.floor(rand() * 3000)) : word()));
    return w.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
  };
  const article = () => {
    const words = 150 + Math.floor(rand() * rand() * 1350);
    const paras: string[] = [];
    let n = 0;
    while (n < words) {
      const p = Array.from({ length: 1 + Math.floor(rand() * 4) }, sentence).join(' ');
      paras.push(p);
      n += p.split(' ').length;
    }
    return paras;
  };
  return { article, rand };
}

export interface ScaleFigures {
  articles: number;
  buildSeconds: number;
  perSecond: number;
  bytes: number;
  bytesPerArticle: number;
  keysPerArticle: number;
  p50: number;
  p99: number;
  /** The first pass over the same suspects (p50, p99 above are the second). */
  coldP50: number;
  coldP99: number;
  /** Share of the lookups whose own article is among the candidates returned. */
  found: number;
}

async function indexBytes(store: Store): Promise<number> {
  if (store.dialect === 'postgres') {
    const r = await sql<{ n: string }>`SELECT pg_total_relation_size('copy_buckets') + pg_total_relation_size('copy_docs') AS n`.execute(store.db);
    return Number(r.rows[0].n);
  }
  try {
    const r = await sql<{ n: number }>`SELECT SUM(pgsize) AS n FROM dbstat WHERE name IN ('copy_keys', 'copy_docs', 'copy_docs_article', 'sqlite_autoindex_copy_docs_1')`.execute(store.db);
    return Number(r.rows[0].n);
  } catch {
    return NaN;
  }
}

/** The synthetic articles in batches, and the ~4,000/n of them kept as lookup samples (same seed, same picks). */
export function* corpus(n: number, batch: number, samples: Array<{ at: number; paras: string[] }>): Generator<string[][]> {
  const g = generator(42);
  for (let base = 0; base < n; base += batch) {
    const texts = Array.from({ length: Math.min(batch, n - base) }, () => g.article());
    texts.forEach((paras, i) => { if (samples.length < 2000 && g.rand() < 4000 / n) samples.push({ at: base + i, paras }); });
    yield texts;
  }
}

/** `reuse`: the store already holds this index (bench:copies --keep), only the samples are regenerated. */
export async function scaleBench(store: Store, n: number, log: (s: string) => void, reuse = false): Promise<ScaleFigures> {
  const samples: Array<{ at: number; paras: string[] }> = [];
  const now = new Date().toISOString();
  const started = performance.now();
  let keys = 0;
  const BATCH = 500;
  let base = 0;
  for (const texts of corpus(n, BATCH, samples)) {
    if (reuse) continue;
    const count = texts.length;
    const docs: Array<{ articleId: number; kind: 'article'; language: string; keys: number[] }> = [];
    await store.db.transaction().execute(async (tx) => {
      const rows = await tx
        .insertInto('articles')
        .values(texts.map((_, i) => ({ slug: `s${base + i}`, language: 'en', title: 't', summary: '', body_html: '', status: 'published', published_at: now, updated_at: now, created_at: now, canonical_policy: 'self', created_by: null })))
        .returning('id')
        .execute();
      for (let i = 0; i < count; i++) {
        const k = indexKeysOf(copyTextOf(texts[i].join('\n')));
        keys += k.length;
        docs.push({ articleId: rows[i].id, kind: 'article' as const, language: 'en', keys: k });
      }
      await insertNewCopyDocs(tx, docs);
    });
    base += count;
    if ((base / BATCH) % 200 === 0) log(`  … ${base} articles, ${((base / (performance.now() - started)) * 1000).toFixed(0)}/s`);
  }
  const buildSeconds = (performance.now() - started) / 1000;
  if (reuse) keys = (await countCopyPostings(store.db));
  else if (store.dialect === 'postgres') await sql`VACUUM ANALYZE copy_buckets`.execute(store.db);
  const uncompacted = await indexBytes(store);
  if (!reuse) await compactCopyIndex(store.db); // as `relais copies reindex` ends
  const bytes = await indexBytes(store);
  if (bytes !== uncompacted) log(`  after the build ${(uncompacted / n).toFixed(0)} bytes per article; compacted (VACUUM FULL, as a reindex ends) ${(bytes / n).toFixed(0)}`);
  // Lookups: half excerpts (first two paragraphs), half whole articles with one word in twenty replaced.
  // Two passes over the same suspects: the first meets caches the build left (on PostgreSQL, an index larger
  // than shared_buffers just rewritten), the second a server that has been answering lookups.
  const first = Number((await store.db.selectFrom('articles').select((eb) => eb.fn.min<number>('id').as('id')).executeTakeFirstOrThrow()).id);
  const suspects = samples.map(({ at: pos, paras }, i) => {
    const text = i % 2 ? paras.slice(0, 2).join('\n') : paras.map((p) => p.split(' ').map((w, j) => (j % 20 === 7 ? 'zzz' : w)).join(' ')).join('\n');
    return { doc: docOf(first + pos, 'article'), keys: lookupKeysOf(signatureOf(copyTextOf(text))) };
  });
  const pass = async () => {
    const times: number[] = [];
    let found = 0;
    for (const s of suspects) {
      const t = performance.now();
      const ranked = await lookupCopyKeys(store.db, s.keys, CANDIDATES * 2);
      times.push(performance.now() - t);
      if (ranked.some((c) => c.doc === s.doc)) found++;
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
    return { p50: at(0.5), p99: at(0.99), found: found / suspects.length };
  };
  const cold = await pass();
  const { p50, p99, found } = await pass();
  return { articles: n, buildSeconds, perSecond: n / buildSeconds, bytes, bytesPerArticle: bytes / n, keysPerArticle: keys / n, p50, p99, coldP50: cold.p50, coldP99: cold.p99, found };
}
