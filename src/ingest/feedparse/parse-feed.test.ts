import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { parseFeed, parseFeedDate } from './index.ts';

const rss = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/DTDs/PodCast-1.0.dtd">
<channel><title>Example &amp; Co</title><link>/home</link><description>About</description><language>fr</language>
<item><title>First</title><link>/a/1</link><guid isPermaLink="false">id-1</guid>
<description>&lt;p onclick="x()"&gt;Hi &lt;a href="/rel"&gt;there&lt;/a&gt;&lt;script&gt;bad()&lt;/script&gt;&lt;/p&gt;</description>
<content:encoded><![CDATA[<img src="img.png"><a href="javascript:alert(1)">x</a>]]></content:encoded>
<dc:creator>Jane Doe</dc:creator><category domain="http://s">News</category>
<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
<enclosure url="/ep1.mp3" length="123" type="audio/mpeg"/>
<media:thumbnail url="http://example.com/t.jpg"/><itunes:explicit>yes</itunes:explicit>
<comments>/a/1#comments</comments></item></channel></rss>`;

test('RSS 2.0: fields, relative URLs, sanitised HTML, dates', () => {
  const r = parseFeed(Buffer.from(rss), { url: 'https://news.example/feed.xml' });
  assert.ok(r.ok);
  assert.equal(r.bozo, false);
  const f = r.feed;
  assert.equal(f.version, 'rss20');
  assert.equal(f.title?.value, 'Example & Co');
  assert.equal(f.link, 'https://news.example/home');
  assert.equal(f.language, 'fr');
  const e = f.entries[0];
  assert.equal(e.id, 'id-1');
  assert.equal(e.guidIsLink, false);
  assert.equal(e.link, 'https://news.example/a/1');
  assert.equal(e.summary?.value, '<p>Hi <a href="https://news.example/rel">there</a></p>');
  assert.equal(e.content[0].type, 'text/html');
  assert.equal(e.content[0].value, '<img src="https://news.example/img.png" /><a href="">x</a>');
  assert.equal(e.author, 'Jane Doe');
  assert.deepEqual(e.categories[0], { term: 'News', scheme: 'http://s', label: null });
  assert.equal(e.published?.iso, '2003-06-10T04:00:00.000Z');
  assert.deepEqual(e.enclosures[0], { href: 'https://news.example/ep1.mp3', length: '123', type: 'audio/mpeg' });
  assert.equal(e.media.thumbnails[0].url, 'http://example.com/t.jpg');
  assert.equal(e.itunes.explicit, true);
  assert.equal(e.comments, 'https://news.example/a/1#comments');
});

test('Atom 1.0 with xml:base, xhtml content and author details', () => {
  const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/blog/" xml:lang="en">
  <title type="html">A &lt;b&gt;bold&lt;/b&gt; feed</title><id>urn:x</id><updated>2005-07-31T12:29:29Z</updated>
  <link href="." rel="alternate" type="text/html"/>
  <entry><title>E1</title><id>urn:e1</id><updated>2003-12-13T08:29:29-04:00</updated>
   <author><name>Mark</name><email>m@example.org</email><uri>/mark</uri></author>
   <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <a href="p/2">link</a></p></div></content>
  </entry></feed>`;
  const r = parseFeed(atom);
  assert.ok(r.ok);
  assert.equal(r.feed.version, 'atom10');
  assert.equal(r.feed.title?.value, 'A <b>bold</b> feed');
  assert.equal(r.feed.link, 'http://example.org/blog/');
  const e = r.feed.entries[0];
  assert.equal(e.updated?.iso, '2003-12-13T12:29:29.000Z');
  assert.deepEqual(e.authorDetail, { name: 'Mark', email: 'm@example.org', href: 'http://example.org/mark' });
  assert.equal(e.content[0].type, 'application/xhtml+xml');
  assert.equal(e.content[0].value, '<p>Hello <a href="http://example.org/blog/p/2">link</a></p>');
  assert.equal(e.content[0].language, 'en');
});

test('JSON Feed 1.1', () => {
  const r = parseFeed(JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title: 'J', home_page_url: 'https://j.example/',
    items: [{ id: '1', url: '/p/1', title: 'T', content_html: '<p>x<script>y</script></p>', date_published: '2020-01-02T03:04:05Z', authors: [{ name: 'A' }] }],
  }), { url: 'https://j.example/feed.json' });
  assert.ok(r.ok);
  assert.equal(r.feed.version, 'json11');
  const e = r.feed.entries[0];
  assert.equal(e.link, 'https://j.example/p/1');
  assert.equal(e.content[0].value, '<p>x</p>');
  assert.equal(e.published?.iso, '2020-01-02T03:04:05.000Z');
  assert.equal(e.author, 'A');
});

test('decoding: HTTP charset, declaration, windows-1252 lies, UTF-16', () => {
  const text = 'Élève à l’école : « déjà vu », coût 5 € — très bien';
  const doc = (decl: string): string => `<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>${text}</title></channel></rss>`;
  const cp = iconv.encode(doc(' encoding="utf-8"'), 'windows-1252');
  const r1 = parseFeed(cp);
  assert.ok(r1.ok); assert.equal(r1.feed.title?.value, text); assert.equal(r1.bozo, true); assert.equal(r1.feed.encoding, 'windows-1252');
  const r2 = parseFeed(iconv.encode(doc(''), 'windows-1252'), { contentType: 'application/rss+xml; charset=windows-1252' });
  assert.ok(r2.ok); assert.equal(r2.feed.title?.value, text); assert.equal(r2.bozo, false);
  const r3 = parseFeed(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(doc(' encoding="utf-16"'), 'utf-16le')]));
  assert.ok(r3.ok); assert.equal(r3.feed.title?.value, text);
});

test('never throws: garbage, empty, binary, deep nesting', () => {
  for (const input of ['', '   ', 'not xml at all', '<', '<<<>>>', '{"a":1}', Buffer.from([0, 1, 2, 255, 254]), '<a>'.repeat(1000)]) {
    const r = parseFeed(input);
    assert.equal(typeof r.ok, 'boolean');
  }
  const deep = parseFeed('<rss version="2.0"><channel>' + '<x>'.repeat(300) + '</x>'.repeat(300) + '</channel></rss>');
  assert.deepEqual(deep, { ok: false, error: 'nesting deeper than 256 elements' });
  assert.equal(parseFeed('<rss/>', { maxBytes: 3 }).ok, false);
});

test('ill-formed but common: bare ampersand and HTML entities are salvaged, flagged bozo', () => {
  const r = parseFeed('<rss version="2.0"><channel><title>Tom & Jerry caf&eacute;</title></channel></rss>');
  assert.ok(r.ok);
  assert.equal(r.bozo, true);
  assert.equal(r.feed.title?.value, 'Tom & Jerry café');
  assert.equal(r.warnings[0].kind, 'xml');
});

test('dates: RFC 822, W3CDTF, ISO 8601 variants, asctime, rollover', () => {
  const iso = (s: string): string | null => { const v = parseFeedDate(s); return v === null ? null : new Date(v).toISOString(); };
  assert.equal(iso('Thu, 01 Jan 04 19:48:21 GMT'), '2004-01-01T19:48:21.000Z');
  assert.equal(iso('Sun, 16 Dec 2012 1:2:3 PST'), '2012-12-16T09:02:03.000Z');
  assert.equal(iso('2003-12-31T10:14:55.123-08:00'), '2003-12-31T18:14:55.000Z');
  assert.equal(iso('2003-12-31T25:14:55Z'), '2004-01-01T01:14:55.000Z');
  assert.equal(iso('20040105'), '2004-01-05T00:00:00.000Z');
  assert.equal(iso('Sun Jan  4 16:29:06 PST 2004'), '2004-01-05T00:29:06.000Z');
  assert.equal(iso('2004-02-28'), '2004-02-28T00:00:00.000Z');
  assert.equal(iso('garbage'), null);
});

test('HTML nested deeper than 256 levels is reduced to escaped text (sanitize-html is quadratic in depth)', () => {
  const r = parseFeed('<rss version="2.0"><channel><item><description>' + '&lt;b&gt;'.repeat(5000) + 'x &amp;amp; &lt;script&gt;no()&lt;/script&gt;</description></item></channel></rss>');
  assert.ok(r.ok);
  assert.equal(r.feed.entries[0].summary?.value, 'x &amp;');
});
