import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeedCache, type RenderedFeed } from './cache.ts';
import { isNotModified } from './conditional.ts';

function feed(bytes: number): RenderedFeed {
  return { version: 'v', validUntil: Infinity, body: Buffer.alloc(bytes), etag: '"e"', lastModified: null };
}

test('the cache evicts the least recently used entries beyond its byte budget', () => {
  const c = new FeedCache(100);
  c.set('a', feed(40));
  c.set('b', feed(40));
  assert.ok(c.get('a'));
  c.set('c', feed(40));
  assert.equal(c.get('b'), undefined);
  assert.ok(c.get('a') && c.get('c'));
  assert.equal(c.totalBytes, 80);
  c.set('a', feed(10));
  assert.equal(c.totalBytes, 50);
  c.set('huge', feed(101));
  assert.equal(c.get('huge'), undefined);
  assert.equal(c.size, 2);
});

test('If-None-Match wins over If-Modified-Since, with weak comparison and lists', () => {
  const etag = '"abc"';
  const lm = '2026-01-10T12:00:00.500Z';
  assert.equal(isNotModified({ ifNoneMatch: '"abc"' }, etag, lm), true);
  assert.equal(isNotModified({ ifNoneMatch: 'W/"abc"' }, etag, lm), true);
  assert.equal(isNotModified({ ifNoneMatch: '"x", "abc"' }, etag, lm), true);
  assert.equal(isNotModified({ ifNoneMatch: '*' }, etag, lm), true);
  assert.equal(isNotModified({ ifNoneMatch: '"x"', ifModifiedSince: 'Sat, 10 Jan 2026 12:00:00 GMT' }, etag, lm), false);
  assert.equal(isNotModified({ ifModifiedSince: 'Sat, 10 Jan 2026 12:00:00 GMT' }, etag, lm), true);
  assert.equal(isNotModified({ ifModifiedSince: 'Sat, 10 Jan 2026 11:59:59 GMT' }, etag, lm), false);
  assert.equal(isNotModified({ ifModifiedSince: 'not a date' }, etag, lm), false);
  assert.equal(isNotModified({ ifModifiedSince: 'Sat, 10 Jan 2026 12:00:00 GMT' }, etag, null), false);
  assert.equal(isNotModified({}, etag, lm), false);
});
