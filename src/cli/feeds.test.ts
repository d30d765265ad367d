import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCliHarness, type CliHarness } from './test-cli.ts';
import { FULL_TEXT_HTML, startFeedServer, type FeedServer } from '../ingest/import/test-feed-server.ts';

let cli: CliHarness;
let srv: FeedServer;
let allow: NodeJS.ProcessEnv;

before(async () => {
  cli = await openCliHarness();
  srv = await startFeedServer([
    { guid: 'a', title: 'Story number 21', link: '/story/21', description: 'Teaser.', pubDate: 'Sun, 14 Sep 2025 06:00:00 GMT' },
    { guid: 'b', title: 'The ferry runs again', link: '/gone/b', content: FULL_TEXT_HTML },
  ]);
  allow = { RELAIS_FETCH_ALLOW: srv.host };
});
after(async () => {
  await srv.close();
  await cli.close();
});

const run = (args: string[], env: NodeJS.ProcessEnv = allow) => cli.run(args, env);

test('feeds add subscribes by home page (autodiscovery); list shows it; a refused URL fails with the reason', { timeout: 60_000 }, async () => {
  const added = await run(['feeds', 'add', `${srv.base}/home`, '--folder', 'Local']);
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /^subscribed #1 +active +Loopback Courier +http:\/\/127\.0\.0\.1:\d+\/feed\.xml +\[Local\]/m);
  assert.match(added.stdout, /found by autodiscovery; 2 candidate\(s\) from the first fetch/);
  const again = await run(['feeds', 'add', srv.feedUrl]);
  assert.match(again.stdout, /^already subscribed: #1 /);

  const list = await run(['feeds', 'list']);
  assert.equal(list.code, 0);
  assert.ok(list.stdout.includes(srv.feedUrl));
  assert.match(list.stdout, /1 shown; 1 active, 0 paused/);

  const refused = await run(['feeds', 'add', 'http://10.0.0.1/feed']);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /relais feeds: url "http:\/\/10\.0\.0\.1\/feed" is refused: .* \(url\)/);
  const notAllowed = await run(['feeds', 'add', `${srv.base}/feed.xml`], {});
  assert.equal(notAllowed.code, 1, 'without RELAIS_FETCH_ALLOW the loopback server is refused');
  assert.match(notAllowed.stderr, /refused/);
  assert.match((await run(['feeds', 'list'])).stdout, /1 shown/);
});

test('feeds pause / resume, usage errors and --help', async () => {
  const paused = await run(['feeds', 'pause', '1', '--reason', 'holiday']);
  assert.equal(paused.code, 0, paused.stderr);
  assert.match(paused.stdout, /^paused #1 +paused/m);
  assert.match(paused.stdout, /paused \(holiday\)/);
  assert.match((await run(['feeds', 'list', '--status', 'paused'])).stdout, /1 shown; 0 active, 1 paused/);
  assert.match((await run(['feeds', 'resume', '1'])).stdout, /^resumed #1 +active/m);
  const missing = await run(['feeds', 'pause', '99']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no feed with id 99/);
  const bad = await run(['feeds', 'pause', 'one']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /feed id must be a positive whole number/);
  assert.equal((await run(['feeds', 'frobnicate'])).code, 2);
  assert.equal((await run(['feeds', 'list', '--status', 'asleep'])).code, 2);
  for (const args of [['feeds', '--help'], ['feeds', 'add', '--help'], ['feeds', 'export-opml', '--help'], ['poll', '--help']]) {
    const help = await run(args);
    assert.equal(help.code, 0, args.join(' '));
    assert.match(help.stdout, /^usage: relais (feeds|poll)/, args.join(' '));
  }
});

test('feeds export-opml to stdout and to a file; import-opml reports each line', async () => {
  const out = await run(['feeds', 'export-opml']);
  assert.equal(out.code, 0);
  assert.match(out.stdout, /^<\?xml/);
  assert.ok(out.stdout.includes(`xmlUrl="${srv.feedUrl}"`));
  const file = join(cli.dataDir, 'subs.opml');
  const written = await run(['feeds', 'export-opml', file]);
  assert.equal(written.code, 0);
  assert.match(written.stderr, /1 subscription\(s\) written/);
  const dateless = (x: string) => x.replace(/<dateCreated>.*<\/dateCreated>/, '').trimEnd();
  assert.equal(dateless(readFileSync(file, 'utf8')), dateless(out.stdout));

  const opml = join(cli.dataDir, 'in.opml');
  writeFileSync(
    opml,
    `<?xml version="1.0"?>\n<opml version="2.0"><body>\n<outline text="Known" xmlUrl="${srv.feedUrl}"/>\n<outline text="Other" xmlUrl="https://other.example/rss"/>\n<outline text="Bad" xmlUrl="ftp://x.example/feed"/>\n</body></opml>`,
  );
  const imported = await run(['feeds', 'import-opml', opml]);
  assert.equal(imported.code, 1, 'a refused line makes the exit code 1');
  assert.match(imported.stdout, /^line 3: exists #1 /m);
  assert.match(imported.stdout, /^line 4: added #2 https:\/\/other\.example\/rss "Other"/m);
  assert.match(imported.stdout, /^line 5: invalid ftp:\/\/x\.example\/feed "Bad" — .*refused/m);
  assert.match(imported.stdout, /1 added, 1 already subscribed, 1 refused/);
  const removed = await run(['feeds', 'remove', '2']);
  assert.match(removed.stdout, /removed feed #2/);
  const notOpml = join(cli.dataDir, 'rss.xml');
  writeFileSync(notOpml, '<rss version="2.0"></rss>');
  const refused = await run(['feeds', 'import-opml', notOpml]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /OPML import failed: not an OPML document/);
});

test('poll --once polls what is due and stores the new entries; candidates and import-candidate', { timeout: 60_000 }, async () => {
  srv.items.unshift({ guid: 'c', title: 'Story number 22', link: '/story/22', description: 'Another teaser.' });
  const polled = await run(['poll', '--once']);
  assert.equal(polled.code, 0, polled.stderr);
  assert.match(polled.stdout, /^feed #1 http:\/\/127\.0\.0\.1:\d+\/feed\.xml: ok \(200\); 1 new candidate\(s\)/m);
  assert.match(polled.stdout, /^1 poll\(s\): 1 ok, 0 not modified, 0 failed; 1 new candidate\(s\)$/m);
  const idle = await run(['poll', '--once']);
  assert.match(idle.stdout, /^0 poll\(s\)/m, 'nothing is due right after a poll');

  const listed = await run(['feeds', 'candidates', '--state', 'new']);
  assert.match(listed.stdout, /3 shown; 3 new, 0 imported, 0 dismissed/);
  const items = JSON.parse((await run(['feeds', 'candidates', '--json'])).stdout) as Array<{ id: number; guid: string }>;
  const id = (guid: string) => String(items.find((c) => c.guid === guid)!.id);
  const imported = await run(['feeds', 'import-candidate', id('c')]);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /^created draft #1 "Story number 22" \[en\] \(from the page\)/);
  assert.match((await run(['feeds', 'import-candidate', id('c')])).stdout, /^already imported as #1 /);
  const fromFeed = await run(['feeds', 'import-candidate', id('b')]);
  assert.match(fromFeed.stdout, /^created draft #2 "The ferry runs again" .* feed entry's own content: .*404/);
  assert.match((await run(['feeds', 'dismiss', id('a')])).stdout, /dismissed candidate #\d+ "Story number 21"/);
  assert.match((await run(['feeds', 'candidates'])).stdout, /3 shown; 0 new, 2 imported, 1 dismissed/);
  const store = await cli.openStore();
  try {
    const drafts = await store.db.selectFrom('articles').select(['title', 'status']).orderBy('id').execute();
    assert.deepEqual(drafts.map((d) => ({ ...d })), [{ title: 'Story number 22', status: 'draft' }, { title: 'The ferry runs again', status: 'draft' }]);
  } finally {
    await store.close();
  }
});
