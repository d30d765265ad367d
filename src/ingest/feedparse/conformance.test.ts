// Runs the conformance harness core over the feedparser corpus and asserts no unexpected result
// (failures outside conformance-expected-failures.json, or listed ones that now pass).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { DEFAULT_CORPUS, DEFAULT_EVALUATOR, runConformance } from './conformance.ts';

const skip = !(existsSync(DEFAULT_CORPUS) && existsSync(DEFAULT_EVALUATOR)) && 'needs ../shared/corpora/feedparser-tests and ../shared/tools/feedparser-expect';

test('feedparser corpus: no unexpected failures or passes', { skip }, async () => {
  const s = await runConformance();
  assert.ok(s.runs.length > 4000);
  assert.deepEqual(s.unexpectedFailures.map((r) => `${r.id}: ${r.reason}`), []);
  assert.deepEqual(s.unexpectedPasses, []);
  const core = s.tiers.core;
  assert.ok(core.passed / (core.passed + core.failed) >= 0.95, `core tier ${core.passed}/${core.passed + core.failed}`);
});
