import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commonFeedUrls, discoverFeedLinks, looksLikeHtml } from './discover.ts';

test('finds alternate feed links, resolved against <base>, in document order, comments last', () => {
  const html = `<!doctype html><html><head>
    <base href="https://cdn.example.com/site/">
    <link rel="stylesheet" href="x.css">
    <link rel="alternate" type="application/rss+xml" title="Comments" href="comments/feed">
    <link rel="alternate" type="application/atom+xml" title="Atom" href="/atom.xml">
    <link rel="Alternate" type="application/rss+xml; charset=utf-8" title="RSS" href="feed.rss#top">
    <link rel="alternate" type="application/feed+json" href="https://example.com/feed.json">
    <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
    <link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/2">
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    <link rel="alternate" type="application/atom+xml" href="/atom.xml">
  </head><body></body></html>`;
  const found = discoverFeedLinks(html, 'https://example.com/blog/post');
  assert.deepEqual(found.map((f) => [f.url, f.type, f.title]), [
    ['https://cdn.example.com/atom.xml', 'atom', 'Atom'],
    ['https://cdn.example.com/site/feed.rss', 'rss', 'RSS'],
    ['https://example.com/feed.json', 'json', null],
    ['https://cdn.example.com/site/comments/feed', 'rss', 'Comments'],
  ]);
  assert.deepEqual(discoverFeedLinks('<p>no head</p>', 'https://example.com/'), []);
});

test('common paths under the page folder and the root', () => {
  assert.deepEqual(commonFeedUrls('https://example.com/', 3), ['https://example.com/feed', 'https://example.com/rss', 'https://example.com/feed.xml']);
  const deep = commonFeedUrls('https://example.com/blog/index.html', 20);
  assert.equal(deep[0], 'https://example.com/blog/feed');
  assert.ok(deep.includes('https://example.com/atom.xml'));
});

test('tells an HTML page from a feed', () => {
  assert.equal(looksLikeHtml(Buffer.from('<rss/>'), 'text/html'), true);
  assert.equal(looksLikeHtml(Buffer.from('\ufeff  <!DOCTYPE html><html>'), ''), true);
  assert.equal(looksLikeHtml(Buffer.from('<?xml version="1.0"?><rss/>'), 'application/xml'), false);
});
