// npm run conformance:feeds — our feed parser against the feedparser test corpus (shared/corpora/feedparser-tests).
// Prints passed/failed per folder and per tier; exits 1 when a case fails that is not listed in
// src/ingest/feedparse/conformance-expected-failures.json, or when a listed case now passes.
// Options: --write-expected (rewrite the list from this run, keeping existing reasons), --only <regex>, --verbose
import { existsSync, writeFileSync } from 'node:fs';
import {
  DEFAULT_CORPUS, DEFAULT_EVALUATOR, EXPECTED_FAILURES_FILE, loadExpectedFailures, runConformance,
} from '../src/ingest/feedparse/conformance.ts';

const args = process.argv.slice(2);
const onlyIdx = args.indexOf('--only');
if (!existsSync(DEFAULT_CORPUS) || !existsSync(DEFAULT_EVALUATOR)) {
  console.log(`skipped: needs ${DEFAULT_CORPUS} and ${DEFAULT_EVALUATOR}`);
  process.exit(0);
}
const expected = loadExpectedFailures();
const t0 = performance.now();
const s = await runConformance({ expected, only: onlyIdx >= 0 ? new RegExp(args[onlyIdx + 1]) : undefined });
const pct = (p: number, f: number): string => (p + f ? ((100 * p) / (p + f)).toFixed(1) : '0.0');
console.log(`feedparser corpus, ${s.runs.length} runs (HTTP cases served at ${s.httpOrigin})`);
for (const [folder, c] of [...s.byFolder].sort()) console.log(`  ${folder.padEnd(28)} ${String(c.passed).padStart(5)} passed ${String(c.failed).padStart(4)} failed`);
const all = { passed: s.tiers.core.passed + s.tiers.sanitize.passed, failed: s.tiers.core.failed + s.tiers.sanitize.failed };
console.log(`tier core (all but wellformed/sanitize): ${s.tiers.core.passed} passed, ${s.tiers.core.failed} failed (${pct(s.tiers.core.passed, s.tiers.core.failed)}%)`);
console.log(`tier sanitize (wellformed/sanitize):     ${s.tiers.sanitize.passed} passed, ${s.tiers.sanitize.failed} failed (${pct(s.tiers.sanitize.passed, s.tiers.sanitize.failed)}%)`);
console.log(`total: ${all.passed} passed, ${all.failed} failed (${pct(all.passed, all.failed)}%)`);
const slowest = [...s.runs].sort((a, b) => b.ms - a.ms)[0];
const illformed = s.runs.filter((r) => r.folder === 'illformed');
console.log(`ill-formed cases: ${illformed.length} ran to completion (no crash, no hang); slowest run ${slowest?.id} ${slowest?.ms.toFixed(1)} ms; wall ${((performance.now() - t0) / 1000).toFixed(1)} s`);
if (args.includes('--verbose')) for (const r of s.runs.filter((x) => !x.pass)) console.log(`FAIL ${r.id}: ${r.reason}`);
if (args.includes('--write-expected')) {
  const failures: Record<string, string> = {};
  for (const r of s.runs.filter((x) => !x.pass)) failures[r.id] = expected[r.id] ?? expected[r.file] ?? `TODO: ${r.reason}`;
  writeFileSync(EXPECTED_FAILURES_FILE, JSON.stringify({ comment: 'Runs of the feedparser corpus we knowingly fail: "<path>#<strict|loose|once>": reason. Trim when they pass.', failures }, null, 1) + '\n');
  console.log(`wrote ${Object.keys(failures).length} expected failures to ${EXPECTED_FAILURES_FILE}`);
  process.exit(0);
}
for (const r of s.unexpectedFailures) console.log(`UNEXPECTED FAILURE ${r.id}: ${r.reason}`);
for (const id of s.unexpectedPasses) console.log(`UNEXPECTED PASS (remove from the list) ${id}`);
process.exit(s.unexpectedFailures.length || s.unexpectedPasses.length ? 1 : 0);
