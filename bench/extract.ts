// Article-extraction benchmark: our extractor vs @mozilla/readability (on linkedom) over the shared
// corpus, same pages, same run. Prints precision / recall / F1 (score.mjs), empty outputs, pages/s
// (extraction only: parsing included, file reading and gunzip excluded) and memory over repeated passes.
//
//   npm run bench:extract -- [--passes 5] [--corpus DIR] [--only relais|readability] [--per-item]
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
import { decodeHtml } from '../src/extract/decode.ts';

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
const pages = ids.map((id) => ({ id, url: truth[id].url, html: decodeHtml(gunzipSync(readFileSync(join(corpus, 'html', `${id}.html.gz`)))).text }));
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
console.log(`corpus: ${pages.length} pages, ${mb(bytes)} MiB of HTML; ${passes} pass(es) per system; node ${process.version}`);

const rows: string[] = [];
const speeds: Record<string, number> = {};
for (const [name, fn] of Object.entries(systems)) {
  if (args.only && args.only !== name) continue;
  const preds: Record<string, { articleBody: string }> = {};
  const times: number[] = [];
  const heaps: number[] = [];
  const rss: number[] = [];
  let failures = 0;
  for (let pass = 0; pass < passes; pass++) {
    let elapsed = 0;
    for (const p of pages) {
      const t0 = process.hrtime.bigint();
      let text = '';
      try {
        text = fn(p.html, p.url);
      } catch (e) {
        if (pass === 0) {
          failures++;
          console.error(`${name}: ${p.id}: ${(e as Error).message}`);
        }
      }
      elapsed += Number(process.hrtime.bigint() - t0) / 1e6;
      if (pass === 0) preds[p.id] = { articleBody: text };
    }
    times.push(elapsed);
    gc();
    const m = process.memoryUsage();
    heaps.push(m.heapUsed);
    rss.push(m.rss);
  }
  const file = join(args.out!, `extract-${name}.json`);
  writeFileSync(file, JSON.stringify(preds));
  const { metrics, perItem } = evaluate(truth, preds, ids, { nBootstrap: 0 });
  if (args['per-item']) writeFileSync(join(args.out!, `extract-${name}.per-item.json`), JSON.stringify(perItem, null, 1));
  const empty = ids.filter((id) => !preds[id].articleBody.trim()).length;
  const best = Math.min(...times);
  const pps = (pages.length / best) * 1000;
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(`\n${name}`);
  console.log(`  F1 ${metrics.f1.toFixed(3)}  precision ${metrics.precision.toFixed(3)}  recall ${metrics.recall.toFixed(3)}  ` +
    `accuracy ${metrics.accuracy.toFixed(3)}  empty ${empty}  errors ${failures}`);
  console.log(`  speed: ${pps.toFixed(1)} pages/s (best pass ${best.toFixed(0)} ms; mean pass ${mean.toFixed(0)} ms; ` +
    `${((bytes / 1048576) / (best / 1000)).toFixed(1)} MiB/s)`);
  console.log(`  heap after GC per pass (MiB): ${heaps.map(mb).join(' ')}`);
  console.log(`  RSS per pass (MiB): ${rss.map(mb).join(' ')}; peak RSS so far ${mb(process.resourceUsage().maxRSS * 1024)}`);
  console.log(`  predictions: ${file}`);
  speeds[name] = pps;
  const growth = heaps[heaps.length - 1] - heaps[0];
  rows.push(`${name.padEnd(12)} F1 ${metrics.f1.toFixed(3)}  P ${metrics.precision.toFixed(3)}  R ${metrics.recall.toFixed(3)}  ` +
    `empty ${empty}  ${pps.toFixed(1)} pages/s  heap after GC ${mb(heaps[0])} -> ${mb(heaps[heaps.length - 1])} MiB ` +
    `(${growth >= 0 ? '+' : ''}${mb(growth)} over ${passes} passes)`);
}
console.log(`\nsummary\n${rows.map((r) => '  ' + r).join('\n')}`);
if (speeds.relais && speeds.readability) {
  console.log(`  speed ratio relais / readability: ${(speeds.relais / speeds.readability).toFixed(2)}x`);
}
console.log(`  peak RSS of this process: ${mb(process.resourceUsage().maxRSS * 1024)} MiB (both systems, corpus held in memory)`);
