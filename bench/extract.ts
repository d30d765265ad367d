// Article-extraction benchmark: our extractor vs @mozilla/readability (on linkedom) over the shared
// corpus, same pages, same run. Prints precision / recall / F1 (score.mjs), empty outputs, pages/s
// (extraction only: parsing included, file reading and gunzip excluded) and memory over repeated passes.
//
//   npm run bench:extract -- [--passes 5] [--corpus DIR] [--only relais|readability] [--per-item]
// Quality and memory are measured one system at a time; speed with the systems taking turns page by
// page, so that load from other processes on the machine weighs on both alike.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../src/extract/index.ts';
import { decodeBody } from '../src/text/decode.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    passes: { type: 'string', default: '5' },
    corpus: { type: 'string', default: resolve(root, '../shared/corpora/article-extraction') },
    scorer: { type: 'string', default: resolve(root, '../shared/tools/extraction-eval/score.mjs') },
    out: { type: 'string', default: join(root, 'bench-results') },
    only: { type: 'string' },
    'per-item': { type: 'boolean', default: false },
  },
});
const passes = Math.max(1, Number(args.passes) || 1);
const corpus = args.corpus!;
if (!existsSync(join(corpus, 'ground-truth.json'))) {
  console.error(`bench:extract: corpus not found at ${corpus} (expects ground-truth.json and html/*.html.gz)`);
  process.exit(2);
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const truth = JSON.parse(readFileSync(join(corpus, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url?: string }>;
const ids = Object.keys(truth).filter((id) => existsSync(join(corpus, 'html', `${id}.html.gz`)));
// Read, decompress and decode everything up front: only extraction (parsing included) is timed.
const pages = ids.map((id) => ({ id, url: truth[id].url, html: decodeBody(gunzipSync(readFileSync(join(corpus, 'html', `${id}.html.gz`))), { kind: 'html' }).text }));
const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p.html), 0);

type Extractor = (html: string, url: string | undefined) => string;
const systems: Record<string, Extractor> = {
  relais: (html, url) => extractArticle(html, { url }).text,
  readability: (html) => {
    const { document } = parseHTML(html);
    const art = new Readability(document as unknown as Document).parse();
    return art?.textContent ?? '';
  },
};

const { evaluate } = (await import(pathToFileURL(args.scorer!).href)) as {
  evaluate: (t: unknown, p: unknown, ids: string[], o: { nBootstrap: number }) => {
    metrics: { f1: number; precision: number; recall: number; accuracy: number };
    perItem: Record<string, { precision: number | null; recall: number | null }>;
  };
};

mkdirSync(args.out!, { recursive: true });
const mb = (n: number) => (n / 1048576).toFixed(1);
const names = Object.keys(systems).filter((n) => !args.only || args.only === n);
console.log(`corpus: ${pages.length} pages, ${mb(bytes)} MiB of HTML; ${passes} pass(es); node ${process.version}`);

function run(name: string, html: string, url: string | undefined): { text: string; ms: number; error?: Error } {
  const t0 = process.hrtime.bigint();
  try {
    const text = systems[name](html, url);
    return { text, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
  } catch (e) {
    return { text: '', ms: Number(process.hrtime.bigint() - t0) / 1e6, error: e as Error };
  }
}

// Phase 1, one system at a time: predictions (first pass), and heap / RSS after each pass to show that
// memory stays flat. Peak RSS is the process's; the first system's figure is its own.
interface Result { preds: Record<string, { articleBody: string }>; errors: number; heaps: number[]; rss: number[]; peak: number;
  soloTimes: number[]; pairedTimes: number[] }
const results: Record<string, Result> = {};
for (const name of names) {
  const r: Result = { preds: {}, errors: 0, heaps: [], rss: [], peak: 0, soloTimes: [], pairedTimes: [] };
  for (let pass = 0; pass < passes; pass++) {
    let elapsed = 0;
    for (const p of pages) {
      const out = run(name, p.html, p.url);
      elapsed += out.ms;
      if (pass === 0) {
        r.preds[p.id] = { articleBody: out.text };
        if (out.error) {
          r.errors++;
          console.error(`${name}: ${p.id}: ${out.error.message}`);
        }
      }
    }
    r.soloTimes.push(elapsed);
    gc();
    const m = process.memoryUsage();
    r.heaps.push(m.heapUsed);
    r.rss.push(m.rss);
  }
  r.peak = process.resourceUsage().maxRSS * 1024;
  results[name] = r;
}

// Phase 2, speed: the systems take turns page by page, so a busy machine slows both alike.
if (names.length > 1) {
  for (let pass = 0; pass < passes; pass++) {
    const elapsed: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
    for (const p of pages) for (const name of names) elapsed[name] += run(name, p.html, p.url).ms;
    for (const name of names) results[name].pairedTimes.push(elapsed[name]);
  }
}

const rows: string[] = [];
const speeds: Record<string, number> = {};
for (const name of names) {
  const r = results[name];
  const file = join(args.out!, `extract-${name}.json`);
  writeFileSync(file, JSON.stringify(r.preds));
  const { metrics, perItem } = evaluate(truth, r.preds, ids, { nBootstrap: 0 });
  if (args['per-item']) writeFileSync(join(args.out!, `extract-${name}.per-item.json`), JSON.stringify(perItem, null, 1));
  const empty = ids.filter((id) => !r.preds[id].articleBody.trim()).length;
  const times = r.pairedTimes.length ? r.pairedTimes : r.soloTimes;
  const best = Math.min(...times);
  const pps = (pages.length / best) * 1000;
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(`\n${name}`);
  console.log(`  F1 ${metrics.f1.toFixed(3)}  precision ${metrics.precision.toFixed(3)}  recall ${metrics.recall.toFixed(3)}  ` +
    `accuracy ${metrics.accuracy.toFixed(3)}  empty ${empty}  errors ${r.errors}`);
  console.log(`  speed: ${pps.toFixed(1)} pages/s (best pass ${best.toFixed(0)} ms, mean ${mean.toFixed(0)} ms` +
    `${r.pairedTimes.length ? ', taking turns page by page with the other system' : ''}; ` +
    `${((bytes / 1048576) / (best / 1000)).toFixed(1)} MiB/s; alone: best pass ${Math.min(...r.soloTimes).toFixed(0)} ms)`);
  console.log(`  heap after GC per pass (MiB): ${r.heaps.map(mb).join(' ')}`);
  console.log(`  RSS per pass (MiB): ${r.rss.map(mb).join(' ')}; peak RSS of the process after these passes ${mb(r.peak)}`);
  console.log(`  predictions: ${file}`);
  speeds[name] = pps;
  const growth = r.heaps[r.heaps.length - 1] - r.heaps[0];
  rows.push(`${name.padEnd(12)} F1 ${metrics.f1.toFixed(3)}  P ${metrics.precision.toFixed(3)}  R ${metrics.recall.toFixed(3)}  ` +
    `empty ${empty}  ${pps.toFixed(1)} pages/s  heap after GC ${mb(r.heaps[0])} -> ${mb(r.heaps[r.heaps.length - 1])} MiB ` +
    `(${growth >= 0 ? '+' : ''}${mb(growth)} over ${passes} passes)`);
}
console.log(`\nsummary\n${rows.map((r) => '  ' + r).join('\n')}`);
if (speeds.relais && speeds.readability) {
  console.log(`  speed ratio relais / readability: ${(speeds.relais / speeds.readability).toFixed(2)}x`);
}
console.log(`  peak RSS of this process: ${mb(process.resourceUsage().maxRSS * 1024)} MiB (corpus held in memory: ${mb(bytes)} MiB of HTML)`);
