import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const data = fileURLToPath(new URL('./testdata/', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

test('one JSON line per file, .html and .html.gz, with --url', () => {
  const r = run(`${data}og-only.html.gz`, `${data}french-cp1252-declared-utf8.html`, '--url', 'https://valley.example/x');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  assert.equal(lines[0].file, `${data}og-only.html.gz`);
  assert.equal(lines[0].title, 'Night trains return to the valley');
  for (const k of ['title', 'authors', 'publishedAt', 'language', 'siteName', 'canonicalUrl', 'leadImage', 'text', 'html']) {
    assert.ok(k in lines[0], k);
  }
  assert.match(lines[1].text, /coûte désormais 25 € par jour/);
});

test('a failing file is reported on stderr with its name, the others still processed, exit non-zero', () => {
  const r = run(`${data}missing.html`, `${data}nometa.html`, `${data}jsonld.html`);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /missing\.html: no such file/);
  assert.equal(r.stdout.trim().split('\n').length, 2);
});

test('bad usage', () => {
  assert.equal(run().status, 2);
  assert.equal(run('--url').status, 2);
  assert.equal(run('--url', 'not a url', `${data}nometa.html`).status, 2);
  assert.equal(run('--bogus').status, 2);
  const h = run('--help');
  assert.equal(h.status, 0);
  assert.match(h.stdout, /usage: relais extract/);
});
