import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeHtml, sniffMetaCharset } from './decode.ts';

const fr = 'Élève, été, « déjà » – 5 € l’unité';

test('UTF-8 with BOM', () => {
  const d = decodeHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<p>${fr}</p>`)]));
  assert.equal(d.text, `<p>${fr}</p>`);
  assert.equal(d.source, 'bom');
});

test('UTF-16 with BOM', () => {
  const d = decodeHtml(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(`<p>${fr}</p>`, 'utf-16le')]));
  assert.equal(d.text, `<p>${fr}</p>`);
});

test('<meta charset> and http-equiv content-type', () => {
  assert.equal(sniffMetaCharset(Buffer.from('<head><meta charset="ISO-8859-15"></head>')), 'iso-8859-15');
  assert.equal(sniffMetaCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">')), 'windows-1251');
  assert.equal(sniffMetaCharset(Buffer.from("<meta content='text/html; charset=Shift_JIS' http-equiv='content-type'>")), 'shift_jis');
  assert.equal(sniffMetaCharset(Buffer.from('<meta name="description" content="no charset here">')), null);
  const ru = 'Привет, мир';
  const d = decodeHtml(Buffer.concat([Buffer.from('<meta http-equiv="content-type" content="text/html; charset=windows-1251"><p>'), iconv.encode(ru, 'windows-1251')]));
  assert.ok(d.text.endsWith(ru));
  assert.equal(d.encoding, 'windows-1251');
});

test('ISO-8859-1 is read as windows-1252 (curly quotes and euro survive)', () => {
  const d = decodeHtml(Buffer.concat([Buffer.from('<meta charset="iso-8859-1">'), iconv.encode(fr, 'windows-1252')]));
  assert.equal(d.encoding, 'windows-1252');
  assert.ok(d.text.endsWith(fr));
});

test('declared UTF-8 but invalid bytes: windows-1252 fallback', () => {
  const d = decodeHtml(Buffer.concat([Buffer.from('<meta charset="utf-8"><p>'), iconv.encode(fr, 'windows-1252')]));
  assert.equal(d.source, 'fallback');
  assert.ok(d.text.endsWith(fr));
});

test('undeclared: valid UTF-8 stays UTF-8, invalid falls back', () => {
  assert.equal(decodeHtml(Buffer.from(fr)).text, fr);
  assert.equal(decodeHtml(iconv.encode(fr, 'windows-1252')).text, fr);
});

test('transport charset wins over meta; unknown labels fall back to UTF-8', () => {
  const bytes = Buffer.concat([Buffer.from('<meta charset="utf-8">'), iconv.encode('Grüße', 'latin1')]);
  assert.ok(decodeHtml(bytes, 'text/html; charset=ISO-8859-1').text.endsWith('Grüße'));
  assert.equal(decodeHtml(Buffer.from('<meta charset="x-no-such">é'), null).text, '<meta charset="x-no-such">é');
});
