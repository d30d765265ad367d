// npm run bench:search — full-text search over 100,000 synthetic articles: bulk load time, then query
// latency (p50/p99 of searchArticles, snippets included) for several query shapes, on SQLite and, with
// DATABASE_URL=postgres://… or --postgres, on PostgreSQL in a throwaway schema. Prints figures only.
// --postgres-only skips SQLite. BENCH_ARTICLES=n changes the corpus size; BENCH_QUERIES=n the queries per shape. BENCH_KEEP=1 keeps the
// loaded databases (a file in the temp folder, a schema bench_search_keep_<n>) and reuses them on the next
// run: the corpus is generated again (same seed, same queries) but not written.
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../src/context.ts';
import { loadConfig } from '../src/config.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { indexArticles } from '../src/store/search-index.ts';
import { COUNT_LIMIT, searchArticles } from '../src/search/index.ts';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const PER_SHAPE = Number(process.env.BENCH_QUERIES ?? 60);
const PG_DEFAULT = 'postgres://postgres@127.0.0.1:5432/test';
const KEEP = process.env.BENCH_KEEP === '1';

// A seeded generator (mulberry32): the same corpus and queries on every run and database.
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = 20261202;
let random = rng(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(xs: T[]): T => xs[int(xs.length)];

// Vocabularies that look French (accents, -tion, -eur) and English (-ing, -ness): syllables joined at random,
// with inflected variants (plural, feminine, -ing/-ed) so stemming has something to fold.
const SYLLABLES = {
  fr: ['ba', 'ché', 'de', 'fè', 'gi', 'lé', 'mon', 'pré', 'ran', 'sé', 'tê', 'vil', 'çon', 'ou', 'ai', 'eu', 'tion', 'ment', 'eur', 'ier', 'ro', 'qua', 'pa', 'ni', 'co'],
  en: ['th', 'ing', 'er', 'st', 'an', 'ow', 'ea', 'ck', 'ly', 'ble', 'ter', 'pro', 'con', 're', 'un', 'ad', 'ex', 'ful', 'ness', 'ght', 'wa', 'mi', 'so', 'do', 'ka'],
};
const ENDINGS = { fr: ['', '', '', 's', 'e', 'es', 'x'], en: ['', '', '', 's', 'ing', 'ed', 'es'] };
type Lang = keyof typeof SYLLABLES;

function vocabulary(lang: Lang, size: number): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  while (words.length < size) {
    const n = words.length < 200 ? 1 + int(2) : 2 + int(3);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(SYLLABLES[lang]);
    if (!seen.has(w)) seen.add(w), words.push(w);
  }
  return words;
}

// Zipf's law over the vocabulary: rank r is drawn with weight 1/r.
function zipf(words: string[]): { draw: () => string; ranked: string[] } {
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 1; r <= words.length; r++) cumulative.push((sum += 1 / r));
  const draw = () => {
    const x = random() * sum;
    let lo = 0;
    let hi = words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo];
  };
  return { draw, ranked: words };
}

const VOCAB = { fr: zipf(vocabulary('fr', 30_000)), en: zipf(vocabulary('en', 30_000)) };
const word = (lang: Lang) => {
  const w = VOCAB[lang].draw();
  return random() < 0.15 ? w + pick(ENDINGS[lang]) : w;
};
const words = (lang: Lang, n: number) => Array.from({ length: n }, () => word(lang));
const sentence = (ws: string[]) => ws.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';

interface Sample {
  lang: Lang;
  body: string[];
}

function article(i: number, samples: Sample[]) {
  const lang: Lang = random() < 0.5 ? 'fr' : 'en';
  const title = words(lang, 5 + int(8));
  const summary = words(lang, 15 + int(20));
  const paragraphs: string[][] = Array.from({ length: 3 + int(6) }, () => words(lang, 30 + int(50)));
  if (i % 100 === 0) samples.push({ lang, body: paragraphs.flat() });
  const roll = random();
  const status = roll < 0.85 ? 'published' : roll < 0.95 ? 'draft' : 'scheduled';
  const at = new Date(Date.UTC(2020, 0, 1) + (i / ARTICLES) * 6 * 365 * 86_400_000).toISOString();
  return {
    slug: `a-${i}`,
    language: lang,
    title: sentence(title).slice(0, -1),
    summary: sentence(summary),
    body_html: paragraphs.map((p) => `<p>${sentence(p)}</p>`).join('\n'),
    image_json: null,
    status,
    published_at: status === 'draft' ? null : status === 'scheduled' && random() < 0.5 ? '2030-01-01T00:00:00.000Z' : at,
    updated_at: at,
    created_at: at,
    canonical_url: null,
    canonical_policy: 'self',
    created_by: null,
    version: 1,
  };
}

async function load(store: Store, samples: Sample[], write: boolean): Promise<void> {
  const BATCH = 500;
  for (let from = 0; from < ARTICLES; from += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, ARTICLES - from) }, (_, k) => article(from + k, samples));
    if (!write) continue;
    await store.db.transaction().execute(async (tx) => {
      const ids = await tx.insertInto('articles').values(rows).returning('id').execute();
      await indexArticles(
        tx,
        rows.map((r, k) => ({ id: ids[k].id, article: { language: r.language, title: r.title, summary: r.summary, bodyHtml: r.body_html } })),
      );
    });
  }
}

const stripAccents = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');

/** Queries of each shape, drawn from the vocabularies and from sampled article bodies (not from results). */
function queries(samples: Sample[]): Record<string, string[]> {
  const lang = (): Lang => (random() < 0.5 ? 'fr' : 'en');
  const shapes: Record<string, () => string> = {
    'common word': () => VOCAB[lang()].ranked[int(100)],
    'rare word': () => VOCAB[lang()].ranked[5_000 + int(25_000)],
    'two words': () => {
      const s = pick(samples);
      return `${pick(s.body)} ${pick(s.body)}`;
    },
    phrase: () => {
      const s = pick(samples);
      const at = int(s.body.length - 3);
      return `"${s.body.slice(at, at + 2 + int(2)).join(' ')}"`;
    },
    'accent-less': () => {
      const accented = VOCAB.fr.ranked.slice(100, 5_000).filter((w) => stripAccents(w) !== w);
      return stripAccents(pick(accented));
    },
  };
  return Object.fromEntries(Object.entries(shapes).map(([name, make]) => [name, Array.from({ length: PER_SHAPE }, make)]));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const ms = (x: number) => `${x.toFixed(2)} ms`;

// A server answering searches all day keeps its index in the OS page cache; a kept database left idle may have been
// evicted (this VM reclaims idle pages), and the first queries would then time the disk. Read the file once first.
function warmPageCache(path: string): void {
  const t = performance.now();
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  try {
    while (readSync(fd, buf, 0, buf.length, null) > 0);
  } finally {
    closeSync(fd);
  }
  console.log(`  database file read once into the page cache in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

async function run(name: string, store: Store, cleanup: () => Promise<void>): Promise<void> {
  random = rng(SEED + 1); // each database gets the same corpus and queries
  const samples: Sample[] = [];
  const stored = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM articles`.execute(store.db)).rows[0].n);
  const reuse = KEEP && stored === ARTICLES;
  if (stored && !reuse) throw new Error(`${name}: ${stored} articles already stored (an interrupted BENCH_KEEP run?): remove them first`);
  const t0 = performance.now();
  await load(store, samples, !reuse);
  const loadSeconds = (performance.now() - t0) / 1000;
  if (reuse) console.log(`${name}: ${ARTICLES} articles kept from an earlier run (BENCH_KEEP)`);
  else {
    if (store.dialect === 'sqlite') await sql`INSERT INTO article_search (article_search) VALUES ('optimize')`.execute(store.db);
    else await sql`ANALYZE`.execute(store.db);
    console.log(`${name}: ${ARTICLES} articles loaded and indexed in ${loadSeconds.toFixed(1)} s (${Math.round(ARTICLES / loadSeconds)}/s)`);
  }
  const ctx: AppContext = {
    store,
    site: loadConfig({}).site,
    now: () => new Date('2026-12-01T00:00:00Z'),
    mediaDir: '',
    cacheDir: '',
  };
  const shaped = queries(samples);
  if (store.dialect === 'sqlite') warmPageCache(file);
  for (const q of Object.values(shaped).flat().slice(0, 30)) await searchArticles(ctx, { q, publicOnly: true, limit: 20, offset: 0 });
  const all: number[] = [];
  const allCpu: number[] = [];
  const slowest: Array<{ q: string; ms: number }> = [];
  // On a loaded machine wall time counts the waits for a CPU; this process's CPU time does not (SQLite runs
  // in this process; PostgreSQL's work is in its server, so there it means little).
  const cpuNote = (xs: number[]) => (store.dialect === 'sqlite' ? `| CPU p50 ${ms(percentile(xs, 50))}  p99 ${ms(percentile(xs, 99))}  ` : '');
  console.log(`  load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs when the queries start`);
  for (const [shape, qs] of Object.entries(shaped)) {
    const times: number[] = [];
    const cpu: number[] = [];
    let found = 0;
    for (const q of qs) {
      const c = process.cpuUsage();
      const t = performance.now();
      const r = await searchArticles(ctx, { q, publicOnly: true, limit: 20, offset: 0 });
      times.push(performance.now() - t);
      slowest.push({ q, ms: times[times.length - 1] });
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      found += r.total;
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    all.push(...times);
    allCpu.push(...cpu);
    console.log(`  ${shape.padEnd(12)} p50 ${ms(percentile(times, 50))}  p99 ${ms(percentile(times, 99))}  ${cpuNote(cpu)}(${qs.length} queries, ${Math.round(found / qs.length)} matches on average, counted up to ${COUNT_LIMIT})`);
  }
  all.sort((a, b) => a - b);
  allCpu.sort((a, b) => a - b);
  slowest.sort((a, b) => b.ms - a.ms);
  console.log(`  slowest: ${slowest.slice(0, 5).map((s) => `${s.q} ${ms(s.ms)}`).join(', ')}`);
  console.log(`  all shapes   p50 ${ms(percentile(all, 50))}  p99 ${ms(percentile(all, 99))}  ${cpuNote(allCpu)}max ${ms(all[all.length - 1])}  (${all.length} queries, readers' search, first page of 20 with snippets)`);
  await cleanup();
}

const ONLY_POSTGRES = process.argv.includes('--postgres-only');
const dir = KEEP ? join(tmpdir(), `relais-bench-search-keep-${ARTICLES}`) : mkdtempSync(join(tmpdir(), 'relais-bench-search-'));
const file = join(dir, 'bench.sqlite');
if (KEEP && existsSync(file) && !existsSync(`${file}.done`)) rmSync(dir, { recursive: true, force: true });
const sqlite = ONLY_POSTGRES ? null : await openStore(`sqlite:${file}`);
if (sqlite) await run('SQLite', sqlite, async () => {
  await sqlite.close();
  console.log(`  database file: ${Math.round(statSync(file).size / 1e6)} MB`);
  if (KEEP) writeFileSync(`${file}.done`, '');
  else rmSync(dir, { recursive: true, force: true });
});

const pgUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : process.argv.some((a) => a.startsWith('--postgres')) ? PG_DEFAULT : null;
if (pgUrl) {
  const schema = KEEP ? `bench_search_keep_${ARTICLES}` : `bench_search_${randomBytes(4).toString('hex')}`;
  const pg = await openStore(pgUrl, { schema });
  await run('PostgreSQL', pg, async () => {
    if (!KEEP) await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(pg.db);
    await pg.close();
  });
} else console.log('PostgreSQL: skipped (set DATABASE_URL=postgres://… or pass --postgres)');
