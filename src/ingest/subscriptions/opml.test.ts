import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildOpml, parseOpml, xmlAttr } from './opml.ts';

const SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My &amp; feeds</title></head>
  <body>
    <outline text="Top" type="rss" xmlUrl="https://top.example.com/feed"/>
    <outline text="News">
      <outline text="France">
        <outline text="Le Monde" title="Le Monde — À la une" type="rss" xmlUrl="https://www.lemonde.fr/rss/une.xml" htmlUrl="https://www.lemonde.fr/"/>
      </outline>
      <outline text="Bad" type="rss" xmlUrl="javascript:alert(1)"/>
      <outline text="No URL" type="rss"/>
    </outline>
    <outline text="Empty folder"/>
  </body>
</opml>`;

test('parses nested outlines with folders and line numbers', () => {
  const r = parseOpml(SAMPLE);
  assert.ok(r.ok);
  assert.equal(r.title, 'My & feeds');
  assert.deepEqual(
    r.outlines.map((o) => [o.line, o.xmlUrl, o.folder, o.title ?? o.text]),
    [
      [5, 'https://top.example.com/feed', null, 'Top'],
      [8, 'https://www.lemonde.fr/rss/une.xml', 'News / France', 'Le Monde — À la une'],
      [10, 'javascript:alert(1)', 'News', 'Bad'],
      [11, null, 'News', 'No URL'],
    ],
  );
  assert.equal(r.outlines[1]!.htmlUrl, 'https://www.lemonde.fr/');
});

test('refuses what is not OPML, too deep or too large, with a clear error', () => {
  assert.deepEqual(parseOpml('<rss version="2.0"></rss>'), { ok: false, error: 'not an OPML document (root element <rss>)' });
  assert.deepEqual(parseOpml('   '), { ok: false, error: 'empty document' });
  const deep = `<opml><body>${'<outline text="x">'.repeat(100)}${'</outline>'.repeat(100)}</body></opml>`;
  const d = parseOpml(deep);
  assert.equal(d.ok, false);
  assert.match((d as { error: string }).error, /deeper than 64 levels/);
  assert.match((parseOpml('<opml/>', { maxBytes: 3 }) as { error: string }).error, /larger than 3 bytes/);
});

test('never expands DTD entities (billion laughs, external entities) and never fetches', () => {
  const laughs = `<?xml version="1.0"?>
<!DOCTYPE opml [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<opml version="2.0"><head><title>&lol3;</title></head><body>
<outline text="&xxe;" type="rss" xmlUrl="https://example.com/&lol3;"/>
</body></opml>`;
  const r = parseOpml(laughs);
  assert.ok(r.ok);
  assert.ok(!JSON.stringify(r).includes('lollol'), 'no entity expanded');
  assert.ok(!JSON.stringify(r).includes('root:'), 'no file read');
  assert.equal(r.outlines.length, 1);
  assert.deepEqual(r.warnings, ['DOCTYPE ignored (no DTD processing)']);
});

test('export is well-formed, escaped, and parses back to the same feeds', () => {
  const feeds = [
    { url: 'https://a.example.com/feed?x=1&y=2', title: 'A "quoted" <title> & more', siteUrl: 'https://a.example.com/', folder: null },
    { url: 'https://b.example.com/rss', title: 'Tab\there\nnewline\u0001ctl', siteUrl: null, folder: 'News / France' },
    { url: 'https://c.example.com/atom', title: null, siteUrl: null, folder: 'Tech' },
  ];
  const xml = buildOpml(feeds, { title: 'Export & co', dateCreated: new Date('2026-01-02T03:04:05Z') });
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
  assert.ok(xml.includes('<dateCreated>Fri, 02 Jan 2026 03:04:05 GMT</dateCreated>'));
  assert.ok(!/[\u0000-\u0008]/.test(xml));
  const back = parseOpml(xml);
  assert.ok(back.ok);
  assert.equal(back.title, 'Export & co');
  assert.deepEqual(
    back.outlines.map((o) => [o.xmlUrl, o.title, o.htmlUrl, o.folder]).sort(),
    [
      ['https://a.example.com/feed?x=1&y=2', 'A "quoted" <title> & more', 'https://a.example.com/', null],
      ['https://b.example.com/rss', 'Tab here newlinectl', null, 'News / France'],
      ['https://c.example.com/atom', 'https://c.example.com/atom', null, 'Tech'],
    ].sort(),
  );
  assert.equal(xmlAttr('a&b<c>"d"\n'), 'a&amp;b&lt;c&gt;&quot;d&quot;&#10;');
});

test('decodes the encoding the XML declaration names', () => {
  const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><opml version="1.0"><body><outline text="Le Monde \xe9co" xmlUrl="https://e.example.com/rss"/></body></opml>', 'latin1');
  const r = parseOpml(latin1);
  assert.ok(r.ok);
  assert.equal(r.outlines[0]!.text, 'Le Monde éco');
  const utf8 = parseOpml(Buffer.from('\ufeff<opml><body><outline text="Économie" xmlUrl="https://e.example.com/rss"/></body></opml>'));
  assert.ok(utf8.ok);
  assert.equal(utf8.outlines[0]!.text, 'Économie');
});
