import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText, el, escapeAttr, escapeText, textToHtml } from './text.ts';
import { HOSTILE, HOSTILE_CLEAN, hasPython, parseXml } from './test-support.ts';

const noPython = !hasPython && 'needs /usr/bin/python3 (expat) to check well-formedness';

test('cleanText drops what XML 1.0 forbids or discourages and keeps the rest', () => {
  const c0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
  assert.equal(cleanText(c0), '\t\n\r');
  assert.equal(cleanText('a\u007F\u0080\u009Fb'), 'ab');
  assert.equal(cleanText('lone \uD800 high, lone \uDC00 low, \uFFFE\uFFFF end'), 'lone  high, lone  low,  end');
  const kept = 'emoji 😀👩🏽‍💻, RTL \u202Eabc\u202C, Arabic مرحبا, Hebrew שלום, CJK 漢字, nbsp\u00A0, U+FFFD \uFFFD, astral 𝄞';
  assert.equal(cleanText(kept), kept);
});

test('escapeText never lets markup, ]]> or a raw CR through', () => {
  const out = escapeText(HOSTILE + '\r\n');
  assert.equal(out, '"Q&amp;A" &lt;b&gt; ]]&gt;  \u202Eabc&#xD;\n');
  assert.doesNotMatch(out, /[<]|]]>/);
  assert.equal(escapeAttr('a"b\'c<d>&e\tf\ng'), 'a&quot;b&apos;c&lt;d&gt;&amp;e&#x9;f&#xA;g');
  assert.equal(textToHtml('<b> & "x"'), '&lt;b&gt; &amp; &quot;x&quot;');
});

test('el leaves out empty attributes and writes empty elements', () => {
  assert.equal(el('a', { href: 'x', title: null, hreflang: '' }), '<a href="x"/>');
  assert.equal(el('t', null, 'a&b'), '<t>a&amp;b</t>');
});

test('every hostile string round-trips through a strict XML parser as text and attribute', { skip: noPython }, () => {
  const samples = [
    HOSTILE,
    ']]>]]]]><![CDATA[>',
    '<![CDATA[ x ]]>',
    '&amp; &#x0; &#1; &bogus; & &&',
    Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join(''),
    'surrogates \uD800\uDBFF\uDC00\uDFFF and \uFFFE\uFFFF',
    'emoji 😀 RTL \u202Eabc Arabic مرحبا Hebrew שלום',
    'quotes " \' and line\r\nbreaks\ttabs',
  ];
  const doc = `<r>${samples.map((s) => `<s v="${escapeAttr(s)}">${escapeText(s)}</s>`).join('')}</r>`;
  const root = parseXml(doc);
  root.children.forEach((node, i) => {
    assert.equal(node.text, cleanText(samples[i]), `text of sample ${i}`);
    assert.equal(node.attrib.v, cleanText(samples[i]), `attribute of sample ${i}`);
  });
  assert.equal(parseXml(`<t>${escapeText(HOSTILE)}</t>`).text, HOSTILE_CLEAN);
});
