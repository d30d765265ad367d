// Bytes -> string for HTML documents: BOM first, then a charset from the transport (Content-Type),
// then <meta charset> / <meta http-equiv="content-type"> in the first bytes, else UTF-8. A page
// declared (or assumed) UTF-8 whose bytes are not valid UTF-8 is decoded as windows-1252, which is
// what such mislabelled pages almost always are (and a superset of ISO-8859-1 for printable text).
import iconv from 'iconv-lite';

export interface DecodedHtml {
  text: string;
  /** Encoding actually used. */
  encoding: string;
  /** Where the encoding came from. */
  source: 'bom' | 'transport' | 'meta' | 'default' | 'fallback';
}

const SNIFF_BYTES = 4096;

function normaliseLabel(label: string): string {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  // WHATWG Encoding: these labels all mean windows-1252.
  if (/^(?:iso[-_]?8859[-_]?1|latin-?1|l1|us-ascii|ascii|ansi_x3\.4-1968|cp1252|x-cp1252|cp819|ibm819|iso-ir-100|windows-1252)$/.test(l)) {
    return 'windows-1252';
  }
  if (l === 'utf8' || l === 'unicode-1-1-utf-8' || l === 'x-unicode20utf8') return 'utf-8';
  return l;
}

export function charsetFromContentType(ct: string | undefined | null): string | null {
  if (!ct) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(ct);
  return m ? normaliseLabel(m[1]) : null;
}

/** Looks for a charset declaration in the first bytes of the document (as the HTML prescan does). */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES)).toString('latin1');
  const metaRe = /<meta\b[^>]*>/gi;
  let m: RegExpExecArray | null;
  while ((m = metaRe.exec(head))) {
    const tag = m[0];
    const cs = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (cs) {
      // <meta charset=x> or <meta http-equiv=content-type content="text/html; charset=x">
      if (/\bcharset\s*=/i.test(tag.replace(/\bcontent\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, ''))) return normaliseLabel(cs[1]);
      if (/http-equiv\s*=\s*["']?content-type/i.test(tag)) return normaliseLabel(cs[1]);
    }
  }
  return null;
}

function isUtf16(label: string): boolean {
  return label === 'utf-16' || label === 'utf-16le' || label === 'utf-16be';
}

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: decodeUtf8(buf.subarray(3)).text, encoding: 'utf-8', source: 'bom' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le', source: 'bom' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be', source: 'bom' };
  }
  let label = charsetFromContentType(contentType);
  let source: DecodedHtml['source'] = 'transport';
  if (!label) {
    label = sniffMetaCharset(buf);
    source = 'meta';
    // A document that parsed as ASCII cannot really be UTF-16 (WHATWG: treat as UTF-8).
    if (label && isUtf16(label)) label = 'utf-8';
  }
  if (!label) {
    label = 'utf-8';
    source = 'default';
  }
  if (label === 'utf-8') {
    const r = decodeUtf8(buf);
    return r.ok ? { text: r.text, encoding: 'utf-8', source } : { text: r.text, encoding: 'windows-1252', source: 'fallback' };
  }
  if (iconv.encodingExists(label)) return { text: iconv.decode(buf, label), encoding: label, source };
  const r = decodeUtf8(buf);
  return r.ok ? { text: r.text, encoding: 'utf-8', source: 'default' } : { text: r.text, encoding: 'windows-1252', source: 'fallback' };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(buf: Buffer): { text: string; ok: boolean } {
  try {
    return { text: strictUtf8.decode(buf), ok: true };
  } catch {
    return { text: iconv.decode(buf, 'windows-1252'), ok: false };
  }
}
