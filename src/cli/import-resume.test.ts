// A bulk import killed mid-way (SIGKILL) is resumed by running the same command again: every URL ends up
// imported exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { openCliHarness } from './test-cli.ts';

const page = (n: number) => `<!doctype html><html lang="en"><head><title>Resumed story ${n}</title></head><body><article><h1>Resumed story ${n}</h1>
<p>Paragraph one of story ${n}, long enough to be taken for the body of an article by the extractor.</p>
<p>Paragraph two of story ${n}, with a few more words so that the text is clearly an article.</p></article></body></html>`;

test('relais import --from-file, killed mid-run, resumes on the next run and imports each URL once', { timeout: 120_000 }, async () => {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  let slowHits = 0;
  const server = createServer(async (req, res) => {
    const n = Number(/\/story\/(\d+)/.exec(req.url ?? '')?.[1]);
    if (n === 3) {
      slowHits++;
      if (slowHits === 1) await held; // the first run is killed while this one is in flight
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(n));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const cli = await openCliHarness();
  try {
    const list = join(cli.dataDir, 'urls.txt');
    writeFileSync(list, [1, 2, 3, 4].map((n) => `http://127.0.0.1:${port}/story/${n}`).join('\n'));
    const env = { RELAIS_FETCH_ALLOW: `127.0.0.1:${port}`, RELAIS_JOB_LEASE_MS: '1500' };
    const first = cli.start(['import', '--from-file', list, '--concurrency', '1'], env);
    let out = '';
    first.stderr!.on('data', (d) => (out += d));
    // Kill it once story 3 is being fetched (stories 1 and 2 are done by then, concurrency 1). The wait is
    // long because a loaded machine takes many seconds to start the CLI and import two pages.
    for (let i = 0; i < 800 && slowHits === 0 && first.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(slowHits, 1, `the first run never reached story 3: ${out}`);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    release();

    const second = await cli.run(['import', '--from-file', list, '--concurrency', '1'], env);
    assert.equal(second.code, 0, second.stderr + second.stdout);
    assert.match(second.stdout, /4 URL\(s\)/);
    const store = await cli.openStore();
    try {
      const titles = (await store.db.selectFrom('articles').select('title').orderBy('title').execute()).map((r) => r.title);
      assert.deepEqual(titles, ['Resumed story 1', 'Resumed story 2', 'Resumed story 3', 'Resumed story 4']);
      const jobs = await store.db.selectFrom('jobs').select(['state']).where('kind', '=', 'import-url').execute();
      assert.ok(jobs.every((j) => j.state === 'done'), JSON.stringify(jobs));
    } finally {
      await store.close();
    }
  } finally {
    release();
    server.close();
    await cli.close();
  }
});
