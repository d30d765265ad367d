// Publishing purges the CDN through a loopback server: the keys, the token, retries, and a publish that never
// waits for or fails by the purge (SQLite and PostgreSQL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../context.ts';
import { openTestContext } from '../publish/test-context.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { addCorrection } from '../publish/corrections.ts';
import { createArticle, editArticle, publishArticle, removeArticle, unpublishArticle } from '../publish/articles.ts';
import { createPerson, editPerson } from '../publish/people.ts';
import { createSection } from '../publish/sections.ts';
import { DEFAULT_POLICY } from './policy.ts';
import { createPurger } from './purger.ts';

interface Hit { auth: string | undefined; body: { keys: string[] } }
let server: Server;
let url: string;
let hits: Hit[] = [];
/** Statuses the server answers with, in turn; then 200. */
let failures: number[] = [];

before(async () => {
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      hits.push({ auth: req.headers.authorization, body: JSON.parse(data) });
      res.writeHead(failures.shift() ?? 200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`;
});
after(() => new Promise((r) => server.close(r)));

async function withPurge(run: (ctx: AppContext, logs: string[]) => Promise<void>) {
  hits = [];
  failures = [];
  const logs: string[] = [];
  const ctx = await openTestContext();
  try {
    await run(ctx, logs);
  } finally {
    await ctx.store.close();
  }
}

async function fixture(ctx: AppContext) {
  const world = await createSection(ctx, { name: 'World' });
  const ada = await createPerson(ctx, { name: 'Ada' });
  const source = await createArticle(ctx, { language: 'en', title: 'Source', bodyHtml: '<p>x</p>', status: 'published', publishedAt: '2020-01-01T00:00:00Z' }, SYSTEM);
  const draft = await createArticle(ctx, { language: 'fr', title: 'Brouillon', bodyHtml: '<p>x</p>', sectionIds: [world.id], authorIds: [ada.id], tags: ['Économie'], provenance: { translationOfId: source.id } }, SYSTEM);
  return { world, ada, source, draft };
}

/** After the fixture is made: the tests look only at the purges of what they do. */
function attach(ctx: AppContext, purger: { purge(k: string[]): void }) {
  ctx.cdn = { policy: DEFAULT_POLICY, purge: (k) => purger.purge(k) };
}

test('a publish POSTs the keys of the article, its listings, feeds and source, with the bearer token', async () => {
  await withPurge(async (ctx) => {
    const { world, ada, source, draft } = await fixture(ctx);
    const purger = createPurger({ url, token: 's3cret', style: 'relais', retryDelayMs: 20, batchMs: 5 });
    attach(ctx, purger);
    await editArticle(ctx, draft.id, { ...draft, title: 'Brouillon 2' }, SYSTEM);
    await purger.idle();
    assert.equal(hits.length, 0, 'editing a draft purges nothing');

    const live = await publishArticle(ctx, draft.id, SYSTEM);
    await purger.idle();
    assert.equal(hits.length, 1);
    assert.equal(hits[0].auth, 'Bearer s3cret');
    const feeds = ['home', 'lang-fr', `section-${world.id}`, `author-${ada.id}`];
    const places = [...feeds, 'tag-economie'];
    assert.deepEqual(new Set(hits[0].body.keys), new Set([`article-${draft.id}`, ...places, ...feeds.map((p) => `feed-${p}`), `article-${source.id}`]));

    hits = [];
    const published = await editArticle(ctx, draft.id, { ...live, title: 'Titre corrigé' }, SYSTEM);
    await purger.idle();
    assert.deepEqual(new Set(hits[0].body.keys), new Set([`article-${draft.id}`, ...feeds.map((p) => `feed-${p}`)]), 'a new title: the article and its feeds, not the listings');

    hits = [];
    await addCorrection(ctx, published.id, 'Une date était fausse.', SYSTEM);
    await purger.idle();
    assert.deepEqual(new Set(hits[0].body.keys), new Set([`article-${draft.id}`, ...feeds.map((p) => `feed-${p}`)]), 'a correction: the article and its feeds');

    hits = [];
    await unpublishArticle(ctx, published.id, SYSTEM);
    await purger.idle();
    assert.ok(places.every((p) => hits.some((h) => h.body.keys.includes(p))), 'unpublishing purges its listings');

    hits = [];
    purger.purge(['article-1', 'home']);
    purger.purge(['home', 'article-2']);
    await purger.idle();
    assert.deepEqual(hits.map((h) => h.body.keys), [['article-1', 'home', 'article-2']], 'keys asked for within the batch window go in one request');

    hits = [];
    await publishArticle(ctx, published.id, SYSTEM);
    await purger.idle();
    hits = [];
    await removeArticle(ctx, published.id, SYSTEM);
    await editPerson(ctx, ada.id, { name: 'Ada L.' });
    await purger.idle();
    const keys = hits.flatMap((h) => h.body.keys);
    for (const k of [`article-${published.id}`, 'home', `author-${ada.id}`, 'feed']) assert.ok(keys.includes(k), k);
  });
});

test('a failing purge server does not fail or delay the publish; it is retried, then logged', async () => {
  await withPurge(async (ctx, logs) => {
    const { draft } = await fixture(ctx);
    const purger = createPurger({ url, token: 's3cret', style: 'relais', retryDelayMs: 20, batchMs: 5, log: (m) => logs.push(m) });
    attach(ctx, purger);

    failures = [503, 500];
    const published = await publishArticle(ctx, draft.id, SYSTEM);
    assert.equal(published.status, 'published');
    assert.equal(hits.length, 0, 'the publish returned before the purge was sent');
    await purger.idle();
    assert.equal(hits.length, 3, 'two failures, then success');
    assert.deepEqual(hits[2].body, hits[0].body);
    assert.equal(logs.length, 0);

    hits = [];
    failures = [500, 500, 500, 500, 500];
    const gone = await unpublishArticle(ctx, draft.id, SYSTEM);
    assert.equal(gone.status, 'draft');
    await purger.idle();
    assert.equal(hits.length, 4, 'four attempts');
    assert.equal(logs.length, 1);
    assert.match(logs[0], /purge of \d+ key\(s\) at http:\/\/127\.0\.0\.1:\d+\/purge failed after retrying \(HTTP 500\)/);
    assert.doesNotMatch(logs[0], /s3cret/, 'the token is never logged');

    // Nobody listening: a network error, retried and logged; the publish still succeeds.
    const dead = createPurger({ url: 'http://127.0.0.1:9/purge', token: null, style: 'relais', retryDelayMs: 5, batchMs: 1, log: (m) => logs.push(m) });
    attach(ctx, dead);
    assert.equal((await publishArticle(ctx, draft.id, SYSTEM)).status, 'published');
    await dead.idle();
    assert.equal(logs.length, 2);
  });
});
