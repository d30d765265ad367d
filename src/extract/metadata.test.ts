import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'htmlparser2';
import { cleanAuthors, extractMetadata, normaliseLanguage, toIsoDate } from './metadata.ts';

const meta = (head: string, body = '', url: string | null = 'https://site.example/a/b.html') =>
  extractMetadata(parseDocument(`<html><head>${head}</head><body>${body}</body></html>`), url);

test('dates in the formats pages use', () => {
  assert.equal(toIsoDate('2019-11-19T13:03:00-05:00'), '2019-11-19T18:03:00.000Z');
  assert.equal(toIsoDate('2019-11-19 13:03:00 +0100'), '2019-11-19T12:03:00.000Z');
  assert.equal(toIsoDate('20191119'), '2019-11-19T00:00:00.000Z');
  assert.equal(toIsoDate('1574168580'), '2019-11-19T13:03:00.000Z');
  assert.equal(toIsoDate('Tue, 19 Nov 2019 13:03:00 GMT'), '2019-11-19T13:03:00.000Z');
  assert.equal(toIsoDate('2019-11-19T13:03:00 UTC'), '2019-11-19T13:03:00.000Z');
  assert.equal(toIsoDate('yesterday'), null);
  assert.equal(toIsoDate('0000-00-00'), null);
  assert.equal(toIsoDate(''), null);
});

test('languages normalised to BCP 47', () => {
  assert.equal(normaliseLanguage('en_US'), 'en-US');
  assert.equal(normaliseLanguage('pt-br'), 'pt-BR');
  assert.equal(normaliseLanguage('zh-hant-tw'), 'zh-Hant-TW');
  assert.equal(normaliseLanguage('fr, en'), 'fr');
  assert.equal(normaliseLanguage('--'), null);
  assert.equal(normaliseLanguage('english!'), null);
  assert.equal(normaliseLanguage(''), null);
});

test('author strings cleaned and split', () => {
  assert.deepEqual(cleanAuthors(['By Jane Doe and John Smith']), ['Jane Doe', 'John Smith']);
  assert.deepEqual(cleanAuthors(['Sarah E. Needleman']), ['Sarah E. Needleman']);
  assert.deepEqual(cleanAuthors(['TOM KRISHER, AP Auto Writer']), ['TOM KRISHER']);
  assert.deepEqual(cleanAuthors(['https://www.facebook.com/someone', 'admin', 'Par Hélène Lefèvre']), ['Hélène Lefèvre']);
  assert.deepEqual(cleanAuthors(['Jane Doe', 'jane doe', 'Ann &amp; Bob Lee']), ['Jane Doe', 'Ann', 'Bob Lee']);
});

test('metadata sources in order: JSON-LD, then meta tags, then markup', () => {
  const m = meta(`<meta name="parsely-author" content="Pat Parsely"><meta name="sailthru.date" content="2020-02-03">
    <meta name="dc.language" content="nl"><meta property="og:site_name" content="Site | Tagline | More">`,
  '<h1>Headline from h1</h1><time datetime="2001-01-01">old</time>');
  assert.equal(m.title, 'Headline from h1');
  assert.deepEqual(m.authors, ['Pat Parsely']);
  assert.equal(m.publishedAt, '2020-02-03T00:00:00.000Z');
  assert.equal(m.language, 'nl');
  assert.equal(m.siteName, 'Site');
});

test('byline markup and rel=author when there are no meta tags', () => {
  assert.deepEqual(meta('', '<a rel="author" href="/u/x">Kim Lee</a>').authors, ['Kim Lee']);
  assert.deepEqual(meta('', '<div class="article-byline">By Ola Nordmann</div>').authors, ['Ola Nordmann']);
  assert.deepEqual(meta('', '<span itemprop="author" itemscope><span itemprop="name">Mia Wong</span></span>').authors, ['Mia Wong']);
});

test('JSON-LD: arrays, mainEntity, entities, broken blocks ignored', () => {
  const m = meta(`<script type="application/ld+json">{ broken</script>
    <script type="application/ld+json">[{"@type":"WebPage","mainEntity":{"@type":"ReportageNewsArticle",
      "headline":"Caf&eacute; &amp; bar","author":"Lu Xun","datePublished":"2021-05-06T07:08:09Z",
      "image":["https://img.example/1.jpg"],"inLanguage":"zh-CN"}}]</script>`);
  assert.equal(m.title, 'Café & bar');
  assert.deepEqual(m.authors, ['Lu Xun']);
  assert.equal(m.publishedAt, '2021-05-06T07:08:09.000Z');
  assert.equal(m.leadImage, 'https://img.example/1.jpg');
  assert.equal(m.language, 'zh-CN', 'JSON-LD inLanguage when <html lang> and meta tags are absent');
});

test('title: the site name is taken off <title>', () => {
  assert.equal(meta('<title>Big news today | The Daily</title><meta property="og:site_name" content="The Daily">', '', null).title,
    'Big news today');
});
