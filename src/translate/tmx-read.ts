// TMX 1.4b reading, with the same hostile-XML rules as feeds and OPML: a size bound before parsing, no
// DTD processing (an internal subset, where entities are declared, is refused; an external DTD is never
// fetched), no entity but the five of XML, a nesting bound, and well-formedness required.
// Inline codes become placeholders: <bpt>/<ept> pairs → <n>…</n>, <ph>/<it> → <n/> (n from x, else i,
// else their order); their native code text is not kept; <hi> keeps its text, <sub> is left out.
import { readXml, stripDoctype, XmlLimitError, type XmlAttr } from '../ingest/feedparse/xml.ts';
import { InputError } from '../domain/types.ts';
import { primary } from './languages.ts';

export const TMX_MAX_BYTES = 100 * 1024 * 1024;
export const TMX_MAX_DEPTH = 32;

export interface TmxPair {
  from: string;
  to: string;
  source: string;
  target: string;
}

export interface TmxRead {
  pairs: TmxPair[];
  /** Translation units without a source-language variant, or with an empty source. */
  skipped: number;
}

const refuse = (why: string) => new InputError(`TMX refused: ${why}`, 'tmx');

export function readTmx(input: string | Uint8Array, opts: { maxBytes?: number; maxDepth?: number } = {}): TmxRead {
  const maxBytes = opts.maxBytes ?? TMX_MAX_BYTES;
  if (input.length > maxBytes) throw new InputError(`TMX refused: the document is larger than ${maxBytes} bytes`, 'tmx', 413);
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw refuse('the document is not UTF-8 (TMX 1.4 files are UTF-8 or UTF-16 with a byte order mark; convert it first)');
  }
  text = text.replace(/^\ufeff/, '');
  if (!text.trim()) throw refuse('the document is empty');
  const { text: body, doctype } = stripDoctype(text);
  if (/\[/.test(doctype)) throw refuse('the DOCTYPE declares an internal subset (entity declarations are never processed)');

  const pairs: TmxPair[] = [];
  let skipped = 0;
  let root: string | null = null;
  let headerSrc: string | null = null;
  let tuSrc: string | null = null;
  let tuvs: { lang: string; seg: string }[] = [];
  let lang: string | null = null;
  let seg: string | null = null;
  let inSeg = 0;
  let native = 0; // inside bpt/ept/ph/it/ut/sub: text is native code, not translatable
  let order = 0;
  const openByI = new Map<string, string>();
  const names: string[] = [];
  const attr = (attrs: XmlAttr[], name: string) => attrs.find((a) => a.qname === name || a.local === name)?.value;

  const handler = {
    startPrefixMapping() {},
    startElement(_ns: string | null, local: string, _q: string, attrs: XmlAttr[]) {
      names.push(local);
      if (root === null) {
        root = local;
        if (local !== 'tmx') throw refuse(`the root element is <${local}>, not <tmx>`);
        return;
      }
      if (inSeg) {
        if (native) { native++; return; }
        const x = attr(attrs, 'x');
        const i = attr(attrs, 'i');
        if (local === 'bpt') {
          const n = x ?? i ?? String(++order);
          if (i) openByI.set(i, n);
          seg += `<${n}>`;
          native = 1;
        } else if (local === 'ept') {
          const n = (i && openByI.get(i)) ?? i ?? String(order);
          seg += `</${n}>`;
          native = 1;
        } else if (local === 'ph' || local === 'it' || local === 'ut') {
          seg += `<${x ?? i ?? String(++order)}/>`;
          native = 1;
        } else if (local === 'sub') native = 1;
        return;
      }
      if (local === 'header') headerSrc = attr(attrs, 'srclang') ?? null;
      else if (local === 'tu') { tuSrc = attr(attrs, 'srclang') ?? null; tuvs = []; }
      else if (local === 'tuv') lang = attr(attrs, 'xml:lang') ?? attr(attrs, 'lang') ?? null;
      else if (local === 'seg') { seg = ''; inSeg = 1; order = 0; openByI.clear(); }
    },
    endElement(_ns: string | null, local: string) {
      names.pop();
      if (inSeg) {
        if (native) { native--; return; }
        if (local === 'seg') {
          inSeg = 0;
          if (lang) tuvs.push({ lang: primary(lang), seg: (seg ?? '').replace(/\s+/g, ' ').trim() });
          seg = null;
        }
        return;
      }
      if (local === 'tu') {
        const src = tuSrc && tuSrc !== '*all*' ? tuSrc : headerSrc && headerSrc !== '*all*' ? headerSrc : null;
        const s = src ? tuvs.find((t) => t.lang === primary(src)) : tuvs[0];
        if (!s || !s.seg) { skipped++; return; }
        for (const t of tuvs) if (t !== s && t.lang !== s.lang && t.seg) pairs.push({ from: s.lang, to: t.lang, source: s.seg, target: t.seg });
      }
    },
    characters(chars: string) {
      if (inSeg && !native) seg += chars;
    },
  };
  let error: string | undefined;
  try {
    error = readXml(body, handler, { maxDepth: opts.maxDepth ?? TMX_MAX_DEPTH, entities: {}, maxEntityExpansion: 0 });
  } catch (err) {
    if (err instanceof XmlLimitError) throw refuse(err.message);
    throw err;
  }
  if (error) throw refuse(`not well-formed XML (${error})`);
  if (root !== 'tmx') throw refuse('no <tmx> element');
  return { pairs, skipped };
}
