// Copy detection benchmark (src/copies/):
//   1. a synthetic index of --articles N (default 1,000,000) on SQLite, and on PostgreSQL when DATABASE_URL
//      is set or --postgres is given: build rate, bytes per article, lookup p50/p99;
//   2. recall/precision on copies of the real bodies of ../shared/corpora/article-extraction (bench/copies-set.ts),
//      and across languages on the Debian Reference en/fr (bench/copies-debian.ts).
// npm run bench:copies -- [--articles N] [--postgres] [--skip-sqlite] [--skip-scale] [--skip-quality] [--keep]
// --keep: the synthetic index stays (SQLite in the temp folder, PostgreSQL in schema bench_copies_N) and a
// later --keep run with the same N only repeats the lookups.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openStore, type Store } from '../src/store/db.ts';
import { openThrowawayDatabase } from '../src/store/test-store.ts';
import { scaleBench } from './copies-scale.ts';
import { corpusQuality, debianQuality, describe } from './copies-quality.ts';

const flag = (name: string) => process.argv.includes(`--${name}`);
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('articles', 1_000_000);
const log = (s: string) => console.log(s);

async function withStores(fn: (store: Store, label: string) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'relais-bench-copies-'));
  try {
    if (!flag('skip-sqlite')) {
      const sqlite = await openStore(join(dir, 'bench.db'));
      await fn(sqlite, 'SQLite');
      await sqlite.close();
    }
    if (flag('postgres') && !process.env.DATABASE_URL) log('PostgreSQL: skipped (--postgres needs DATABASE_URL=postgres://…)');
    if (process.env.DATABASE_URL) {
      const { url, drop } = await openThrowawayDatabase(dir, 'relais_bench_copies');
      const pg = await openStore(url);
      await fn(pg, 'PostgreSQL');
      await pg.close();
      await drop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The scale part's stores: throwaway, or kept between runs (--keep); `reused` when already built. */
async function withScaleStores(fn: (store: Store, label: string, reused: boolean) => Promise<void>) {
  if (!flag('keep')) return withStores((store, label) => fn(store, label, false));
  const built = async (store: Store) => Number((await store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) === N;
  const run = async (url: string, label: string, wipe: (store: Store) => Promise<void>, opts: { schema?: string } = {}) => {
    let store = await openStore(url, opts);
    try {
      const reused = await built(store);
      if (!reused) {
        await wipe(store);
        store = await openStore(url, opts);
      }
      await fn(store, label, reused);
    } finally {
      await store.close();
    }
  };
  const file = join(tmpdir(), `relais-bench-copies-${N}.db`);
  const schema = `bench_copies_${N}`;
  if (!flag('skip-sqlite')) await run(file, 'SQLite', async (s) => (await s.close(), ['', '-wal', '-shm'].forEach((x) => rmSync(file + x, { force: true }))));
  if (process.env.DATABASE_URL)
    await run(process.env.DATABASE_URL, 'PostgreSQL', async (s) => (await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(s.db), await s.close()), { schema });
}

log(`bench:copies — load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
if (!flag('skip-scale'))
  await withScaleStores(async (store, label, reused) => {
    log(`${label}: ${reused ? 'reusing the kept' : 'building a'} synthetic index of ${N.toLocaleString('en')} articles…`);
    const f = await scaleBench(store, N, log, reused);
    const found = `own article among the candidates ${(f.found * 100).toFixed(1)} %`;
    if (reused) log(`${label}: ${f.articles.toLocaleString('en')} articles (kept), ${f.keysPerArticle.toFixed(1)} keys and ${f.bytesPerArticle.toFixed(0)} bytes per article; lookup p50 ${f.p50.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms (first pass ${f.coldP50.toFixed(2)} / ${f.coldP99.toFixed(2)}); ${found}`);
    else log(`${label}: ${f.articles.toLocaleString('en')} articles in ${f.buildSeconds.toFixed(0)} s (${f.perSecond.toFixed(0)} articles/s), ${f.keysPerArticle.toFixed(1)} keys and ${f.bytesPerArticle.toFixed(0)} bytes per article (index tables ${(f.bytes / 1e6).toFixed(1)} MB); lookup p50 ${f.p50.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms (first pass ${f.coldP50.toFixed(2)} / ${f.coldP99.toFixed(2)}); ${found}`);
  });
if (!flag('skip-quality'))
  await withStores(async (store, label) => {
    let t = performance.now();
    const c = await corpusQuality(store);
    if (!c) log('copy set: skipped (needs ../shared/corpora/article-extraction/ground-truth.json)');
    else {
      const suspects = c.positives + c.negatives;
      log(`${label} ${describe('copy set (real bodies)', c)}; ${((performance.now() - t) / suspects).toFixed(1)} ms per suspect (index ${c.positives / 5} articles)`);
      for (const m of c.misses.slice(0, 10)) log(`  missed: ${m}`);
      for (const m of c.falsePositives.slice(0, 10)) log(`  wrongly matched: ${m}`);
    }
    t = performance.now();
    const d = await debianQuality(store);
    if (!d) log('Debian Reference: skipped (apt-get install debian-reference-en debian-reference-fr)');
    else log(`${label} ${describe('across languages (Debian Reference fr → en, real translations)', d)}; ${d.translated} of ${d.sections} aligned sections really translated`);
  });
