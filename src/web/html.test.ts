import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, html, join, raw, safeUrl } from './html.ts';

test('escapes the five HTML-special characters', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});

test('the html template escapes values but keeps Html and joins arrays', () => {
  const hostile = '"><script>alert(1)</script>';
  const out = html`<p title="${hostile}">${hostile}${raw('<b>ok</b>')}${[1, html`<i>${'<x>'}</i>`]}${null}${undefined}${false}</p>`;
  assert.equal(
    out.value,
    '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;<b>ok</b>1<i>&lt;x&gt;</i></p>',
  );
  assert.equal(join([html`<a>`, 'b&'], ', ').value, '<a>, b&amp;');
});

test('safeUrl keeps web and site links and refuses script URLs', () => {
  assert.equal(safeUrl('https://example.org/a?b=c'), 'https://example.org/a?b=c');
  assert.equal(safeUrl('/fr/x'), '/fr/x');
  assert.equal(safeUrl('mailto:a@b.c'), 'mailto:a@b.c');
  assert.equal(safeUrl('javascript:alert(1)'), '#');
  assert.equal(safeUrl(' JaVaScRiPt:alert(1)'), '#');
  assert.equal(safeUrl('//evil.example/'), '#');
  assert.equal(safeUrl('data:text/html,x'), '#');
  assert.equal(safeUrl(null), '#');
});
