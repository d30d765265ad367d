import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../../context.ts';
import { openTestContext } from '../../publish/test-context.ts';
import { createFetcher, type Fetcher } from '../fetch/index.ts';
import { importCommand } from './cli.ts';
import { startFeedServer, type FeedServer } from './test-feed-server.ts';

let ctx: AppContext;
let server: FeedServer;
let base: string;
let fetcher: Fetcher;

function capture(isTTY = false) {
  let text = '';
  return { out: { write: (s: string) => void (text += s), isTTY }, get text() { return text; } };
}

before(async () => {
  ctx = await openTestContext();
  server = await startFeedServer();
  base = server.base;
  fetcher = createFetcher({ allowHosts: [server.host], timeoutMs: 5000 });
});
after(async () => {
  await fetcher.close();
  await server.close();
  await ctx.store.close();
});

test('--from-file imports each URL, reports progress and a summary, and exits 1 when one failed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'relais-import-'));
  const list = join(dir, 'urls.txt');
  writeFileSync(list, `# stories\n${base}/story/1\n\n${base}/story/2\n${base}/broken\n${base}/story/1\n`);
  const stdout = capture();
  const stderr = capture();
  const code = await importCommand(ctx, fetcher, ['--from-file', list, '--concurrency', '1'], { stdout: stdout.out, stderr: stderr.out });
  assert.equal(code, 1);
  assert.match(stderr.text, /^1\/3 /m);
  assert.match(stderr.text, /^3\/3 /m);
  assert.match(stdout.text, /created draft #\d+ "Story number 1"/);
  assert.match(stdout.text, /FAILED Import of http:\/\/127\.0\.0\.1:\d+\/broken failed: .*500/);
  assert.match(stdout.text, /3 URL\(s\) \(1 repeated line\(s\) skipped\): 2 created, 0 updated, 0 already imported, 1 failed/);
  // Running the same file again finds the drafts made by the first run.
  const again = capture();
  assert.equal(await importCommand(ctx, fetcher, ['--from-file', list], { stdout: again.out, stderr: capture().out }), 1);
  assert.match(again.text, /already imported as #\d+/);
  assert.match(again.text, /0 created, 0 updated, 2 already imported, 1 failed/);
});

test('a terminal gets a one-line progress bar', async () => {
  const stdout = capture();
  const stderr = capture(true);
  const code = await importCommand(ctx, fetcher, [`${base}/story/3`], { stdout: stdout.out, stderr: stderr.out });
  assert.equal(code, 0);
  assert.match(stderr.text, /\r\[#{30}\] 1\/1 /);
});

test('usage errors exit 2 with the help text', async () => {
  const stdout = capture();
  const stderr = capture();
  assert.equal(await importCommand(ctx, fetcher, ['--bogus'], { stdout: stdout.out, stderr: stderr.out }), 2);
  assert.match(stderr.text, /unknown option/);
  assert.match(stderr.text, /relais import --from-file/);
});

test('--paste reads pasted text', async () => {
  const stdout = capture();
  const stderr = capture();
  const text = 'A harbour festival\n\n3 May 2025\n\nBy Ann Lee\n\nThe harbour festival drew large crowds this weekend, with boats, music and food stalls along the quay.\n\nRead more at https://harbour.example/festival#abcDEF123456ghij.2s';
  const code = await importCommand(ctx, fetcher, ['--paste', '-'], { stdout: stdout.out, stderr: stderr.out, readStdin: () => text });
  assert.equal(code, 0, stderr.text);
  assert.match(stdout.text, /created draft #\d+ "A harbour festival" \[en\]/);
});
