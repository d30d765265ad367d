import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { decodeBody, DecodeError, kindFromContentType, parseContentType, sniffUtf16 } from './decode.ts';
import { fileURLToPath } from 'node:url';

const XML_ATTACKS_DIR = fileURLToPath(new URL('../../../shared/corpora/xml-attacks/', import.meta.url));
const SKIP_XML = !existsSync(`${XML_ATTACKS_DIR}enc-cp1252-correctly-declared.xml`) && 'needs ../shared/corpora/xml-attacks: not present';
// The text every enc-*.xml file of the corpus carries, whatever its encoding.
const EXPECTED_FRENCH = 'Élève à l’école : « déjà vu », coût 5 € — très bien';

const FR = EXPECTED_FRENCH;
const cp1252 = (s: string) => iconv.encode(s, 'windows-1252');
const utf8 = (s: string) => Buffer.from(s, 'utf8');

test('enc-*.xml corpus: exact text, charset, source and repair flag', { skip: SKIP_XML }, () => {
  const expected: Record<string, [charset: string, source: string, repaired: boolean]> = {
    'enc-cp1252-correctly-declared.xml': ['windows-1252', 'xml-declaration', false],
    'enc-declared-iso-8859-1-actually-utf8.xml': ['utf-8', 'xml-declaration', true],
    'enc-declared-utf8-actually-cp1252.xml': ['windows-1252', 'xml-declaration', true],
    'enc-iso-8859-1-declared-has-cp1252-bytes.xml': ['windows-1252', 'xml-declaration', true],
    'enc-no-declaration-cp1252.xml': ['windows-1252', 'default', true],
    'enc-utf16le-no-bom.xml': ['utf-16le', 'utf16-pattern', false],
    'enc-utf8-bom-declared-cp1252.xml': ['utf-8', 'bom', false],
  };
  for (const [file, [charset, source, repaired]] of Object.entries(expected)) {
    const bytes = readFileSync(`${XML_ATTACKS_DIR}${file}`);
    for (const contentType of ['application/rss+xml', undefined]) {
      const r = decodeBody(bytes, contentType ? { contentType } : {});
      const titles = [...r.text.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);
      assert.deepEqual(titles, ['Actualités', FR], file);
      assert.ok(!r.text.includes('\uFFFD'), file);
      assert.equal(r.text.charCodeAt(0), 0x3c, `${file}: BOM stripped`);
      assert.equal(r.charset, charset, file);
      assert.equal(r.source, source, file);
      assert.equal(r.encodingRepaired, repaired, file);
      if (repaired) assert.ok(r.repairNote, file);
    }
  }
});

test('UTF-7 is refused from any source', { skip: SKIP_XML }, () => {
  const bytes = readFileSync(`${XML_ATTACKS_DIR}utf7-xxe.xml`);
  assert.throws(() => decodeBody(bytes, { contentType: 'application/xml' }), (e: unknown) => e instanceof DecodeError && e.code === 'unsupported-encoding');
  assert.throws(() => decodeBody(utf8('hello'), { contentType: 'text/plain; charset=UTF-7' }), DecodeError);
  assert.throws(() => decodeBody(utf8('<meta charset="utf-7"><p>x'), { kind: 'html' }), DecodeError);
  assert.throws(() => decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('x')]), { contentType: 'text/xml; charset=utf-7' }), DecodeError);
});

test('BOMs win over declarations; UTF-16 with and without BOM', () => {
  const xml = `<?xml version="1.0" encoding="windows-1252"?><t>${FR}</t>`;
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
  const be = Buffer.from(Buffer.from(xml, 'utf16le')).swap16();
  const beBom = Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
  assert.equal(decodeBody(le, { contentType: 'text/xml; charset=iso-8859-1' }).text, xml);
  assert.equal(decodeBody(beBom).text, xml);
  const r = decodeBody(be, { kind: 'xml' });
  assert.equal(r.text, xml);
  assert.equal(r.charset, 'utf-16be');
  assert.equal(sniffUtf16(Buffer.from('{"a":1}', 'utf16le')), 'le');
  assert.equal(sniffUtf16(utf8('plain ascii')), null);
  assert.equal(decodeBody(Buffer.from('{"title":"é"}', 'utf16le'), { contentType: 'application/json' }).text, '{"title":"é"}');
});

test('HTTP charset outranks in-document declarations', () => {
  const doc = `<?xml version="1.0" encoding="utf-8"?><t>${FR}</t>`;
  const r = decodeBody(cp1252(doc), { contentType: 'application/xml; charset="Windows-1252"' });
  assert.equal(r.text, doc);
  assert.equal(r.source, 'http');
  assert.equal(r.declared, 'windows-1252');
  assert.equal(r.encodingRepaired, false);
});

test('HTML: <meta charset> and http-equiv are honoured, ignoring comments', () => {
  const a = `<!doctype html><html><head><meta charset="windows-1252"><title>${FR}</title>`;
  assert.equal(decodeBody(cp1252(a), { contentType: 'text/html' }).text, a);
  const b = `<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ISO-8859-15"><title>coût 5 €</title>`;
  const rb = decodeBody(iconv.encode(b, 'iso-8859-15'), { contentType: 'text/html' });
  assert.equal(rb.text, b);
  assert.equal(rb.source, 'meta');
  assert.equal(rb.charset, 'iso-8859-15');
  const c = `<html><!-- <meta charset="koi8-r"> --><head><meta charset=utf-8><title>${FR}</title>`;
  assert.equal(decodeBody(utf8(c), { kind: 'html' }).text, c);
  // <meta charset=utf-16> in an ASCII-readable document means UTF-8 (WHATWG).
  const d = `<meta charset="utf-16"><p>${FR}`;
  assert.equal(decodeBody(utf8(d), { kind: 'html' }).text, d);
});

test('other legacy charsets go through iconv-lite', () => {
  const jp = '<?xml version="1.0" encoding="Shift_JIS"?><t>日本語のニュース</t>';
  assert.equal(decodeBody(iconv.encode(jp, 'shift_jis'), { contentType: 'application/xml' }).text, jp);
  const ru = 'Новости дня';
  const r = decodeBody(iconv.encode(ru, 'koi8-r'), { contentType: 'text/plain; charset=KOI8-R' });
  assert.equal(r.text, ru);
  assert.equal(r.charset, 'koi8-r');
});

test('the common lies are repaired and flagged', () => {
  // Declared UTF-8, windows-1252 bytes.
  const a = decodeBody(cp1252(`<p>${FR}</p>`), { contentType: 'text/html; charset=utf-8' });
  assert.equal(a.text, `<p>${FR}</p>`);
  assert.equal(a.encodingRepaired, true);
  assert.equal(a.charset, 'windows-1252');
  // Mostly UTF-8 with one pasted windows-1252 fragment: valid sequences kept, stray bytes as windows-1252.
  const mixed = Buffer.concat([utf8('Été — '), cp1252('l’été €'), utf8(' fin')]);
  const b = decodeBody(mixed, { contentType: 'text/plain; charset=utf-8' });
  assert.equal(b.text, 'Été — l’été € fin');
  assert.equal(b.encodingRepaired, true);
  // Declared ISO-8859-1 with 0x80-0x9F: read as windows-1252 (WHATWG), flagged.
  const c = decodeBody(cp1252('5 € — l’été'), { contentType: 'text/plain; charset=iso-8859-1' });
  assert.equal(c.text, '5 € — l’été');
  assert.equal(c.encodingRepaired, true);
  // Declared ISO-8859-1 without such bytes: honest, not flagged.
  const d = decodeBody(cp1252('été'), { contentType: 'text/plain; charset=latin1' });
  assert.equal(d.text, 'été');
  assert.equal(d.encodingRepaired, false);
  // Declared windows-1252 but valid UTF-8: decoded as UTF-8, flagged.
  const e = decodeBody(utf8(FR), { contentType: 'text/plain; charset=windows-1252' });
  assert.equal(e.text, FR);
  assert.equal(e.encodingRepaired, true);
  // Plain ASCII is never "repaired".
  assert.equal(decodeBody(utf8('hello'), { contentType: 'text/plain; charset=iso-8859-1' }).encodingRepaired, false);
});

test('unknown labels: ignored from HTTP/HTML, refused from an XML declaration', () => {
  assert.equal(decodeBody(utf8(FR), { contentType: 'text/plain; charset=bogus-42' }).text, FR);
  assert.equal(decodeBody(utf8(`<meta charset="nope"><p>${FR}`), { kind: 'html' }).text, `<meta charset="nope"><p>${FR}`);
  assert.throws(() => decodeBody(utf8('<?xml version="1.0" encoding="x-nonexistent"?><a/>'), { kind: 'xml' }), DecodeError);
  assert.throws(() => decodeBody(utf8('<?xml version="1.0" encoding="base64"?><a/>'), { kind: 'xml' }), DecodeError);
});

test('content-type helpers', () => {
  assert.deepEqual(parseContentType('Application/RSS+XML; Charset="ISO-8859-1"'), { mimeType: 'application/rss+xml', charset: 'iso-8859-1' });
  assert.deepEqual(parseContentType(undefined), { mimeType: '' });
  assert.equal(kindFromContentType('application/atom+xml'), 'xml');
  assert.equal(kindFromContentType('text/xml'), 'xml');
  assert.equal(kindFromContentType('text/html; charset=utf-8'), 'html');
  assert.equal(kindFromContentType('application/feed+json'), 'json');
  assert.equal(kindFromContentType('image/png'), undefined);
});
