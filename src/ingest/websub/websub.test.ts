// WebSub between two Relais instances on loopback: B follows A's feed, finds A's built-in hub, subscribes
// (A verifies B's intent), A publishes and pushes the feed signed with B's secret, B takes the new entry
// as a candidate; a push with a forged signature is ignored; while the lease holds B's feed is not polled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../domain/accounts.ts';
import { buildApp } from '../../app.ts';
import { openTestContext } from '../../publish/test-context.ts';
import { createFetcher, type Fetcher } from '../fetch/index.ts';
import { createArticle, publishArticle } from '../../publish/articles.ts';
import { addFeed } from '../subscriptions/feeds.ts';
import { createPoller } from '../poll/index.ts';
import { runFollowJobsOnce } from '../../follow/worker.ts';
import { hubSignature } from '../../follow/websub/publish-job.ts';
import { WEBSUB_SUBSCRIBE_JOB } from './subscriptions.ts';

const SYSTEM: Actor = { kind: 'system', name: 'test' };

interface Instance {
  ctx: AppContext;
  app: FastifyInstance;
  fetcher: Fetcher;
  origin: string;
}

async function instance(): Promise<Instance> {
  const ctx = await openTestContext();
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  ctx.site.baseUrl = origin;
  return { ctx, app, origin, fetcher: null as unknown as Fetcher };
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail(`never happened: ${what}`);
}

test('a WebSub push from one Relais to another', async () => {
  const a = await instance();
  const b = await instance();
  a.fetcher = a.ctx.fetcher = createFetcher({ allowHosts: [new URL(b.origin).host] });
  b.fetcher = b.ctx.fetcher = createFetcher({ allowHosts: [new URL(a.origin).host] });
  try {
    const first = await createArticle(a.ctx, { language: 'en', title: 'First tide', bodyHtml: '<p>One.</p>', status: 'published' }, SYSTEM);
    const feedUrl = `${a.origin}/feed.xml`;
    const rss = await a.app.inject('/feed.xml');
    assert.match(rss.body, new RegExp(`<atom:link href="${a.origin}/websub" rel="hub"/>`));
    assert.equal(rss.headers.link, `<${a.origin}/websub>; rel="hub", <${feedUrl}>; rel="self"`);
    assert.match((await a.app.inject('/feed.atom')).body, /<link rel="hub" href="[^"]+\/websub"\/>/);
    assert.deepEqual(JSON.parse((await a.app.inject('/feed.json')).body).hubs, [{ type: 'WebSub', url: `${a.origin}/websub` }]);

    const { feed } = await addFeed(b.ctx, { url: feedUrl }, { checkUrl: (u) => b.fetcher.checkUrl(u) });
    const poller = createPoller({ store: b.ctx.store, fetcher: b.fetcher });
    assert.equal(await poller.runOnce(), 1);
    const candidates = () => b.ctx.store.db.selectFrom('import_candidates').select('link').where('feed_id', '=', feed.id).execute();
    assert.deepEqual((await candidates()).map((c) => c.link), [`${a.origin}/en/${first.slug}`]);
    await until('B asks to subscribe', async () => !!(await b.ctx.store.db.selectFrom('jobs').select('id').where('kind', '=', WEBSUB_SUBSCRIBE_JOB).executeTakeFirst()));

    await runFollowJobsOnce(b.ctx, b.fetcher); // B → A's hub: subscribe
    await runFollowJobsOnce(a.ctx, a.fetcher); // A → B's callback: verification of intent
    const sub = await b.ctx.store.db.selectFrom('websub_subscriptions').selectAll().where('feed_id', '=', feed.id).executeTakeFirstOrThrow();
    assert.equal(sub.state, 'active');
    assert.equal(sub.topic, feedUrl);
    const subscribers = await a.ctx.store.db.selectFrom('websub_subscribers').selectAll().execute();
    assert.equal(subscribers.length, 1);
    assert.equal(subscribers[0].callback, `${b.origin}/websub/callback/${sub.token}`);
    // Pushes replace polling until the lease ends.
    const polled = await b.ctx.store.db.selectFrom('feeds').select('next_check_at').where('id', '=', feed.id).executeTakeFirstOrThrow();
    assert.equal(polled.next_check_at, sub.lease_until);
    assert.equal(await poller.runOnce(), 0);

    const second = await createArticle(a.ctx, { language: 'en', title: 'Second tide', bodyHtml: '<p>Two.</p>' }, SYSTEM);
    await publishArticle(a.ctx, second.id, SYSTEM);
    await runFollowJobsOnce(a.ctx, a.fetcher); // A → B: the feed, signed
    assert.deepEqual((await candidates()).map((c) => c.link).sort(), [`${a.origin}/en/${first.slug}`, `${a.origin}/en/${second.slug}`]);

    // A push signed with another secret is answered 2xx and ignored.
    const forgedFeed = rss.body.replace('</channel>', `<item><title>Forged</title><link>https://forged.example/x</link><guid>forged</guid></item></channel>`);
    const forged = await b.app.inject({
      method: 'POST',
      url: `/websub/callback/${sub.token}`,
      headers: { 'content-type': 'application/rss+xml', 'x-hub-signature': hubSignature('not-the-secret', Buffer.from(forgedFeed)) },
      payload: forgedFeed,
    });
    assert.equal(forged.statusCode, 202);
    const unsigned = await b.app.inject({ method: 'POST', url: `/websub/callback/${sub.token}`, headers: { 'content-type': 'application/rss+xml' }, payload: forgedFeed });
    assert.equal(unsigned.statusCode, 202);
    assert.equal((await candidates()).length, 2);
    // The same bytes signed with the real secret would have been taken: the refusal is the signature's.
    const genuine = await b.app.inject({
      method: 'POST',
      url: `/websub/callback/${sub.token}`,
      headers: { 'content-type': 'application/rss+xml', 'x-hub-signature': hubSignature(sub.secret, Buffer.from(forgedFeed)) },
      payload: forgedFeed,
    });
    assert.equal(genuine.statusCode, 202);
    assert.equal((await candidates()).length, 3);

    // A verification for a token we never made is refused.
    assert.equal((await b.app.inject(`/websub/callback/nosuchtoken123?hub.mode=subscribe&hub.topic=${encodeURIComponent(feedUrl)}&hub.challenge=x`)).statusCode, 404);
    // The hub refuses topics that are not its feeds.
    const bad = await a.app.inject({ method: 'POST', url: '/websub', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.topic': 'https://elsewhere.example/feed', 'hub.callback': `${b.origin}/x` }).toString() });
    assert.equal(bad.statusCode, 400);
  } finally {
    for (const x of [b, a]) {
      await x.app.close();
      await x.fetcher.close();
      await x.ctx.store.close();
    }
  }
});
