// /go's Location is percent-encoded: a path with non-ASCII characters redirects instead of failing (500).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../app.ts';
import { openTestContext } from '../publish/test-context.ts';

test('/go percent-encodes the path it redirects to', async () => {
  const ctx = await openTestContext();
  const app = await buildApp(ctx);
  try {
    const go = async (query: string) => {
      const res = await app.inject({ url: `/go?to=${query}` });
      return [res.statusCode, res.headers.location];
    };
    assert.deepEqual(await go('/%E3%80%82x'), [303, '/%E3%80%82x']);
    assert.deepEqual(await go(encodeURIComponent('/fr/été?q=a b#x')), [303, '/fr/%C3%A9t%C3%A9?q=a%20b#x']);
    assert.deepEqual(await go(encodeURIComponent('/100%')), [303, '/100%25']);
    assert.equal((await go('/%ED%A0%80'))[0], 303);
  } finally {
    await app.close();
    await ctx.store.close();
  }
});
