// Scores the extractor over the shared article-extraction corpus with the shared scorer and asserts
// a floor, so a regression in body detection fails the suite. Skips where ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extractArticle } from './index.ts';

const FLOOR = 0.98; // measured 0.987 (npm run bench:extract, deterministic); the target is 0.97
const corpus = fileURLToPath(new URL('../../../shared/corpora/article-extraction/', import.meta.url));
const scorer = fileURLToPath(new URL('../../../shared/tools/extraction-eval/score.mjs', import.meta.url));
const present = existsSync(corpus + 'ground-truth.json') && existsSync(scorer);

test('article-extraction corpus: F1 floor, no empty output', { skip: !present && 'needs ../shared/corpora/article-extraction and ../shared/tools/extraction-eval' }, async () => {
  const truth = JSON.parse(readFileSync(corpus + 'ground-truth.json', 'utf8')) as Record<string, { articleBody: string; url?: string }>;
  const ids = Object.keys(truth);
  const preds: Record<string, { articleBody: string }> = {};
  for (const id of ids) {
    const html = gunzipSync(readFileSync(`${corpus}html/${id}.html.gz`)).toString('utf8');
    preds[id] = { articleBody: extractArticle(html, { url: truth[id].url }).text };
  }
  const { evaluate } = await import(scorer);
  const { metrics } = evaluate(truth, preds, ids, { nBootstrap: 0 });
  const empty = ids.filter((id) => !preds[id].articleBody.trim());
  assert.deepEqual(empty, [], 'pages with empty output');
  assert.ok(metrics.f1 >= FLOOR, `F1 ${metrics.f1.toFixed(4)} below floor ${FLOOR}`);
  assert.ok(metrics.precision >= FLOOR - 0.01, `precision ${metrics.precision.toFixed(4)}`);
  assert.ok(metrics.recall >= FLOOR - 0.01, `recall ${metrics.recall.toFixed(4)}`);
});

// Set a little under the measured figure (see bench:extract) so noise-free regressions are caught.

