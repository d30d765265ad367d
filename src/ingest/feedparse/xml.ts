// A namespace-aware, non-validating, never-fetching XML reader on top of htmlparser2's tokenizer.
// It reports SAX-like events, records the first well-formedness error (the document is then "bozo") and
// keeps going the way a tolerant feed reader must. No DTD processing: the DOCTYPE is cut out beforehand;
// only simple internal entities (literal text or one character reference) are honoured, never expanded
// recursively, and HTML named entities are resolved as a lenient fallback (still a well-formedness error).
import { Tokenizer } from 'htmlparser2';
import { decodeHTMLStrict } from 'entities';

export interface XmlAttr { ns: string | null; local: string; qname: string; value: string }
export interface XmlHandler {
  startPrefixMapping(prefix: string | null, uri: string): void;
  startElement(ns: string | null, local: string, qname: string, attrs: XmlAttr[]): void;
  endElement(ns: string | null, local: string, qname: string): void;
  characters(text: string): void;
}
export class XmlLimitError extends Error {}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ILLEGAL_CHARS = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;
const HAS_ILLEGAL_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;
const REF = /&(?:#[xX]([0-9a-fA-F]+);|#([0-9]+);|([A-Za-z_:][\w.:\-]*);)?/g;

/** Finds the DOCTYPE (with its internal subset) and the simple internal entities it declares. */
export function stripDoctype(text: string): { text: string; entities: Record<string, string>; doctype: string } {
  const entities: Record<string, string> = {};
  // Look for the DOCTYPE only in the prolog (before the first element), outside comments: one linear scan.
  let start = -1;
  for (let p = text.indexOf('<'); p >= 0 && p < text.length; p = text.indexOf('<', p + 1)) {
    if (text.startsWith('<!--', p)) { const end = text.indexOf('-->', p + 4); if (end < 0) break; p = end + 2; continue; }
    if (/^<!DOCTYPE/i.test(text.slice(p, p + 9))) { start = p; break; }
    if (/^<[A-Za-z_]/.test(text.slice(p, p + 2))) break;
  }
  if (start < 0) return { text, entities, doctype: '' };
  let i = start + 9; let depth = 0; let quote = '';
  for (; i < text.length; i++) {
    const c = text[i];
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) break;
  }
  const doctype = text.slice(start, i + 1);
  for (const m of doctype.matchAll(/<!ENTITY\s+(\w+)\s+"(&#\w+;|[^&"%]*)"\s*>/g)) entities[m[1]] = m[2];
  return { text: text.slice(0, start) + ' '.repeat(0) + text.slice(i + 1), entities, doctype };
}

interface Frame { qname: string; ns: string | null; local: string; scope: Map<string | null, string> | null }

/** Parses `text`, calling `h`; returns the first well-formedness error, if any. Throws XmlLimitError. */
export function readXml(text: string, h: XmlHandler, opts: { maxDepth: number; entities?: Record<string, string>; maxEntityExpansion?: number }): string | undefined {
  const entities = opts.entities ?? {};
  // Internal entities are never recursive here, but many references to one long entity still multiply.
  const maxExpansion = opts.maxEntityExpansion ?? 1_000_000; let expanded = 0;
  let error: string | undefined;
  const fail = (msg: string): void => { if (!error) error = msg; };
  const stack: Frame[] = [];
  const scopes: Map<string | null, string>[] = [new Map<string | null, string>([['xml', XML_NS]])];
  let sawRoot = false; let rootClosed = false;
  let tagName = ''; let attrs: [string, string][] = []; let attrName = ''; let attrValue = '';

  const lookup = (prefix: string | null): string | undefined => {
    for (let i = scopes.length - 1; i >= 0; i--) { const v = scopes[i].get(prefix); if (v !== undefined) return v; }
    return undefined;
  };
  const decode = (raw: string, inAttr: boolean): string => {
    if (HAS_ILLEGAL_CHAR.test(raw)) { fail('not well-formed (invalid token)'); raw = raw.replace(ILLEGAL_CHARS, ''); }
    if (!inAttr && raw.includes('<')) fail('not well-formed (invalid token)');
    if (inAttr && raw.includes('<')) fail("'<' not allowed in attribute value");
    if (!raw.includes('&')) return raw;
    return raw.replace(REF, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (hex !== undefined || dec !== undefined) {
        const cp = hex !== undefined ? parseInt(hex, 16) : parseInt(dec as string, 10);
        if (!(cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff))) {
          fail('reference to invalid character number'); return '';
        }
        return String.fromCodePoint(cp);
      }
      if (name === undefined) { fail('not well-formed (invalid token)'); return '&'; }
      if (name in PREDEFINED) return PREDEFINED[name];
      if (Object.prototype.hasOwnProperty.call(entities, name)) {
        const v = entities[name];
        expanded += v.length;
        if (expanded > maxExpansion) throw new XmlLimitError(`entity expansion beyond ${maxExpansion} characters`);
        const cr = /^&#(x[0-9a-fA-F]+|[0-9]+);$/.exec(v);
        if (cr) return String.fromCodePoint(cr[1][0] === 'x' ? parseInt(cr[1].slice(1), 16) : parseInt(cr[1], 10));
        return v;
      }
      fail(`undefined entity &${name};`);
      if (name === 'lang' || name === 'rang') return name === 'lang' ? '\u2329' : '\u232a'; // HTML 4 values
      const html = decodeHTMLStrict(m);
      return html !== m ? html : m;
    });
  };
  const split = (qname: string): [string | null, string] => {
    const i = qname.indexOf(':');
    return i > 0 ? [qname.slice(0, i), qname.slice(i + 1)] : [null, qname];
  };
  const openTag = (selfClosing: boolean): void => {
    const qname = tagName;
    if (stack.length >= opts.maxDepth) throw new XmlLimitError(`nesting deeper than ${opts.maxDepth} elements`);
    if (rootClosed && stack.length === 0) fail('junk after document element');
    sawRoot = true;
    let scope: Map<string | null, string> | null = null;
    const seen = new Set<string>(); const plain: [string, string][] = [];
    for (const [n, v] of attrs) {
      if (seen.has(n)) { fail('duplicate attribute'); continue; }
      seen.add(n);
      if (n === 'xmlns' || n.startsWith('xmlns:')) {
        scope ??= new Map();
        const prefix = n === 'xmlns' ? null : n.slice(6);
        scope.set(prefix, v);
        h.startPrefixMapping(prefix, v);
      } else plain.push([n, v]);
    }
    if (scope) scopes.push(scope);
    const [prefix, local] = split(qname);
    let ns = lookup(prefix) ?? null;
    if (prefix !== null && ns === null) fail(`unbound prefix ${prefix}`);
    if (ns === '') ns = null;
    const xattrs: XmlAttr[] = plain.map(([n, v]) => {
      const [p, l] = split(n);
      let ans: string | null = null;
      if (p !== null) { ans = lookup(p) ?? null; if (ans === null) fail(`unbound prefix ${p}`); }
      return { ns: ans, local: ans === null && p !== null ? n : l, qname: n, value: v };
    });
    const frame: Frame = { qname, ns, local: ns === null && prefix !== null ? qname : local, scope };
    stack.push(frame);
    h.startElement(frame.ns, frame.local, qname, xattrs);
    if (selfClosing) closeTop();
  };
  const closeTop = (): void => {
    const f = stack.pop() as Frame;
    h.endElement(f.ns, f.local, f.qname);
    if (f.scope) scopes.pop();
    if (stack.length === 0) rootClosed = true;
  };

  const tok = new Tokenizer({ xmlMode: true, decodeEntities: false }, {
    onattribdata(s, e) { attrValue += text.slice(s, e); },
    onattribentity() { /* decodeEntities is off */ },
    onattribend(quote, _e) {
      if (quote === 0 || quote === 1) fail('not well-formed (attribute value must be quoted)');
      const value = decode(attrValue, true).replace(/[\t\n\r]/g, ' ');
      attrs.push([attrName, value]); attrName = ''; attrValue = '';
    },
    onattribname(s, e) { attrName = text.slice(s, e); attrValue = ''; },
    oncdata(s, e, endOffset) {
      if (endOffset === 0) fail('unclosed CDATA section');
      if (stack.length) h.characters(text.slice(s, e - endOffset).replace(ILLEGAL_CHARS, ''));
      else fail('not well-formed (CDATA outside the document element)');
    },
    onclosetag(s, e) {
      const name = text.slice(s, e).trim();
      if (stack.length && stack[stack.length - 1].qname === name) { closeTop(); return; }
      fail('mismatched tag');
      if (stack.some((f) => f.qname === name)) { while (stack.length && stack[stack.length - 1].qname !== name) closeTop(); closeTop(); }
    },
    oncomment(_s, _e, endOffset) { if (endOffset === 0) fail('unclosed comment'); },
    ondeclaration(s, e) { if (!/^!?doctype/i.test(text.slice(s, e))) fail('not well-formed (invalid declaration)'); },
    onend() { /* handled below */ },
    onopentagend() { openTag(false); },
    onopentagname(s, e) { tagName = text.slice(s, e); attrs = []; },
    onprocessinginstruction(s, e) {
      const pi = text.slice(s, e);
      if (/^\??xml(\s|\?|$)/i.test(pi) && text.lastIndexOf('<?', s) > 0) fail('XML or text declaration not at start of entity');
    },
    onselfclosingtag() { openTag(true); },
    ontext(s, e) {
      const raw = text.slice(s, e);
      if (!stack.length) {
        if (raw.trim()) fail(sawRoot ? 'junk after document element' : 'syntax error');
        return;
      }
      h.characters(decode(raw, false));
    },
    ontextentity() { /* decodeEntities is off */ },
  });
  tok.write(text);
  tok.end();
  if (!sawRoot) fail('no element found');
  if (!/>\s*$/.test(text)) fail('unclosed token');
  if (stack.length) { fail('unclosed token'); while (stack.length) closeTop(); }
  return error;
}
