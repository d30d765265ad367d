// Query numbers beyond what a database can take are a 400 naming the parameter, not a 500.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness } from './test-app.ts';

test('page, offset and ids out of range answer 400', async () => {
  const h = await openApiHarness();
  try {
    for (const url of ['/api/articles?page=1e308', '/api/articles?page=99999999999', '/api/feeds?offset=1e20', '/api/articles?author=1e20', '/api/candidates?before=1e20']) {
      const res = await h.call('GET', url);
      assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      assert.match(res.json().error, /page|offset|author|before/, url);
    }
    assert.equal((await h.call('GET', '/api/articles?page=1000')).statusCode, 200);
    assert.equal((await h.call('GET', '/api/feeds?offset=100000')).statusCode, 200);
  } finally {
    await h.close();
  }
});
