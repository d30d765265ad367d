import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCliHarness, type CliHarness } from './test-cli.ts';
import { startFeedServer, type FeedServer } from '../ingest/import/test-feed-server.ts';

let cli: CliHarness;
let srv: FeedServer;

before(async () => {
  cli = await openCliHarness();
  srv = await startFeedServer([
    { guid: 'a', title: 'Story number 31', link: '/story/31', description: 'First teaser of the loopback feed.' },
    { guid: 'b', title: 'Story number 32', link: '/story/32', description: 'Second teaser of the loopback feed.' },
  ]);
});
after(async () => {
  await srv.close();
  await cli.close();
});

/** Resolves when the output matches; rejects if the process ends first. */
function waitFor(child: ChildProcess, output: { text: string }, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = pattern.exec(output.text);
      if (m) resolve(m);
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.on('exit', (code) => reject(new Error(`serve exited (${code}) before ${pattern}:\n${output.text}`)));
    check();
  });
}

function start(env: NodeJS.ProcessEnv): { child: ChildProcess; output: { text: string } } {
  const child = cli.start(['serve', '--port', '0'], env);
  const output = { text: '' };
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (output.text += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (output.text += d));
  return { child, output };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode != null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code))));

test('serve polls a subscribed feed in the background: candidates appear with no manual step; SIGTERM stops both', { timeout: 120_000 }, async () => {
  // Subscribed from OPML: nothing is fetched at subscription time, so only the poller can find the entries.
  const opml = join(cli.dataDir, 'subs.opml');
  writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><body><outline text="Loopback" xmlUrl="${srv.feedUrl}"/></body></opml>`);
  const env = { RELAIS_FETCH_ALLOW: srv.host };
  const sub = await cli.run(['feeds', 'import-opml', opml], env);
  assert.equal(sub.code, 0, sub.stderr);
  assert.match((await cli.run(['feeds', 'candidates'])).stdout, /0 shown/);

  const { child, output } = start(env);
  try {
    await waitFor(child, output, /Press Ctrl-C to stop/);
    assert.match(output.text, /Polling subscribed feeds in the background/);
    await waitFor(child, output, /\[poll\] feed #1 http:\/\/127\.0\.0\.1:\d+\/feed\.xml: 2 new candidate\(s\)/);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited(child), 0, output.text);
  assert.match(output.text, /Stopped\./);
  const store = await cli.openStore();
  try {
    const rows = await store.db.selectFrom('import_candidates').select(['title', 'state']).orderBy('title').execute();
    assert.deepEqual(rows.map((r) => `${r.title}:${r.state}`), ['Story number 31:new', 'Story number 32:new']);
    const feed = await store.db.selectFrom('feeds').select(['last_status', 'lease_owner']).executeTakeFirstOrThrow();
    assert.equal(Number(feed.last_status), 200);
    assert.equal(feed.lease_owner, null, 'the poller gave its leases back on the way out');
  } finally {
    await store.close();
  }
});

test('RELAIS_POLL=0 serves without the poller', { timeout: 120_000 }, async () => {
  const { child, output } = start({ RELAIS_POLL: '0' });
  try {
    await waitFor(child, output, /Press Ctrl-C to stop/);
    assert.doesNotMatch(output.text, /Polling/);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited(child), 0, output.text);
});
