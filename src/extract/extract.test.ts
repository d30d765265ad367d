import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractArticle } from './index.ts';
import { decodeBody } from '../text/decode.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url));
const page = (name: string) => decodeBody(fixture(name), { kind: 'html' }).text;

test('JSON-LD (@graph, author array, @id reference) wins over OpenGraph', () => {
  const a = extractArticle(page('jsonld.html'), { url: 'https://gazette.example/news/2024/03/05/bridge.html' });
  assert.equal(a.title, 'Harbour bridge reopens after two years of repairs');
  assert.deepEqual(a.authors, ['Ada Lovelace', 'Tomás Ó Briain']);
  assert.equal(a.publishedAt, '2024-03-05T07:30:00.000Z');
  assert.equal(a.language, 'en-GB');
  assert.equal(a.siteName, 'The Coastal Gazette');
  assert.equal(a.canonicalUrl, 'https://gazette.example/news/2024/harbour-bridge-reopens');
  assert.equal(a.leadImage, 'https://gazette.example/img/bridge.jpg');
  assert.equal(a.description, 'The bridge carries 40,000 vehicles a day.');
});

test('boilerplate is removed: navigation, byline, share bar, ads, related, newsletter, comments, footer', () => {
  const a = extractArticle(page('jsonld.html'), { url: 'https://gazette.example/x' });
  const paras = a.text.split('\n\n');
  assert.equal(paras.length, 5, a.text);
  assert.match(paras[0], /^The harbour bridge reopened/);
  assert.equal(paras[2], 'What changes for drivers');
  assert.match(paras[4], /budget pressures turn out to be\.$/);
  for (const junk of ['Home', 'Share on', 'Advertisement', 'Related stories', 'Ferry timetable', 'newsletter',
    'About time', '©', 'By Ada', 'Harbour bridge reopens after']) {
    assert.ok(!a.text.includes(junk), `"${junk}" should be gone`);
    assert.ok(!a.html.includes(junk), `"${junk}" should be gone from html`);
  }
  assert.match(a.html, /<h2>What changes for drivers<\/h2>/);
});

test('OpenGraph-only page', () => {
  const a = extractArticle(page('og-only.html'));
  assert.equal(a.title, 'Night trains return to the valley');
  assert.deepEqual(a.authors, ['Grete Muster'], 'a profile URL in article:author is not a name');
  assert.equal(a.publishedAt, '2023-11-19T18:05:00.000Z');
  assert.equal(a.language, 'de-CH');
  assert.equal(a.siteName, 'Valley Voice');
  assert.equal(a.canonicalUrl, 'https://valley.example/night-trains');
  assert.equal(a.leadImage, 'https://cdn.valley.example/trains.jpg');
  assert.equal(a.text.split('\n\n').length, 3);
  assert.match(a.text, /^Sleeper trains will run/);
});

test('page without metadata: title from the page, body from structure, layout table and sidebar dropped', () => {
  const a = extractArticle(page('nometa.html'));
  assert.equal(a.title, 'Notes on sourdough');
  assert.deepEqual(a.authors, []);
  assert.equal(a.publishedAt, null);
  assert.equal(a.language, null);
  assert.equal(a.canonicalUrl, null);
  assert.equal(a.text.split('\n\n').length, 3, a.text);
  assert.ok(!/Older post|Home|Powered by/.test(a.text));
  assert.ok(!/<t[dr]/.test(a.html), 'no stray table cells');
});

test('French page in windows-1252 declared UTF-8 decodes correctly', () => {
  const d = decodeBody(fixture('french-cp1252-declared-utf8.html'), { kind: 'html' });
  assert.equal(d.charset, 'windows-1252');
  const a = extractArticle(d.text);
  assert.equal(a.title, 'L’été à Paris : la canicule s’installe');
  assert.deepEqual(a.authors, ['Hélène Lefèvre']);
  assert.equal(a.language, 'fr');
  assert.equal(a.publishedAt, '2019-07-25T00:00:00.000Z');
  assert.match(a.text, /^« Nous n’avions jamais vu ça », confie une élève/);
  assert.match(a.text, /coûte désormais 25 € par jour/);
  assert.ok(!a.text.includes('\ufffd'));
});

test('hostile HTML: no script, event handler, javascript: URL, iframe or form survives', () => {
  const a = extractArticle(page('hostile.html'), { url: 'https://site.example/a/b' });
  assert.match(a.text, /This paragraph is real article text/);
  assert.match(a.text, /Another real paragraph/);
  assert.match(a.text, /<script>alert\(9\)<\/script> must stay text/, 'escaped markup stays text');
  const h = a.html.toLowerCase();
  for (const bad of ['<script', 'javascript:', 'onerror', 'onclick', 'onload', 'onmouseover', '<iframe', '<svg', '<form',
    '<input', '<object', '<embed', 'style=', 'data:', '<style', 'evil.example']) {
    assert.ok(!h.includes(bad), `${bad} survived: ${a.html}`);
  }
  assert.match(a.html, /&lt;script&gt;alert\(9\)&lt;\/script&gt;/);
  assert.match(a.html, /<a href="https:\/\/ok.example\/page">good link<\/a>/);
  assert.match(a.html, /<img src="https:\/\/img.example\/a.png" alt="a picture">/);
  assert.match(a.html, /<b>bold<\/b>/);
  assert.ok(!/injected|alert\('head'\)/.test(a.text));
});

test('relative URLs resolve against <base> (itself resolved against the page URL); lazy images', () => {
  const a = extractArticle(page('relative.html'), { url: 'https://www.site.example/page.html' });
  assert.match(a.html, /href="https:\/\/static.example\/other\/page.html"/);
  assert.match(a.html, /href="https:\/\/static.example\/root"/);
  assert.match(a.html, /href="https:\/\/cdn.example\/x"/);
  assert.ok(!a.html.includes('#note'), 'in-page fragment links are unwrapped');
  assert.match(a.html, /<img src="https:\/\/static.example\/section\/img\/lazy.jpg" alt="lazy">/);
  assert.match(a.html, /<img src="https:\/\/static.example\/section\/pics\/plain.png" alt="plain">/);
  assert.match(a.html, /<img src="https:\/\/static.example\/section\/set\/one.jpg" alt="set">/);
});

test('without a page URL, relative links are dropped rather than left relative', () => {
  const a = extractArticle('<html><body><article><p>Some article text that is long enough to be kept by the extractor, <a href="/x">with a link</a> in it.</p></article></body></html>');
  assert.ok(!a.html.includes('href='), a.html);
  assert.match(a.text, /with a link in it/);
});

test('base URL comes from the canonical URL when no page URL is given', () => {
  const a = extractArticle(page('jsonld.html'));
  assert.equal(a.leadImage, null, 'canonical is relative too, so nothing absolute can be made');
  const b = extractArticle(page('og-only.html').replace('<p>Sleeper', '<p><a href="/timetable">Timetable</a> Sleeper'));
  assert.match(b.html, /href="https:\/\/valley.example\/timetable"/);
});

test('empty and odd input does not throw', () => {
  for (const html of ['', '   ', '<html></html>', 'plain text only', '<p>unclosed <b>tags', '<!-- only a comment -->',
    '<script>x</script>', '\u0000\u0001binary']) {
    const a = extractArticle(html);
    assert.equal(typeof a.text, 'string');
    assert.equal(typeof a.html, 'string');
    assert.ok(Array.isArray(a.authors));
  }
  assert.equal(extractArticle('plain text only').text, 'plain text only');
});

test('JSON-LD articleBody is used when the markup has no body text', () => {
  const html = `<html><head><script type="application/ld+json">{"@type":"BlogPosting","headline":"H",
    "articleBody":"First paragraph of the post.\\n\\nSecond paragraph <b>with</b> text."}</script></head>
    <body><div id="app"></div></body></html>`;
  const a = extractArticle(html);
  assert.equal(a.text, 'First paragraph of the post.\n\nSecond paragraph <b>with</b> text.');
  assert.equal(a.html, '<p>First paragraph of the post.</p>\n<p>Second paragraph &lt;b&gt;with&lt;/b&gt; text.</p>');
});

test('pathologically deep markup does not overflow the stack and keeps its text', () => {
  const n = 5000;
  const nested = '<html><body>' + '<div>'.repeat(n) + '<p>Deep text that is long enough to be a paragraph of an article, with commas, yes.</p>' +
    '</div>'.repeat(n) + '</body></html>';
  assert.match(extractArticle(nested).text, /^Deep text that is long enough/);
  const unclosed = '<html><body><p>' + '<b>word '.repeat(n) + '</p></body></html>';
  assert.equal(extractArticle(unclosed).text.split(' ').length, n);
});

test('second chance: a page made only of boilerplate-named blocks still yields its text', () => {
  const html = `<html><body><div class="widget sidebar-layout"><div class="promo-box">
    <div class="post-meta"><span>Short note.</span></div>
    <div class="share-text">The meeting is moved to Thursday at noon in room 4, bring the minutes.</div>
    </div></div></body></html>`;
  const a = extractArticle(html);
  assert.match(a.text, /The meeting is moved to Thursday/);
});

test('the main text survives even when the page hides it until a script runs', () => {
  const p = 'This is a paragraph of the article that is long enough to count, with commas, clauses, and more words.';
  const html = `<html><body><nav><a href="/">Home</a></nav>
    <div id="story" style="display:none"><p>${p}</p><p>${p}</p><p>${p}</p></div>
    <div class="promo" style="display: none">Subscribe now for one euro a month, cancel any time you like.</div></body></html>`;
  const a = extractArticle(html);
  assert.equal(a.text.split('\n\n').length, 3, a.text);
  assert.ok(!a.text.includes('Subscribe'));
});

test('a javascript: <base> is ignored', () => {
  const html = `<html><head><base href="javascript:alert(1)//"></head><body><article>
    <p>Paragraph of article text long enough to be kept, with a <a href="rel/link">relative link</a> inside it.</p></article></body></html>`;
  const a = extractArticle(html, { url: 'https://news.example/a/' });
  assert.match(a.html, /href="https:\/\/news.example\/a\/rel\/link"/);
  assert.ok(!a.html.includes('javascript'));
});

test('figure captions stay in the HTML (with their credit) but not in the text', () => {
  const p = 'A paragraph of the story that is long enough to be article text, with a comma, and another one.';
  const html = `<html><body><article><p>${p}</p>
    <figure><img src="/pic.jpg" alt="The pier"><figcaption>The pier at dawn. Photo: A. Person</figcaption></figure>
    <p>${p}</p></article></body></html>`;
  const a = extractArticle(html, { url: 'https://news.example/story' });
  assert.equal(a.text, `${p}\n\n${p}`);
  assert.match(a.html, /<figure><img src="https:\/\/news.example\/pic.jpg" alt="The pier"><figcaption>The pier at dawn. Photo: A. Person<\/figcaption>\s*<\/figure>/);
});

test('a body split into repeated chunks around ads is gathered whole', () => {
  const p = (n: number) => `<p>Paragraph ${n} of the story, long enough to be article text, with commas, clauses, and detail.</p>`;
  const html = `<html><body><div class="story">
    <div class="row"><div class="story-chunk">${p(1)}${p(2)}${p(3)}</div><div class="rail"><a href="/x">Buy</a></div></div>
    <div class="row"><div class="story-chunk">${p(4)}${p(5)}</div><div class="rail"><a href="/y">Sell</a></div></div>
    </div><div class="more"><a href="/1">Other story one</a> <a href="/2">Other story two</a></div></body></html>`;
  const a = extractArticle(html);
  assert.deepEqual(a.text.split('\n\n').map((t) => t.split(' ')[1]), ['1', '2', '3', '4', '5'], a.text);
});

test('text written straight into a container with <br> separators is found', () => {
  const line = (n: number) => `Line ${n} of a story typed straight into the page, long enough, with commas, like old sites do.`;
  const html = `<html><body><div><div><a href="/">Home</a><br><a href="/news">News</a><br><a href="/about">About</a></div>
    <div><img src="/p.jpg"><div class="date">2019-01-01</div>${line(1)}<br><br>${line(2)}<br><br>${line(3)}</div></div></body></html>`;
  const a = extractArticle(html);
  for (const n of [1, 2, 3]) assert.ok(a.text.includes(line(n)), a.text);
  assert.ok(!a.text.includes('About'));
});
