import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseFeedIsolated } from './index.ts';

const GEN = fileURLToPath(new URL('../../../../shared/corpora/xml-attacks/gen-deep-nesting.mjs', import.meta.url));

test('parseFeedIsolated parses a feed in a worker', async () => {
  const r = await parseFeedIsolated(Buffer.from('<rss version="2.0"><channel><title>x</title><item><title>i</title></item></channel></rss>'));
  assert.ok(r.ok);
  assert.equal(r.feed.entries[0].title?.value, 'i');
});

test('parseFeedIsolated: the 50 MB deep-nesting document ends in a clean error, process intact',
  { skip: !existsSync(GEN) && 'needs ../shared/corpora/xml-attacks/gen-deep-nesting.mjs' }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'relais-deep-'));
    try {
      for (const feed of [false, true]) {
        const out = path.join(dir, feed ? 'deep-feed.xml' : 'deep.xml');
        execFileSync(process.execPath, [GEN, '--out', out, ...(feed ? ['--feed'] : [])], { stdio: 'ignore' });
        const bytes = readFileSync(out);
        assert.ok(bytes.length > 50_000_000);
        // Default size limit refuses it outright; with the limit raised, the depth limit stops it.
        assert.deepEqual(await parseFeedIsolated(bytes), { ok: false, error: 'feed larger than 16777216 bytes' });
        const r = await parseFeedIsolated(bytes, { maxBytes: 64 * 1024 * 1024, maxHeapMb: 512 });
        assert.deepEqual(r, { ok: false, error: 'nesting deeper than 256 elements' });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

test('parseFeedIsolated: a heap too small for the input is reported, not fatal', async () => {
  const big = '<rss version="2.0"><channel>' + '<item><title>x</title><description>' + 'y'.repeat(2000) + '</description></item>'.repeat(1) + '</channel></rss>';
  const huge = big.replace('</channel>', '<item><title>t</title></item>'.repeat(200_000) + '</channel>');
  const r = await parseFeedIsolated(huge, { maxHeapMb: 16, maxBytes: 64 * 1024 * 1024 });
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.error, /memory|worker/);
});

test('parseFeedIsolated: the wall-clock limit ends a parse with an error result', async () => {
  const doc = '<rss version="2.0"><channel>' + '<item><title>t</title><description>&lt;p&gt;x&lt;/p&gt;</description></item>'.repeat(100_000) + '</channel></rss>';
  const r = await parseFeedIsolated(doc, { timeoutMs: 1 });
  assert.deepEqual(r, { ok: false, error: 'feed parse timed out after 1 ms' });
});
