// Translation memory benchmark: a 200,000-unit synthetic memory (seeded generator: a Zipf-distributed
// vocabulary of syllable words, sentences of 4–40 words), fuzzy lookups p50/p99, and the TMX import rate.
// Queries come from the same generator: half are memory sources edited (words substituted, inserted,
// dropped), half new sentences — nothing is tuned to the index.
// npm run bench:tm -- [--units 200000] [--queries 2000] [--tmx 20000]   (PostgreSQL too when DATABASE_URL is set)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openStore, type Store } from '../src/store/db.ts';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import { findMatches, remember } from '../src/translate/memory.ts';
import { importTmx } from '../src/translate/tmx.ts';
import { tmxHeader, tmxUnit, TMX_FOOTER } from '../src/translate/tmx-write.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const UNITS = arg('units', 200_000);
const QUERIES = arg('queries', 2000);
const TMX_UNITS = arg('tmx', 20_000);

function generator(seed: number) {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const syl = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'de', 'fa', 'gri', 'po', 'shu', 'ber', 'tan', 'qui', 'zel', 'mor', 'an', 'es'];
  const vocab = Array.from({ length: 20_000 }, () => Array.from({ length: 1 + Math.floor(rand() * 3) + (rand() < 0.3 ? 1 : 0) }, () => syl[Math.floor(rand() * syl.length)]).join(''));
  const word = () => vocab[Math.min(vocab.length - 1, Math.floor(Math.exp(rand() * Math.log(vocab.length + 1)) - 1))];
  const sentence = () => {
    const n = 4 + Math.floor(rand() * rand() * 37);
    const w = Array.from({ length: n }, word);
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    if (rand() < 0.2) w.splice(1 + Math.floor(rand() * (n - 1)), 0, '<1>' + word() + '</1>');
    return w.join(rand() < 0.1 ? ', ' : ' ') + '.';
  };
  const edit = (text: string) => {
    const w = text.split(' ');
    for (let k = Math.floor(rand() * 4); k > 0; k--) {
      const i = Math.floor(rand() * w.length);
      const r = rand();
      if (r < 0.5) w[i] = word();
      else if (r < 0.75) w.splice(i, 0, word());
      else if (w.length > 2) w.splice(i, 1);
    }
    return w.join(' ');
  };
  return { rand, sentence, edit };
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function run(label: string, store: Store): Promise<void> {
  const ctx: AppContext = { store, site: loadConfig({}).site, now: () => new Date(), mediaDir: '', cacheDir: '' };
  const g = generator(7);
  const sources: string[] = [];
  let t0 = performance.now();
  for (let i = 0; i < UNITS; i += 5000) {
    const batch = Array.from({ length: Math.min(5000, UNITS - i) }, (_, j) => {
      const s = g.sentence();
      sources.push(s);
      return { source: s, target: `T${i + j} ${s.toLowerCase()}` };
    });
    await remember(ctx, 'en', 'fr', batch);
  }
  const buildS = (performance.now() - t0) / 1000;
  if (store.dialect === 'sqlite') await sql`ANALYZE`.execute(store.db);
  else await sql`ANALYZE`.execute(store.db);
  const times: number[] = [];
  let found = 0;
  let fuzzy = 0;
  for (let q = 0; q < QUERIES; q++) {
    const query = g.rand() < 0.5 ? g.edit(sources[Math.floor(g.rand() * sources.length)]) : g.sentence();
    const t = performance.now();
    const m = await findMatches(ctx, 'en', 'fr', query);
    times.push(performance.now() - t);
    if (m.length) found++;
    if (m.some((x) => x.score < 1)) fuzzy++;
  }
  times.sort((a, b) => a - b);
  // TMX import rate: a file of TMX_UNITS units into the other pair.
  const parts = [tmxHeader('en', new Date().toISOString())];
  for (let i = 0; i < TMX_UNITS; i++) parts.push(tmxUnit({ from: 'en', to: 'de', source: g.sentence(), target: `D${i} ${g.sentence()}`, createdAt: new Date().toISOString() }));
  parts.push(TMX_FOOTER);
  const tmx = parts.join('');
  t0 = performance.now();
  const rep = await importTmx(ctx, tmx);
  const tmxS = (performance.now() - t0) / 1000;
  console.log(`${label}: memory of ${UNITS.toLocaleString('en')} units built in ${buildS.toFixed(1)} s (${Math.round(UNITS / buildS).toLocaleString('en')} units/s)`);
  console.log(`${label}: ${QUERIES} lookups: p50 ${pct(times, 50).toFixed(2)} ms, p99 ${pct(times, 99).toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms; ${found} with matches (${fuzzy} fuzzy)`);
  console.log(`${label}: TMX import of ${rep.added.toLocaleString('en')} units (${(tmx.length / 1e6).toFixed(1)} MB) in ${tmxS.toFixed(1)} s: ${Math.round(rep.added / tmxS).toLocaleString('en')} segments/s`);
}

const dir = mkdtempSync(join(tmpdir(), 'relais-bench-tm-'));
try {
  const store = await openStore(`sqlite:${join(dir, 'tm.sqlite')}`);
  await run('SQLite', store);
  await store.close();
  const pg = process.env.DATABASE_URL;
  if (pg && /^postgres/.test(pg)) {
    const schema = `bench_tm_${randomBytes(4).toString('hex')}`;
    const s = await openStore(pg, { schema });
    try {
      await run('PostgreSQL', s);
    } finally {
      await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(s.db);
      await s.close();
    }
  } else console.log('PostgreSQL: skipped (set DATABASE_URL=postgres://… to measure it too)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
