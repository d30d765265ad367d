// The third-party check: every feed, fetched from the app, read by independent parsers. RSS and Atom by
// Debian's python3-feedparser (bozo must be 0), JSON Feed against the 1.1 spec (feedparser 6 does not read
// it), and, when its code is available, the W3C Feed Validator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { buildApp } from '../app.ts';
import { openTestContext } from '../publish/test-context.ts';
import { checkJsonFeed } from './jsonfeed-check.ts';
import { HOSTILE_CLEAN, TestClock, feedparse, hasFeedparser, seedNewsroom } from './test-support.ts';

const BASE = 'http://relais.test';
const OUTSIDE = 'Zoë "Z" <Outside>';
const FR = 'Les rivières montent';
const EN = 'Rivers rise';
const AUTHORS: Record<string, string[]> = { [HOSTILE_CLEAN]: [OUTSIDE], [FR]: ['Ada Writer'], [EN]: ['Ada Writer'] };
const LINKS: Record<string, string> = { [HOSTILE_CLEAN]: `${BASE}/en/hostile`, [FR]: `${BASE}/fr/les-rivieres-montent`, [EN]: `${BASE}/en/rivers-rise` };

/** Each scope: its path, the feed's title, the HTML page it mirrors and the entries it lists, newest first. */
const SCOPES = [
  { path: '', title: 'Relais Demo', home: `${BASE}/`, titles: [HOSTILE_CLEAN, FR, EN] },
  { path: 'en/', title: 'Relais Demo (English)', home: `${BASE}/en/`, titles: [HOSTILE_CLEAN, EN] },
  { path: 'fr/', title: 'Relais Demo (français)', home: `${BASE}/fr/`, titles: [FR] },
  { path: 'section/world/', title: 'Relais Demo: Monde', home: `${BASE}/section/world/`, titles: [FR, EN] },
  { path: 'author/ada-writer/', title: 'Relais Demo: Ada Writer', home: `${BASE}/author/ada-writer/`, titles: [FR, EN] },
  { path: 'author/tom-translator/', title: 'Relais Demo: Tom Translator', home: `${BASE}/author/tom-translator/`, titles: [FR] },
];

const clock = new TestClock('2026-01-10T12:00:00Z');
let ctx: AppContext;
let app: FastifyInstance;

before(async () => {
  ctx = await openTestContext({ now: clock.now, baseUrl: BASE });
  await seedNewsroom(ctx, clock);
  app = await buildApp(ctx);
});
after(async () => {
  await app.close();
  await ctx.store.close();
});

async function fetchFeed(url: string) {
  const res = await app.inject(url);
  assert.equal(res.statusCode, 200, url);
  return { body: res.rawPayload, type: String(res.headers['content-type']) };
}

for (const [file, version] of [['feed.xml', 'rss20'], ['feed.atom', 'atom10']] as const)
  test(`feedparser reads every ${file} with bozo 0 and the expected titles, links and authors`, {
    skip: !hasFeedparser && 'needs Debian python3-feedparser (/usr/bin/python3 -c "import feedparser"); apt-get install python3-feedparser',
  }, async () => {
    for (const scope of SCOPES) {
      const url = `/${scope.path}${file}`;
      const { body, type } = await fetchFeed(url);
      const d = feedparse(body, type);
      assert.equal(d.bozo, 0, `${url}: ${d.bozo_exception}`);
      assert.equal(d.version, version, url);
      assert.equal(d.feed.title, scope.title, url);
      assert.equal(d.feed.link, scope.home, url);
      assert.ok(d.feed.links.some((l) => l.rel === 'self' && l.href === `${BASE}/${scope.path}${file}`), `${url}: self link`);
      assert.deepEqual(d.entries.map((e) => e.title), scope.titles, url);
      for (const e of d.entries) {
        assert.equal(e.link, LINKS[e.title], `${url} ${e.title}: link`);
        assert.deepEqual(e.authors, AUTHORS[e.title], `${url} ${e.title}: authors`);
        assert.match(e.id, /^tag:relais\.test,\d{4}-\d{2}-\d{2}:article:\d+$/);
        assert.ok(e.published_parsed, `${url} ${e.title}: date parsed`);
        assert.ok(e.content[0]?.length > 0, `${url} ${e.title}: full content`);
      }
      const fr = d.entries.find((e) => e.title === FR);
      if (fr) {
        // RSS categories are labels; Atom ones are terms with a label.
        if (version === 'rss20') assert.deepEqual(fr.tags, ['Monde', 'Climat'], `${url}: categories`);
        if (version === 'atom10') {
          assert.deepEqual(fr.tags, ['world', 'climat'], `${url}: category terms`);
          assert.deepEqual(fr.labels, ['Monde', 'Climat'], `${url}: category labels`);
          assert.deepEqual(fr.contributors, ['Tom Translator'], `${url}: translator as contributor`);
          assert.ok(fr.links.some((l) => l.rel === 'via' && l.href === 'https://post.example/2026/rivers-rise'), `${url}: via link to the original`);
        }
      }
      const en = d.entries.find((e) => e.title === EN);
      if (en) assert.deepEqual(en.media, [`${BASE}/media/2026/river.jpg`], `${url}: image`);
    }
  });

test('the feedparser check can fail: a broken feed is bozo', { skip: !hasFeedparser && 'needs Debian python3-feedparser' }, () => {
  const broken = '<?xml version="1.0"?><rss version="2.0"><channel><title>A & B</title><item><title>\u0001</title></item></channel></rss>';
  assert.equal(feedparse(broken, 'application/rss+xml; charset=utf-8').bozo, 1);
});

test('every feed.json conforms to JSON Feed 1.1 with the expected titles, links and authors', async () => {
  for (const scope of SCOPES) {
    const url = `/${scope.path}feed.json`;
    const { body, type } = await fetchFeed(url);
    assert.equal(type, 'application/feed+json; charset=utf-8');
    const feed = JSON.parse(body.toString('utf8'));
    assert.deepEqual(checkJsonFeed(feed), [], url);
    assert.equal(feed.title, scope.title);
    assert.equal(feed.home_page_url, scope.home);
    assert.equal(feed.feed_url, `${BASE}${url}`);
    const items = feed.items as Array<{ title: string; url: string; authors?: Array<{ name: string }> }>;
    assert.deepEqual(items.map((i) => i.title), scope.titles);
    for (const i of items) {
      assert.equal(i.url, LINKS[i.title]);
      assert.deepEqual(i.authors?.map((a) => a.name), AUTHORS[i.title]);
    }
  }
});

const VALIDATOR = new URL('../../../shared/tools/feedvalidator/validate.sh', import.meta.url).pathname;
const fvSrc = process.env.FEEDVALIDATOR_SRC;
const validatorSkip = !existsSync(VALIDATOR)
  ? `needs ../shared/tools/feedvalidator/validate.sh`
  : !fvSrc || !existsSync(join(fvSrc, 'feedvalidator', '__init__.py'))
    ? 'optional W3C Feed Validator check: set FEEDVALIDATOR_SRC to the src/ folder of w3c/feedvalidator (see ../shared/tools/feedvalidator/README.md)'
    : false;

test('the W3C Feed Validator finds no error in any RSS or Atom feed', { skip: validatorSkip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'relais-feeds-'));
  for (const scope of SCOPES)
    for (const file of ['feed.xml', 'feed.atom']) {
      const { body, type } = await fetchFeed(`/${scope.path}${file}`);
      const path = join(dir, `${scope.path.replace(/\//g, '_')}${file}`);
      writeFileSync(path, body);
      const r = spawnSync(VALIDATOR, ['--json', '--base', `${BASE}/${scope.path}${file}`, '--content-type', type, path], { encoding: 'utf8' });
      assert.notEqual(r.status, 2, `validator setup: ${r.stderr}`);
      const report = JSON.parse(r.stdout) as { valid: boolean; errors: Array<{ text: string }> };
      assert.deepEqual(report.errors.map((e) => e.text), [], `/${scope.path}${file}`);
      assert.equal(report.valid, true);
    }
});
