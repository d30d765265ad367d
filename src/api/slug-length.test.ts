// A slug is at most 100 characters, the longest path segment the router serves (Fastify's maxParamLength).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness } from './test-app.ts';

test('a 100-character slug is served; 101 to 120 characters are refused with a clear 400', async () => {
  const h = await openApiHarness();
  try {
    const longest = 'a'.repeat(50) + '-' + 'b'.repeat(49);
    const ok = await h.call('POST', '/api/articles', { language: 'en', title: 'Long slug', slug: longest, bodyHtml: '<p>Text.</p>', status: 'published' });
    assert.equal(ok.statusCode, 201, ok.body);
    const page = await h.app.inject({ url: `/en/${longest}` });
    assert.equal(page.statusCode, 200);
    for (const length of [101, 120]) {
      const res = await h.call('POST', '/api/articles', { language: 'en', title: 'Too long', slug: 'c'.repeat(length), bodyHtml: '<p>Text.</p>' });
      assert.equal(res.statusCode, 400);
      assert.match(res.json().error, /100 characters/);
      assert.equal(res.json().field, 'slug');
    }
  } finally {
    await h.close();
  }
});
