import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentArticle } from './segment.ts';
import { placeholderProblem, textToHtml } from './placeholders.ts';
import { rebuildBody } from './rebuild.ts';
import { sanitizeBody } from '../publish/sanitize.ts';

const BODY = sanitizeBody('<h2>Intro &amp; more</h2><p>The <a href="https://ex.com/a?b=1&amp;c=2">mayor</a> said <em>no <strong>never</strong></em>.<br>Then x &lt; y.</p>'
  + '<ul><li>One</li><li>Two<ul><li>nested</li></ul></li></ul><blockquote><p>Quote a</p><p>Quote b</p></blockquote>'
  + '<figure><img src="https://ex.com/x.jpg" alt="x"><figcaption>A caption</figcaption></figure><table><tr><td>Cell</td></tr></table>');

test('segments: kinds, placeholders numbered in order, and the source rebuilt byte for byte', () => {
  const s = segmentArticle({ title: 'Title', summary: 'Sum  up', bodyHtml: BODY });
  assert.deepEqual(s.segments.map((x) => [x.key, x.kind]), [
    ['title', 'title'], ['summary', 'summary'], ['body.1', 'heading'], ['body.2', 'paragraph'], ['body.3', 'list-item'], ['body.4', 'list-item'],
    ['body.5', 'list-item'], ['body.6', 'quote'], ['body.7', 'quote'], ['body.8', 'caption'], ['body.9', 'cell'],
  ]);
  const p = s.segments[3];
  assert.equal(p.text, 'The <1>mayor</1> said <2>no <3>never</3></2>.<4/>Then x < y.');
  assert.equal(s.segments[1].text, 'Sum up');
  const html = new Map(s.segments.filter((x) => x.key.startsWith('body.')).map((x) => [x.key, textToHtml(x.text, x.markup)]));
  assert.equal(sanitizeBody(rebuildBody(s.skeleton, html)), BODY, 'through the body sanitiser, as a save does');
});

test('a target moves placeholders freely; the link keeps its href; drops, inventions, bad nesting and kind changes are refused', () => {
  const s = segmentArticle({ title: 't', summary: '', bodyHtml: BODY });
  const p = s.segments.find((x) => x.key === 'body.2')!;
  const out = textToHtml('Le <1>maire</1> a dit <2><3>jamais</3> non</2>.<4/>Puis x < y & z.', p.markup);
  assert.equal(out, 'Le <a href="https://ex.com/a?b=1&amp;c=2" rel="noopener noreferrer">maire</a> a dit <em><strong>jamais</strong> non</em>.<br>Puis x &lt; y &amp; z.');
  assert.match(placeholderProblem('Le maire <2>non <3>jamais</3></2>.<4/>', p.markup)!, /drops placeholder <1>…<\/1>/);
  assert.match(placeholderProblem('<1>a</1><2><3>b</3></2><4/><5/>', p.markup)!, /<5\/> is not in the source/);
  assert.match(placeholderProblem('<1>a</1><2><3>b</2></3><4/>', p.markup)!, /<\/2> closes before <\/3>/);
  assert.match(placeholderProblem('<1/><2><3>b</3></2><4/>', p.markup)!, /is a pair/);
  assert.match(placeholderProblem('<1>a</1><1>a</1><2><3>b</3></2><4/>', p.markup)!, /used twice/);
  assert.match(placeholderProblem('<1>a<2><3>b</3></2><4/>', p.markup)!, /never closed/);
  assert.throws(() => textToHtml('nothing', p.markup), /drops placeholders/);
});

test('a translation rebuilt: same block structure, blocks without a target left out, a text that reads like a placeholder kept literal', () => {
  const s = segmentArticle({ title: 'Use <1> here', summary: '', bodyHtml: '<p>Keep <1> as text</p><ul><li>a</li><li>b</li></ul><p>c</p>' });
  assert.equal(s.segments[0].text, 'Use ‹1> here');
  assert.equal(s.segments[1].text, 'Keep ‹1> as text');
  assert.equal(placeholderProblem(s.segments[1].text, s.segments[1].markup), null);
  const out = rebuildBody(s.skeleton, new Map([['body.2', 'A'], ['body.4', 'C']]));
  assert.equal(out, '<ul><li>A</li></ul><p>C</p>');
  assert.equal(rebuildBody(s.skeleton, new Map()), '');
});
