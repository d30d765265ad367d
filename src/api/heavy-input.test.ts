// Heavy parsing (extraction on import, sanitising large bodies, OPML) runs off the request thread: a
// request arriving while it runs is answered before it ends. Ordering, not timing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness, type ApiHarness } from './test-app.ts';

const deepPage = (levels: number): string =>
  '<html><head><title>Deep</title></head><body><article><h1>Deep</h1><p>' + 'A paragraph of real words. '.repeat(20) + '</p>'
  + '<div><span>'.repeat(levels / 2) + 'bottom' + '</span></div>'.repeat(levels / 2) + '</article></body></html>';

/**
 * Sends the heavy request and, once its handler is about to start, a /robots.txt over a real socket (so it
 * needs the event loop, as a reader's request does); returns which answered first.
 */
async function race(h: ApiHarness, url: string, send: () => Promise<{ statusCode: number }>): Promise<{ order: string[]; heavy: { statusCode: number } }> {
  const order: string[] = [];
  let robots: Promise<unknown> = Promise.resolve();
  h.app.addHook('preHandler', async (req) => {
    if (req.url !== url) return;
    robots = fetch(`${base}/robots.txt`).then((r) => {
      assert.equal(r.status, 200);
      order.push('robots');
    });
  });
  const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
  const heavy = await send().then((r) => (order.push('heavy'), r));
  await robots;
  return { order, heavy };
}

test('importing a 60,000-deep page: a concurrent request is answered before the import ends', async () => {
  const h = await openApiHarness();
  try {
    const { order, heavy } = await race(h, '/api/imports', () => h.call('POST', '/api/imports', { html: deepPage(60_000), url: 'https://deep.example/a' }));
    assert.equal(heavy.statusCode, 201);
    assert.deepEqual(order, ['robots', 'heavy']);
  } finally {
    await h.close();
  }
});

test('a 100,000-deep article body: stored with bounded nesting, a concurrent request answered first', async () => {
  const h = await openApiHarness();
  try {
    const bodyHtml = '<p>start</p>' + '<div>'.repeat(100_000) + 'bottom' + '</div>'.repeat(100_000);
    const { order, heavy } = await race(h, '/api/articles', () => h.call('POST', '/api/articles', { language: 'en', title: 'Deep body', bodyHtml }));
    assert.equal(heavy.statusCode, 201, JSON.stringify((heavy as unknown as { json(): unknown }).json()));
    assert.deepEqual(order, ['robots', 'heavy']);
    const stored = (heavy as unknown as { json(): { bodyHtml: string } }).json().bodyHtml;
    assert.match(stored, /bottom/);
    assert.ok((stored.match(/<div>/g) ?? []).length <= 256);
  } finally {
    await h.close();
  }
});

test('a 20,000-outline OPML import: a concurrent request is answered before the import ends', async () => {
  const h = await openApiHarness();
  try {
    const opml = '<?xml version="1.0"?><opml version="2.0"><head><title>Many</title></head><body>'
      + Array.from({ length: 20_000 }, (_, i) => `<outline text="f${i}" type="rss" xmlUrl="https://feeds${i % 50}.example.org/f${i}.xml"/>`).join('\n')
      + '</body></opml>';
    const { order, heavy } = await race(h, '/api/feeds/opml', () => h.call('POST', '/api/feeds/opml', opml, { 'content-type': 'text/x-opml' }));
    assert.equal(heavy.statusCode, 200);
    assert.deepEqual(order, ['robots', 'heavy']);
  } finally {
    await h.close();
  }
});
