// Share clicks count when they look like a person's click; one IPv6 /64 is one reader network; the
// limiters evict their least recently used keys instead of forgetting everyone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Article } from '../domain/types.ts';
import { buildApp } from '../app.ts';
import { openTestContext } from '../publish/test-context.ts';
import { createArticle } from '../publish/articles.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { getShareCounts } from '../store/counters.ts';
import { createRateLimiter, createSeenSet } from './limiter.ts';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
const NAVIGATION = { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'same-origin', 'sec-fetch-user': '?1' };

let ctx: AppContext;
let app: FastifyInstance;
let article: Article;
before(async () => {
  ctx = await openTestContext();
  article = await createArticle(ctx, { language: 'en', title: 'Counted', bodyHtml: '<p>Text.</p>', status: 'published' }, SYSTEM);
  app = await buildApp(ctx);
});
after(async () => {
  await app.close();
  await ctx.store.close();
});

const counted = async (network: 'bluesky' | 'linkedin') => (await getShareCounts(ctx.store.db, article.id)).byNetwork[network];
const click = (network: 'bluesky' | 'linkedin', ip: string, headers: Record<string, string>) =>
  app.inject({ url: `/share/${article.id}/${network}`, remoteAddress: ip, headers });

test('only clicks that look like a person count; every one is still redirected', async () => {
  const cases: Array<[string, Record<string, string>, number]> = [
    ['an <img> on another site', { 'user-agent': CHROME, 'sec-fetch-dest': 'image', 'sec-fetch-mode': 'no-cors', 'sec-fetch-site': 'cross-site' }, 0],
    ['a navigation started by a script elsewhere', { 'user-agent': CHROME, ...NAVIGATION, 'sec-fetch-site': 'cross-site', 'sec-fetch-user': '' }, 0],
    ['a known bot', { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }, 0],
    ['curl', { 'user-agent': 'curl/8.5.0' }, 0],
    ['a browser user agent without the headers every such browser sends', { 'user-agent': CHROME }, 0],
    ['a click in a browser', { 'user-agent': CHROME, ...NAVIGATION }, 1],
  ];
  let ip = 10;
  for (const [what, headers, expected] of cases) {
    const before = await counted('bluesky');
    const res = await click('bluesky', `198.51.100.${ip++}`, headers);
    assert.equal(res.statusCode, 302, what);
    assert.equal((await counted('bluesky')) - before, expected, what);
  }
});

test('addresses of one IPv6 /64 share one budget of counted clicks', async () => {
  for (let i = 1; i <= 70; i++) {
    const res = await click('linkedin', `2001:db8:1:2::${i.toString(16)}`, { 'user-agent': `${CHROME} r${i}`, ...NAVIGATION });
    assert.equal(res.statusCode, 302);
  }
  assert.equal(await counted('linkedin'), 60);
  await click('linkedin', '2001:db8:1:3::1', { 'user-agent': CHROME, ...NAVIGATION });
  assert.equal(await counted('linkedin'), 61, 'another /64 has its own budget');
});

test('a full limiter evicts its least recently used keys, not every key', () => {
  const now = () => new Date(0);
  const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now, maxKeys: 3 });
  for (const k of ['a', 'b', 'c']) assert.equal(limiter.take(k), true);
  assert.equal(limiter.take('a'), false); // a is now the most recently used
  assert.equal(limiter.take('d'), true); // evicts b, the least recently used
  assert.equal(limiter.take('a'), false);
  assert.equal(limiter.take('c'), false);
  assert.equal(limiter.take('b'), true, 'b was evicted, so it starts afresh');
  const seen = createSeenSet({ ttlMs: 60_000, now, maxKeys: 2 });
  assert.equal(seen.firstTime('x'), true);
  assert.equal(seen.firstTime('y'), true);
  assert.equal(seen.firstTime('z'), true);
  assert.equal(seen.firstTime('z'), false);
  assert.equal(seen.firstTime('y'), false);
});
