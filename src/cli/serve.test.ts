import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { openCliHarness, type CliHarness } from './test-cli.ts';

let cli: CliHarness;
before(async () => {
  cli = await openCliHarness();
});
after(async () => cli.close());

/** Resolves with the URL the server prints; rejects if the process ends first. */
function servingUrl(child: ChildProcess, output: { text: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      output.text += d;
      const m = /serving on (http:\/\/\S+)/.exec(output.text);
      if (m) resolve(m[1]);
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (output.text += d));
    child.on('exit', (code) => reject(new Error(`serve exited (${code}) before listening:\n${output.text}`)));
  });
}

const environOf = (pid: number) => readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
const glibc = process.platform === 'linux' && !!(process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime;

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode != null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code))));
}

test('serve --demo listens on a free port, serves the site and the API, and stops cleanly on SIGTERM', { timeout: 120_000 }, async () => {
  const token = (await cli.run(['token', 'create', 'serve-test'])).stdout.trim();
  const child = cli.start(['serve', '--port', '0', '--demo']);
  const output = { text: '' };
  try {
    const url = await servingUrl(child, output);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.match(output.text, /Demo content added: \d+ articles/);

    const anonymous = await fetch(`${url}api/articles`);
    assert.equal(anonymous.status, 401);
    assert.match((await anonymous.json()).error, /API token/);
    const listed = await fetch(`${url}api/articles?language=fr&pageSize=5`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(listed.status, 200);
    const page = await listed.json();
    assert.ok(page.total >= 10, `${page.total} French articles`);
    assert.equal(page.items.length, 5);
    const home = await fetch(url);
    assert.ok(home.status < 500, `home page answers (${home.status})`);
    await home.arrayBuffer();
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited(child), 0, output.text);
  assert.match(output.text, /SIGTERM received, stopping/);
  assert.match(output.text, /Stopped\./);
});

test('serve without --demo leaves an empty database empty, and SIGINT stops it too', { timeout: 120_000 }, async () => {
  const fresh = await openCliHarness();
  const child = fresh.start(['serve']);
  const output = { text: '' };
  try {
    const url = await servingUrl(child, output);
    assert.doesNotMatch(output.text, /Demo content/);
    const r = await fetch(`${url}api/articles`);
    assert.equal(r.status, 401);
    await r.arrayBuffer();
  } finally {
    child.kill('SIGINT');
  }
  assert.equal(await exited(child), 0, output.text);
  const store = await fresh.openStore();
  try {
    const n = await store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 0);
  } finally {
    await store.close();
    await fresh.close();
  }
});

test('serve refuses a bad port with a usage message', async () => {
  const r = await cli.run(['serve', '--port', 'eighty']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /port must be a number/);
});

test('serve re-executes itself in place with the malloc settings, unless RELAIS_MALLOC=system', { timeout: 120_000, skip: !glibc && 'glibc on Linux only' }, async () => {
  for (const [extra, expected] of [[{}, true], [{ RELAIS_MALLOC: 'system' }, false]] as const) {
    const child = cli.start(['serve', '--port', '0'], extra);
    const output = { text: '' };
    try {
      const url = await servingUrl(child, output);
      const environ = environOf(child.pid!);
      assert.equal(environ.includes('MALLOC_ARENA_MAX=2'), expected, JSON.stringify(extra));
      assert.equal(environ.includes('MALLOC_MMAP_THRESHOLD_=131072'), expected);
      assert.equal((await fetch(`${url}robots.txt`)).status, 200, 'the same process, still ours, serves');
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited(child), 0, output.text);
  }
});
