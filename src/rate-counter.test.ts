// The composition root's choice: with RELAIS_REDIS_URL the app's shared budgets are counted in Redis (under
// RELAIS_REDIS_PREFIX) and rate_windows stays empty; without it, they are rows of rate_windows.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness } from './api/test-app.ts';
import { openTestRedis, TEST_REDIS_URL, testPrefix } from './store/test-redis.ts';

const { client: redis, skip } = await openTestRedis();
after(() => redis?.destroy());

async function twoTokenRequests(env: Record<string, string>) {
  Object.assign(process.env, env);
  try {
    const h = await openApiHarness();
    try {
      for (let i = 0; i < 2; i++) {
        const r = await h.app.inject({ method: 'POST', url: '/copy/token', remoteAddress: '198.51.100.44', headers: { 'content-type': 'text/plain' }, payload: '{"articleId":999}' });
        assert.equal(r.statusCode, 404, r.body); // the budget is taken before the article is looked up
      }
      return (await h.ctx.store.db.selectFrom('rate_windows').select(['key', 'used']).execute()).map((r) => [r.key.split(':')[0], Number(r.used)]);
    } finally {
      await h.close();
    }
  } finally {
    for (const k of Object.keys(env)) delete process.env[k];
  }
}

test('RELAIS_REDIS_URL: the budgets are counted in Redis, not in the database', { skip }, async () => {
  const prefix = testPrefix();
  const rows = await twoTokenRequests({ RELAIS_REDIS_URL: TEST_REDIS_URL, RELAIS_REDIS_PREFIX: prefix });
  assert.deepEqual(rows, []);
  const keys = await redis!.keys(`${prefix}*`);
  assert.equal(keys.length, 1);
  assert.match(keys[0]!, new RegExp(`^${prefix}token:`));
  assert.equal(await redis!.get(keys[0]!), '2');
});

test('without RELAIS_REDIS_URL: the budgets are rows of rate_windows', async () => {
  const prefix = testPrefix();
  const rows = await twoTokenRequests({ RELAIS_REDIS_PREFIX: prefix });
  assert.deepEqual(rows, [['token', 2]]);
  if (redis) assert.deepEqual(await redis.keys(`${prefix}*`), []);
});
