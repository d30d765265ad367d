// Bytes → text for feeds: BOM, UTF-16/32 sniffing, XML declaration, HTTP charset (RFC 3023 rules as
// feedparser applies them), then fallbacks (UTF-8, windows-1252, ISO-8859-2). Never TextDecoder for
// single-byte charsets: several Node releases decode 0x80–0x9F of windows-1252 as C1 controls.
import iconv from 'iconv-lite';

export type DecodeResult =
  | { ok: true; text: string; encoding: string; bozo?: 'CharacterEncodingOverride' | 'NonXMLContentType'; bozoReason?: string }
  | { ok: false; error: string };

const startsWith = (b: Uint8Array, sig: number[]): boolean => sig.every((x, i) => b[i] === x);
const UTF16_NAMES = new Set(['u16', 'utf-16', 'utf16', 'utf_16', 'u32', 'utf-32', 'utf32', 'utf_32',
  'iso-10646-ucs-2', 'iso-10646-ucs-4', 'csucs4', 'csunicode', 'ucs-2', 'ucs-4']);
const REFUSED = /^(utf-?7|x-utf-?7|unicode-1-1-utf-7|csunicode11utf7|utf_7|u7)$/i;

/** Windows-1252 0x80–0x9F (undefined positions map to themselves, as WHATWG does). */
export const CP1252_HIGH: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6,
  0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c,
  0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
  0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};
/** Maps C1 controls U+0080–U+009F to the windows-1252 characters feeds nearly always meant. */
export function fixC1(s: string): string {
  return /[\u0080-\u009f]/.test(s) ? s.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0)] ?? c.charCodeAt(0))) : s;
}

function decodeUtf32(b: Uint8Array, le: boolean): string | null {
  if (b.length % 4) return null;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength); const out: string[] = [];
  for (let i = 0; i < b.length; i += 4) {
    const cp = dv.getUint32(i, le);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    out.push(String.fromCodePoint(cp));
  }
  return out.join('');
}

/** Strict decoding with a Python-like codec name; null when the bytes are not valid in it or it is unknown. */
export function tryDecode(bytes: Uint8Array, name: string): string | null {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  if (REFUSED.test(n)) return null;
  try {
    if (n === 'us-ascii' || n === 'ascii' || n === '646') {
      for (const b of bytes) if (b > 0x7f) return null;
      return Buffer.from(bytes).toString('latin1');
    }
    if (n === 'utf-8' || n === 'utf8' || n === 'u8') return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    if (n === 'utf-16be' || n === 'utf-16le' || n === 'utf-16') {
      if (bytes.length % 2) return null;
      const le = n === 'utf-16le' || (n === 'utf-16' && !(bytes[0] === 0xfe && bytes[1] === 0xff));
      const body = n === 'utf-16' && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) ? bytes.subarray(2) : bytes;
      return new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(body);
    }
    if (n === 'utf-32be' || n === 'utf-32le' || n === 'utf-32') return decodeUtf32(bytes, n !== 'utf-32be');
    if (['iso-8859-1', 'iso8859-1', 'latin-1', 'latin1', 'l1', 'iso-ir-100', 'cp819', '8859'].includes(n)) {
      // Feeds declared ISO-8859-1 are very often UTF-8 in fact: prefer UTF-8 when the bytes are valid UTF-8.
      if (bytes.some((b) => b > 0x7f)) {
        try { return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes); } catch { /* really Latin-1 */ }
      }
      return fixC1(Buffer.from(bytes).toString('latin1'));
    }
    if (n === 'gb2312') name = 'gb18030';
    if (!iconv.encodingExists(n)) return null;
    const text = iconv.decode(Buffer.from(bytes), n, { stripBOM: false });
    if (text.includes('\ufffd')) return null; // invalid multi-byte sequence (Python's strict decoding fails too)
    return text;
  } catch {
    return null;
  }
}

function parseContentType(ct: string): { type: string; charset: string } {
  const parts = ct.split(';');
  const type = (parts.shift() ?? '').trim();
  let charset = '';
  for (const p of parts) {
    const i = p.indexOf('=');
    if (i < 0) continue;
    if (p.slice(0, i).trim().toLowerCase() !== 'charset') continue;
    let v = p.slice(i + 1).trim();
    if (v.length >= 2 && v[0] === '"' && v.at(-1) === '"') v = v.slice(1, -1);
    charset = v.replace(/'/g, '');
  }
  return { type, charset };
}

/**
 * Decodes feed bytes. `headers` are HTTP response headers (lower-case names); pass none for a file.
 * The encoding reported is the name that worked (as declared, lower-cased for the XML declaration).
 */
export function decodeFeedBytes(input: Uint8Array, headers?: Record<string, string>): DecodeResult {
  let data = input; let bom = '';
  if (startsWith(data, [0x00, 0x00, 0xfe, 0xff])) { bom = 'utf-32be'; data = data.subarray(4); }
  else if (startsWith(data, [0xff, 0xfe, 0x00, 0x00])) { bom = 'utf-32le'; data = data.subarray(4); }
  else if (startsWith(data, [0xfe, 0xff]) && !(data[2] === 0 && data[3] === 0)) { bom = 'utf-16be'; data = data.subarray(2); }
  else if (startsWith(data, [0xff, 0xfe]) && !(data[2] === 0 && data[3] === 0)) { bom = 'utf-16le'; data = data.subarray(2); }
  else if (startsWith(data, [0xef, 0xbb, 0xbf])) { bom = 'utf-8'; data = data.subarray(3); }
  else if (startsWith(data, [0x00, 0x3c, 0x00, 0x3f])) bom = 'utf-16be';
  else if (startsWith(data, [0x3c, 0x00, 0x3f, 0x00])) bom = 'utf-16le';
  else if (startsWith(data, [0x00, 0x00, 0x00, 0x3c])) bom = 'utf-32be';
  else if (startsWith(data, [0x3c, 0x00, 0x00, 0x00])) bom = 'utf-32le';

  const bomSkipped = data !== input;
  let xmlEnc = '';
  const head = bom ? tryDecode(data.subarray(0, Math.min(data.length, 2048) & ~3), bom) : Buffer.from(data.subarray(0, 2048)).toString('latin1');
  const decl = head ? /^<\?[^>]*?encoding=['"](.*?)['"][^>]*\?>/.exec(head) : null;
  if (decl) {
    xmlEnc = decl[1].toLowerCase();
    if (bom && UTF16_NAMES.has(xmlEnc)) xmlEnc = bom;
  }
  if (REFUSED.test(xmlEnc.replace(/_/g, '-'))) return { ok: false, error: `unsupported encoding ${xmlEnc} (UTF-7 is refused)` };

  const hasHeaders = !!headers && Object.keys(headers).length > 0;
  const rawCt = headers?.['content-type'];
  const { type: httpType, charset: httpEnc } = parseContentType(rawCt ?? '');
  if (REFUSED.test(httpEnc.trim().replace(/_/g, '-'))) return { ok: false, error: `unsupported encoding ${httpEnc}` };
  let acceptable = false; let rfc3023: string;
  const appXml = ['application/xml', 'application/xml-dtd', 'application/xml-external-parsed-entity'];
  if (appXml.includes(httpType) || (httpType.startsWith('application/') && httpType.endsWith('+xml'))) {
    acceptable = true; rfc3023 = httpEnc || xmlEnc || 'utf-8';
  } else if (httpType === 'text/xml' || httpType === 'text/xml-external-parsed-entity' || (httpType.startsWith('text/') && httpType.endsWith('+xml'))) {
    acceptable = true; rfc3023 = httpEnc || 'us-ascii';
  } else if (httpType.startsWith('text/')) rfc3023 = httpEnc || 'us-ascii';
  else if (hasHeaders && rawCt === undefined) rfc3023 = xmlEnc || 'iso-8859-1';
  else rfc3023 = xmlEnc || 'utf-8';
  if (rfc3023.toLowerCase() === 'gb2312') rfc3023 = 'gb18030';
  if (xmlEnc === 'gb2312') xmlEnc = 'gb18030';

  let bozo: 'CharacterEncodingOverride' | 'NonXMLContentType' | undefined; let bozoReason: string | undefined;
  if (hasHeaders && !acceptable) {
    bozo = 'NonXMLContentType';
    bozoReason = rawCt !== undefined ? `${rawCt} is not an XML media type` : 'no Content-type specified';
  }
  const tried: string[] = [];
  // A real byte-order mark outranks every declaration (they are routinely wrong once a BOM is there).
  const candidates = bomSkipped ? [bom, rfc3023, xmlEnc] : [rfc3023, xmlEnc, bom];
  for (const proposed of [...candidates, 'utf-8', 'windows-1252', 'iso-8859-2']) {
    if (!proposed || tried.includes(proposed)) continue;
    tried.push(proposed);
    const text = tryDecode(data, proposed);
    if (text === null) continue;
    if (proposed !== rfc3023 && !(bomSkipped && proposed === bom)) {
      bozo = 'CharacterEncodingOverride';
      bozoReason = `document declared as ${rfc3023}, but parsed as ${proposed}`;
    }
    return { ok: true, text, encoding: proposed, bozo, bozoReason };
  }
  return { ok: false, error: `document encoding unknown, tried ${tried.join(', ')}` };
}
