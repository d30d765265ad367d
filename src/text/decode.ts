// Turns response bytes into text. Order: BOM, UTF-16 byte pattern, HTTP charset, in-document declaration
// (XML declaration, HTML <meta>), then UTF-8. UTF-8 is decoded strictly; the common lies (declared UTF-8 or
// ISO-8859-1 but really windows-1252, declared ISO-8859-1 but really UTF-8) are repaired and reported.
// windows-1252 goes through iconv-lite: some Node releases decode 0x80-0x9F as C1 controls (nodejs/node#60888).
import iconv from 'iconv-lite';

export type BodyKind = 'html' | 'xml' | 'json' | 'text';

export type CharsetSource = 'bom' | 'utf16-pattern' | 'http' | 'xml-declaration' | 'meta' | 'default';

export interface DecodeOptions {
  /** The Content-Type header value, if any (its charset parameter is honoured). */
  contentType?: string | null;
  /** What the body is; inferred from the content type, then from the first bytes, when absent. */
  kind?: BodyKind;
}

export interface DecodedBody {
  text: string;
  /** The encoding actually used (lowercase WHATWG-style name, e.g. "utf-8", "windows-1252", "utf-16le"). */
  charset: string;
  /** Where the charset came from. */
  source: CharsetSource;
  /** The charset the HTTP header or the document declared, if any (lowercase label as written). */
  declared?: string;
  /** True when the bytes did not match the declared/default charset and were reinterpreted. */
  encodingRepaired: boolean;
  /** What was repaired, for logs and provenance. */
  repairNote?: string;
}

export class DecodeError extends Error {
  readonly code = 'unsupported-encoding';
  readonly charset: string;
  constructor(charset: string, message: string) {
    super(message);
    this.name = 'DecodeError';
    this.charset = charset;
  }
}

/** Splits a Content-Type header into its lowercase MIME type and charset parameter. */
export function parseContentType(header: string | null | undefined): { mimeType: string; charset?: string } {
  if (!header) return { mimeType: '' };
  const [type, ...params] = header.split(';');
  const out: { mimeType: string; charset?: string } = { mimeType: type!.trim().toLowerCase() };
  for (const p of params) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    if (p.slice(0, eq).trim().toLowerCase() === 'charset') {
      const v = p.slice(eq + 1).trim().replace(/^["']|["']$/g, '').trim().toLowerCase();
      if (v) out.charset = v;
    }
  }
  return out;
}

export function kindFromContentType(header: string | null | undefined): BodyKind | undefined {
  const { mimeType } = parseContentType(header);
  if (!mimeType) return undefined;
  if (mimeType === 'text/html' || mimeType === 'application/xhtml+xml') return 'html';
  if (mimeType.endsWith('/xml') || mimeType.endsWith('+xml')) return 'xml';
  if (mimeType.endsWith('/json') || mimeType.endsWith('+json')) return 'json';
  if (mimeType.startsWith('text/')) return 'text';
  return undefined;
}

const UTF7_LABELS = new Set(['utf-7', 'utf7', 'unicode-1-1-utf-7', 'csunicode11utf7', 'utf-7-imap', 'utf7-imap', 'x-unicode20utf7']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']);
// WHATWG maps all of these to windows-1252; so do we.
const LATIN1_LABELS = new Set([
  'iso-8859-1', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'iso-ir-100', 'latin1', 'l1', 'cp819',
  'ibm819', 'csisolatin1', 'us-ascii', 'ascii', 'ansi_x3.4-1968', 'iso-8859-1:1987',
]);
const CP1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252']);
const UTF16_LABELS = new Map([
  ['utf-16', 'utf-16'], ['utf16', 'utf-16'], ['unicode', 'utf-16'], ['ucs-2', 'utf-16'], ['csunicode', 'utf-16'],
  ['iso-10646-ucs-2', 'utf-16'], ['unicodefeff', 'utf-16'], ['utf-16le', 'utf-16le'], ['utf-16be', 'utf-16be'],
  ['unicodefffe', 'utf-16be'],
]);
// iconv-lite knows these but they are not text encodings a document may declare.
const NOT_CHARSETS = new Set(['base64', 'hex', 'binary', 'base64url']);

type Charset =
  | { kind: 'utf-8' }
  | { kind: 'latin'; label: string } // iso-8859-1 family or windows-1252: decoded as windows-1252
  | { kind: 'utf-16'; endian?: 'le' | 'be' }
  | { kind: 'iconv'; name: string };

/** Maps a label to a supported charset; null if unknown; throws on UTF-7. */
function lookupCharset(label: string): Charset | null {
  const l = label.trim().toLowerCase();
  if (UTF7_LABELS.has(l)) throw new DecodeError(l, 'UTF-7 is refused (it hides markup from filters)');
  if (UTF8_LABELS.has(l)) return { kind: 'utf-8' };
  if (LATIN1_LABELS.has(l) || CP1252_LABELS.has(l)) return { kind: 'latin', label: l };
  const u16 = UTF16_LABELS.get(l);
  if (u16) return u16 === 'utf-16' ? { kind: 'utf-16' } : { kind: 'utf-16', endian: u16 === 'utf-16le' ? 'le' : 'be' };
  if (NOT_CHARSETS.has(l) || !/^[a-z0-9][a-z0-9._:-]*$/.test(l)) return null;
  if (iconv.encodingExists(l)) return { kind: 'iconv', name: l };
  return null;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function bomOf(b: Uint8Array): { charset: Charset; length: number; name: string } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: { kind: 'utf-8' }, length: 3, name: 'utf-8' };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: { kind: 'utf-16', endian: 'le' }, length: 2, name: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: { kind: 'utf-16', endian: 'be' }, length: 2, name: 'utf-16be' };
  return null;
}

/** Detects BOM-less UTF-16 from mostly-ASCII content: every other byte is zero. */
export function sniffUtf16(b: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(b.length, 128) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero === pairs && evenZero === 0) return 'le';
  if (evenZero === pairs && oddZero === 0) return 'be';
  // Mostly ASCII markup, with a few non-Latin characters.
  if (oddZero >= pairs * 0.9 && evenZero <= pairs * 0.05 && b[0] !== 0) return 'le';
  if (evenZero >= pairs * 0.9 && oddZero <= pairs * 0.05 && b[1] !== 0) return 'be';
  return null;
}

function head(b: Uint8Array, n: number): string {
  return Buffer.from(b.buffer, b.byteOffset, Math.min(b.length, n)).toString('latin1');
}

function xmlDeclaredEncoding(b: Uint8Array): string | undefined {
  const m = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']\s*([^"'\s]+)\s*["']/.exec(head(b, 512));
  return m?.[1]?.toLowerCase();
}

function metaDeclaredCharset(b: Uint8Array): string | undefined {
  const text = head(b, 4096).replace(/<!--[\s\S]*?-->/g, '');
  const m = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(text);
  return m?.[1]?.toLowerCase();
}

function sniffKind(b: Uint8Array): BodyKind {
  const start = head(b, 256).replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<?xml')) return 'xml';
  if (start.startsWith('<')) return /^<(!doctype html|html|head|body|meta)\b/i.test(start) ? 'html' : 'xml';
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  return 'text';
}

interface Utf8Scan {
  valid: boolean;
  multibyte: number;
}

/** Length of the valid UTF-8 sequence starting at i, or 0 if the bytes there are not valid UTF-8. */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  let len: number;
  let min: number;
  if (c >= 0xc2 && c <= 0xdf) [len, min] = [2, 0x80];
  else if (c >= 0xe0 && c <= 0xef) [len, min] = [3, 0x800];
  else if (c >= 0xf0 && c <= 0xf4) [len, min] = [4, 0x10000];
  else return 0;
  if (i + len > b.length) return 0;
  let cp = c & (0xff >> (len + 1));
  for (let k = 1; k < len; k++) {
    const d = b[i + k]!;
    if ((d & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (d & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return len;
}

function scanUtf8(b: Uint8Array): Utf8Scan {
  let multibyte = 0;
  for (let i = 0; i < b.length; ) {
    if (b[i]! < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(b, i);
    if (len === 0) return { valid: false, multibyte };
    multibyte++;
    i += len;
  }
  return { valid: true, multibyte };
}

let cp1252High: string[] | undefined;
function cp1252Char(byte: number): string {
  cp1252High ??= Array.from({ length: 0x20 }, (_, k) => iconv.decode(Buffer.from([0x80 + k]), 'windows-1252'));
  return byte >= 0x80 && byte <= 0x9f ? cp1252High[byte - 0x80]! : String.fromCharCode(byte);
}

/** Valid UTF-8 sequences as UTF-8, every other byte as windows-1252 (documents mixing the two). */
function decodeMixed(b: Uint8Array): string {
  const parts: string[] = [];
  let runStart = 0;
  let i = 0;
  const flush = (end: number) => {
    if (end > runStart) parts.push(fatalUtf8.decode(b.subarray(runStart, end)));
  };
  while (i < b.length) {
    const len = utf8SequenceLength(b, i);
    if (len > 0) {
      i += len;
      continue;
    }
    flush(i);
    parts.push(cp1252Char(b[i]!));
    i++;
    runStart = i;
  }
  flush(i);
  return parts.join('');
}

function decodeCp1252(b: Uint8Array): string {
  return iconv.decode(Buffer.from(b.buffer, b.byteOffset, b.length), 'windows-1252');
}

function hasC1Bytes(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80 && b[i]! <= 0x9f) return true;
  return false;
}

function decodeUtf16(b: Uint8Array, endian: 'le' | 'be'): string {
  return new TextDecoder(endian === 'le' ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(b);
}

type Result = Omit<DecodedBody, 'source' | 'declared'>;

function decodeUtf8Repairing(b: Uint8Array, what: string): Result {
  try {
    return { text: fatalUtf8.decode(b), charset: 'utf-8', encodingRepaired: false };
  } catch {
    const scan = scanUtf8(b);
    if (scan.multibyte === 0) {
      return { text: decodeCp1252(b), charset: 'windows-1252', encodingRepaired: true, repairNote: `${what}, but the bytes are not UTF-8: decoded as windows-1252` };
    }
    return { text: decodeMixed(b), charset: 'utf-8', encodingRepaired: true, repairNote: `${what}, but some bytes are not UTF-8: those decoded as windows-1252` };
  }
}

function decodeAs(b: Uint8Array, cs: Charset, what: string): Result {
  switch (cs.kind) {
    case 'utf-8':
      return decodeUtf8Repairing(b, what);
    case 'latin': {
      const scan = scanUtf8(b);
      if (scan.valid && scan.multibyte > 0) {
        return { text: fatalUtf8.decode(b), charset: 'utf-8', encodingRepaired: true, repairNote: `${what}, but the bytes are valid UTF-8: decoded as UTF-8` };
      }
      const lied = !CP1252_LABELS.has(cs.label) && hasC1Bytes(b);
      const r: Result = { text: decodeCp1252(b), charset: 'windows-1252', encodingRepaired: lied };
      if (lied) r.repairNote = `${what}, but bytes 0x80-0x9F are windows-1252 characters: decoded as windows-1252`;
      return r;
    }
    case 'utf-16': {
      const endian = cs.endian ?? sniffUtf16(b) ?? 'le';
      return { text: decodeUtf16(b, endian), charset: endian === 'le' ? 'utf-16le' : 'utf-16be', encodingRepaired: false };
    }
    case 'iconv':
      return { text: iconv.decode(Buffer.from(b.buffer, b.byteOffset, b.length), cs.name), charset: cs.name, encodingRepaired: false };
  }
}

/**
 * Decodes a response body to text. Throws DecodeError (code 'unsupported-encoding') for UTF-7 from any
 * source, and for an unknown encoding declared by an XML document. Unknown labels in the HTTP header or an
 * HTML <meta> are ignored, as browsers do.
 */
export function decodeBody(input: Uint8Array, opts: DecodeOptions = {}): DecodedBody {
  const bytes = input;
  const kind = opts.kind ?? kindFromContentType(opts.contentType) ?? sniffKind(bytes);
  const httpLabel = parseContentType(opts.contentType).charset;

  const bom = bomOf(bytes);
  if (bom) {
    // The BOM overrides any declaration (XML spec and WHATWG agree), but UTF-7 is never acceptable.
    if (httpLabel) lookupCharset(httpLabel);
    const r = decodeAs(bytes.subarray(bom.length), bom.charset, 'byte-order mark says UTF-8');
    return withMeta(r, 'bom', httpLabel);
  }

  const pattern = sniffUtf16(bytes);
  if (pattern) {
    const r = decodeAs(bytes, { kind: 'utf-16', endian: pattern }, '');
    return withMeta(stripBom(r), 'utf16-pattern', httpLabel);
  }

  if (httpLabel) {
    const cs = lookupCharset(httpLabel);
    if (cs) return withMeta(stripBom(decodeAs(bytes, cs, `declared ${httpLabel} by HTTP`)), 'http', httpLabel);
  }

  const candidates: Array<[CharsetSource, string | undefined]> = [];
  if (kind === 'xml') candidates.push(['xml-declaration', xmlDeclaredEncoding(bytes)]);
  if (kind === 'html') candidates.push(['meta', metaDeclaredCharset(bytes)], ['xml-declaration', xmlDeclaredEncoding(bytes)]);
  for (const [source, label] of candidates) {
    if (!label) continue;
    const cs = lookupCharset(label);
    if (!cs) {
      if (source === 'xml-declaration' && kind === 'xml') {
        throw new DecodeError(label, `the XML declaration names an unsupported encoding "${label}"`);
      }
      continue;
    }
    // A declaration we could read as ASCII cannot be UTF-16 (WHATWG treats it as UTF-8).
    const effective: Charset = cs.kind === 'utf-16' ? { kind: 'utf-8' } : cs;
    return withMeta(stripBom(decodeAs(bytes, effective, `declared ${label} in the document`)), source, label);
  }

  return withMeta(stripBom(decodeAs(bytes, { kind: 'utf-8' }, 'no charset declared (UTF-8 assumed)')), 'default', undefined);
}

function stripBom(r: Result): Result {
  if (r.text.charCodeAt(0) === 0xfeff) r.text = r.text.slice(1);
  return r;
}

function withMeta(r: Result, source: CharsetSource, declared: string | undefined): DecodedBody {
  const out: DecodedBody = { ...r, source };
  if (declared !== undefined) out.declared = declared;
  return out;
}
