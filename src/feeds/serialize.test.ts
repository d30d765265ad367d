import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FeedDoc, FeedEntry } from './model.ts';
import { RELAIS_NS } from './model.ts';
import { renderRss } from './rss.ts';
import { renderAtom } from './atom.ts';
import { C2PA_ABOUT, renderJsonFeed } from './json.ts';
import { checkJsonFeed } from './jsonfeed-check.ts';
import { HOSTILE, HOSTILE_CLEAN, child, children, hasPython, parseXml, type XmlNode } from './test-support.ts';

const noPython = !hasPython && 'needs /usr/bin/python3 (expat) to parse the XML';
const ATOM = 'http://www.w3.org/2005/Atom';
const DC = 'http://purl.org/dc/elements/1.1/';
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const R = (n: string) => `{${RELAIS_NS}}${n}`;
const A = (n: string) => `{${ATOM}}${n}`;
const XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang';
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const hostileEntry: FeedEntry = {
  id: 'tag:relais.test,2026-01-10:article:7',
  url: 'https://relais.test/en/hostile?a=1&b=2',
  title: HOSTILE,
  summary: `${HOSTILE} \uD800 😀 مرحبا`,
  contentHtml: `<p>${'&lt;'}script${'&gt;'} ]]> ]]&gt; \u0001 😀 \u202Eabc</p>`,
  language: 'en',
  published: '2026-01-10T12:00:00.000Z',
  updated: '2026-01-10T13:30:00.000Z',
  authors: [{ name: HOSTILE, url: 'https://relais.test/author/q/' }, { name: 'Outside "Writer"', url: null }],
  translators: [{ name: `T ${HOSTILE}`, url: 'https://relais.test/author/t/' }],
  categories: [
    { kind: 'section', term: 'world', label: 'World & <Co>', scheme: 'https://relais.test/section/', url: 'https://relais.test/section/world/' },
    { kind: 'tag', term: 'q-a', label: HOSTILE, scheme: 'https://relais.test/tag/', url: 'https://relais.test/tag/q-a/' },
  ],
  image: { url: 'https://relais.test/media/a.jpg', alt: HOSTILE, credit: 'Photo & <co>', width: 10, height: 5, type: 'image/jpeg' },
  kind: 'translation',
  original: {
    url: 'https://post.example/a?x=1&y=2',
    title: HOSTILE,
    language: 'fr',
    publishedAt: '2026-01-09T08:00:00.000Z',
    outletName: 'Post & "Co"',
    outletUrl: 'https://post.example/',
    authorNames: ['Zoë <Z>'],
  },
  source: {
    url: 'https://relais.test/en/middle',
    title: 'Middle',
    language: 'en',
    publishedAt: null,
    outletName: 'Relais',
    outletUrl: 'https://relais.test/',
    authorNames: [],
  },
  via: { url: 'https://agg.example/i?1&2', name: HOSTILE },
  licence: 'CC-BY-4.0 <&>',
  canonicalUrl: null,
  manifestUrl: 'https://relais.test/c2pa/articles/7.c2pa?v=1&w="2"',
};
const MANIFEST_URL = 'https://relais.test/c2pa/articles/7.c2pa?v=1&w="2"';

const doc: FeedDoc = {
  title: `Site ${HOSTILE}`,
  description: `Desc ${HOSTILE}`,
  homeUrl: 'https://relais.test/',
  feedUrls: { rss: 'https://relais.test/feed.xml', atom: 'https://relais.test/feed.atom', json: 'https://relais.test/feed.json' },
  language: 'en',
  updated: '2026-01-10T13:30:00.000Z',
  publisher: { name: 'Relais & Co', url: 'https://relais.test/' },
  entries: [hostileEntry, { ...hostileEntry, id: 'tag:relais.test,2026-01-10:article:8', kind: 'original', original: null, source: null, via: null, translators: [], licence: null, image: null, authors: [], manifestUrl: null }],
};

const text = (n: XmlNode) => n.text;

test('RSS 2.0: well-formed with hostile strings, required elements, RFC 822 dates, provenance', { skip: noPython }, () => {
  const xml = renderRss(doc);
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"'));
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  const rss = parseXml(xml);
  assert.equal(rss.tag, 'rss');
  assert.equal(rss.attrib.version, '2.0');
  const channel = child(rss, 'channel');
  assert.equal(text(child(channel, 'title')), `Site ${HOSTILE_CLEAN}`);
  assert.equal(text(child(channel, 'link')), 'https://relais.test/');
  assert.equal(text(child(channel, 'description')), `Desc ${HOSTILE_CLEAN}`);
  assert.equal(text(child(channel, 'language')), 'en');
  assert.match(text(child(channel, 'lastBuildDate')), RFC822);
  const self = child(channel, A('link'));
  assert.deepEqual(self.attrib, { href: 'https://relais.test/feed.xml', rel: 'self', type: 'application/rss+xml' });
  const [item, plain] = children(channel, 'item');
  assert.equal(text(child(item, 'title')), HOSTILE_CLEAN);
  assert.equal(text(child(item, 'link')), 'https://relais.test/en/hostile?a=1&b=2');
  assert.equal(child(item, 'guid').attrib.isPermaLink, 'false');
  assert.equal(text(child(item, 'pubDate')), 'Sat, 10 Jan 2026 12:00:00 GMT');
  // description is HTML: the plain summary arrives HTML-escaped.
  assert.equal(text(child(item, 'description')), '&quot;Q&amp;A&quot; &lt;b&gt; ]]&gt;  \u202Eabc  😀 مرحبا');
  assert.equal(text(child(item, `{${CONTENT}}encoded`)), '<p>&lt;script&gt; ]]> ]]&gt;  😀 \u202Eabc</p>');
  assert.deepEqual(children(item, `{${DC}}creator`).map(text), [HOSTILE_CLEAN, 'Outside "Writer"']);
  assert.deepEqual(children(item, 'category').map((c) => [c.attrib.domain, c.text]), [
    ['https://relais.test/section/', 'World & <Co>'],
    ['https://relais.test/tag/', HOSTILE_CLEAN],
  ]);
  assert.equal(text(child(item, R('kind'))), 'translation');
  const tr = child(item, R('translator'));
  assert.deepEqual([tr.attrib.href, tr.text], ['https://relais.test/author/t/', `T ${HOSTILE_CLEAN}`]);
  const original = child(item, R('original'));
  assert.deepEqual(original.attrib, { href: 'https://post.example/a?x=1&y=2', hreflang: 'fr' });
  assert.equal(text(child(original, R('title'))), HOSTILE_CLEAN);
  assert.deepEqual([child(original, R('outlet')).attrib.href, child(original, R('outlet')).text], ['https://post.example/', 'Post & "Co"']);
  assert.equal(text(child(original, R('author'))), 'Zoë <Z>');
  assert.equal(text(child(original, R('published'))), '2026-01-09T08:00:00Z');
  assert.equal(child(item, R('source')).attrib.href, 'https://relais.test/en/middle');
  assert.deepEqual([child(item, R('via')).attrib.href, child(item, R('via')).text], ['https://agg.example/i?1&2', HOSTILE_CLEAN]);
  assert.equal(text(child(item, R('licence'))), 'CC-BY-4.0 <&>');
  assert.equal(child(item, '{http://search.yahoo.com/mrss/}content').attrib.url, 'https://relais.test/media/a.jpg');
  // The signed manifest: atom:link in the item, the Atom namespace declared on <rss> (expat resolved it).
  assert.match(xml, /^<\?xml[^>]*>\n<rss [^>]*xmlns:atom="http:\/\/www.w3.org\/2005\/Atom"/);
  assert.deepEqual(children(item, A('link')).map((l) => l.attrib), [{ rel: 'c2pa-manifest', type: 'application/c2pa', href: MANIFEST_URL }]);
  assert.deepEqual(children(plain, A('link')), [], 'no manifest, no link');
  // An original of this site carries no provenance elements.
  assert.equal(plain.children.filter((c) => c.tag.startsWith(`{${RELAIS_NS}}`)).length, 0);
});

test('Atom 1.0: well-formed, required elements, RFC 3339 dates, authors, contributors, via/related links', { skip: noPython }, () => {
  const feed = parseXml(renderAtom(doc));
  assert.equal(feed.tag, A('feed'));
  assert.equal(feed.attrib[XML_LANG], 'en');
  assert.equal(text(child(feed, A('id'))), 'https://relais.test/feed.atom');
  assert.equal(text(child(feed, A('title'))), `Site ${HOSTILE_CLEAN}`);
  assert.match(text(child(feed, A('updated'))), RFC3339);
  assert.ok(children(feed, A('link')).some((l) => l.attrib.rel === 'self' && l.attrib.href === 'https://relais.test/feed.atom'));
  assert.equal(text(child(child(feed, A('author')), A('name'))), 'Relais & Co');
  const [entry] = children(feed, A('entry'));
  assert.equal(entry.attrib[XML_LANG], 'en');
  assert.equal(text(child(entry, A('id'))), 'tag:relais.test,2026-01-10:article:7');
  assert.equal(child(entry, A('title')).attrib.type, 'text');
  assert.equal(text(child(entry, A('title'))), HOSTILE_CLEAN);
  assert.equal(text(child(entry, A('published'))), '2026-01-10T12:00:00Z');
  assert.equal(text(child(entry, A('updated'))), '2026-01-10T13:30:00Z');
  assert.deepEqual(children(entry, A('author')).map((a) => text(child(a, A('name')))), [HOSTILE_CLEAN, 'Outside "Writer"']);
  assert.deepEqual(children(entry, A('contributor')).map((a) => text(child(a, A('name')))), [`T ${HOSTILE_CLEAN}`]);
  assert.equal(child(entry, A('content')).attrib.type, 'html');
  assert.equal(text(child(entry, A('content'))), '<p>&lt;script&gt; ]]> ]]&gt;  😀 \u202Eabc</p>');
  assert.equal(text(child(entry, A('summary'))), `${HOSTILE_CLEAN}  😀 مرحبا`);
  const links = children(entry, A('link')).map((l) => [l.attrib.rel, l.attrib.href]);
  assert.deepEqual(links, [
    ['alternate', 'https://relais.test/en/hostile?a=1&b=2'],
    ['via', 'https://post.example/a?x=1&y=2'],
    ['related', 'https://relais.test/en/middle'],
    ['related', 'https://agg.example/i?1&2'],
    ['c2pa-manifest', MANIFEST_URL],
  ]);
  assert.equal(children(entry, A('link')).find((l) => l.attrib.rel === 'c2pa-manifest')!.attrib.type, 'application/c2pa');
  const plainEntry = children(feed, A('entry'))[1];
  assert.ok(!children(plainEntry, A('link')).some((l) => l.attrib.rel === 'c2pa-manifest'), 'no manifest, no link');
  assert.deepEqual(children(entry, A('category')).map((c) => c.attrib), [
    { term: 'world', scheme: 'https://relais.test/section/', label: 'World & <Co>' },
    { term: 'q-a', scheme: 'https://relais.test/tag/', label: HOSTILE_CLEAN },
  ]);
  assert.equal(text(child(child(entry, R('original')), R('title'))), HOSTILE_CLEAN);
  assert.equal(text(child(entry, R('translator'))), `T ${HOSTILE_CLEAN}`);
});

test('JSON Feed 1.1: valid JSON, conforming structure, hostile strings cleaned, _relais extension', () => {
  const json = renderJsonFeed(doc);
  const feed = JSON.parse(json);
  assert.deepEqual(checkJsonFeed(feed), []);
  assert.doesNotMatch(json, /\\u0001|\\ud800/i);
  assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
  assert.equal(feed.title, `Site ${HOSTILE_CLEAN}`);
  const [item, plain] = feed.items;
  assert.equal(item.title, HOSTILE_CLEAN);
  assert.equal(item.summary, `${HOSTILE_CLEAN}  😀 مرحبا`);
  assert.equal(item.date_published, '2026-01-10T12:00:00Z');
  assert.equal(item.external_url, 'https://post.example/a?x=1&y=2');
  assert.deepEqual(item.authors, [{ name: HOSTILE_CLEAN, url: 'https://relais.test/author/q/' }, { name: 'Outside "Writer"' }]);
  assert.deepEqual(item.tags, ['World & <Co>', HOSTILE_CLEAN]);
  assert.equal(item._relais.about, RELAIS_NS);
  assert.equal(item._relais.kind, 'translation');
  assert.deepEqual(item._relais.translators, [{ name: `T ${HOSTILE_CLEAN}`, url: 'https://relais.test/author/t/' }]);
  assert.equal(item._relais.original.title, HOSTILE_CLEAN);
  assert.deepEqual(item._relais.original.outlet, { name: 'Post & "Co"', url: 'https://post.example/' });
  assert.equal(item._relais.source.url, 'https://relais.test/en/middle');
  assert.deepEqual(item._relais.via, { url: 'https://agg.example/i?1&2', name: HOSTILE_CLEAN });
  assert.deepEqual(item._c2pa, { about: C2PA_ABOUT, manifest_url: MANIFEST_URL, mime_type: 'application/c2pa' });
  assert.equal(plain.authors, undefined, 'no empty authors array');
  assert.equal(plain._relais.original, undefined, 'absent, not null');
  assert.equal(plain._c2pa, undefined, 'no manifest, no _c2pa');
});

test('the JSON Feed check itself rejects what the spec forbids', () => {
  assert.deepEqual(checkJsonFeed({ version: 'https://jsonfeed.org/version/1.1', title: 't', items: [] }), []);
  const problems = checkJsonFeed({
    version: '1',
    items: [{ id: 3, date_published: 'yesterday', authors: [{}], tags: [1], _x: 1, foo: 2 }, { id: 'a', content_text: 'x' }, { id: 'a', content_text: 'y', url: 'relative' }],
  });
  for (const expected of ['feed.version', 'feed.title', 'items[0].id', 'needs content_html', 'items[0].date_published', 'items[0].authors[0]', 'items[0].tags', 'items[0]._x', 'items[0].foo', 'duplicate id', 'items[2].url'])
    assert.ok(problems.some((p) => p.includes(expected)), `expected a problem about ${expected}: ${problems.join('; ')}`);
});
