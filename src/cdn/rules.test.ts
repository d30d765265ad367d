// The purge rule, the request shapes of each CDN and the settings, without a database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../domain/types.ts';
import { articleChangeKeys } from './article-change.ts';
import { cdnConfigFromEnv } from './config.ts';
import { cacheControlOf } from './policy.ts';
import { KEYS_PER_REQUEST, purgeRequest } from './purge-request.ts';

const NOW = new Date('2026-01-10T12:00:00Z');
const base: Article = {
  id: 5, slug: 's', language: 'fr', title: 'T', summary: '', bodyHtml: '<p>x</p>', image: null, sectionIds: [1], tags: [],
  status: 'published', publishedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', createdAt: '2026-01-01T00:00:00Z',
  canonicalUrl: null, canonicalPolicy: 'self', authorIds: [7], translatorIds: [],
  provenance: { original: null, via: null, translationOfId: null, republicationOfId: null, licence: null },
};

test('moving an article between sections purges both sections; a schedule not yet due purges nothing', () => {
  const keys = articleChangeKeys(base, { ...base, sectionIds: [2] }, NOW);
  for (const k of ['article-5', 'section-1', 'section-2', 'feed-section-1', 'feed-section-2', 'home']) assert.ok(keys.includes(k), k);
  const later = { ...base, status: 'scheduled' as const, publishedAt: '2026-02-01T00:00:00Z' };
  assert.deepEqual(articleChangeKeys({ ...later, status: 'draft', publishedAt: null }, later, NOW), []);
  assert.deepEqual(articleChangeKeys(later, { ...later, title: 'U' }, NOW), []);
  assert.ok(articleChangeKeys(later, null, new Date('2026-03-01T00:00:00Z')).includes('home'), 'once due it is public');
});

test('Fastly and Cloudflare get their own request shape; the default is {"keys": [...]} with a bearer token', () => {
  assert.deepEqual(purgeRequest('relais', ['a', 'b'], 't'), {
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: 'Bearer t' },
    body: '{"keys":["a","b"]}',
  });
  const fastly = purgeRequest('fastly', ['a'], 't');
  assert.equal(fastly.headers['fastly-key'], 't');
  assert.equal(fastly.headers.authorization, undefined);
  assert.equal(fastly.body, '{"surrogate_keys":["a"]}');
  assert.equal(purgeRequest('cloudflare', ['a'], 't').body, '{"tags":["a"]}');
  assert.equal(purgeRequest('relais', ['a'], null).headers.authorization, undefined);
  assert.equal(KEYS_PER_REQUEST.cloudflare, 30);
});

test('settings: defaults, a CDN lifetime, and clear errors', () => {
  const d = cdnConfigFromEnv({});
  assert.equal(cacheControlOf(d.policy), 'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400');
  assert.equal(d.purgeUrl, null);
  const c = cdnConfigFromEnv({ RELAIS_PAGE_MAX_AGE: '120', RELAIS_CDN_MAX_AGE: '3600', RELAIS_PURGE_URL: 'http://10.0.0.5:8000/purge', RELAIS_PURGE_STYLE: 'fastly' });
  assert.equal(cacheControlOf(c.policy), 'public, max-age=120, s-maxage=3600, stale-while-revalidate=1200, stale-if-error=86400');
  assert.equal(c.purgeStyle, 'fastly');
  assert.throws(() => cdnConfigFromEnv({ RELAIS_PAGE_MAX_AGE: '1m' }), /RELAIS_PAGE_MAX_AGE must be a whole number of seconds/);
  assert.throws(() => cdnConfigFromEnv({ RELAIS_PURGE_URL: 'ftp://x' }), /RELAIS_PURGE_URL must be an http\(s\) URL/);
  assert.throws(() => cdnConfigFromEnv({ RELAIS_PURGE_STYLE: 'akamai' }), /one of relais, fastly, cloudflare/);
});
