// OPML 2.0 reading and writing (pure). Reading is safe by construction: htmlparser2 in XML mode never
// processes a DTD, so no entity is ever defined or expanded (only the five XML ones and character
// references are decoded) and nothing is fetched; size and nesting depth are bounded.
import { Parser } from 'htmlparser2';
import iconv from 'iconv-lite';

export interface OpmlOutline {
  /** Line of the <outline> element in the document (1-based). */
  line: number;
  text: string | null;
  title: string | null;
  xmlUrl: string | null;
  htmlUrl: string | null;
  type: string | null;
  /** Enclosing folders, outermost first, joined with " / "; null at top level. */
  folder: string | null;
}

export type OpmlParseResult =
  | { ok: true; title: string | null; outlines: OpmlOutline[]; warnings: string[] }
  | { ok: false; error: string };

export const OPML_MAX_BYTES = 5 * 1024 * 1024;
export const OPML_MAX_DEPTH = 64;
export const FOLDER_SEPARATOR = ' / ';

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function clean(v: string | undefined): string | null {
  if (v == null) return null;
  // eslint-disable-next-line no-control-regex
  const t = v.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return t || null;
}

export function parseOpml(input: string | Uint8Array, opts: { maxBytes?: number; maxDepth?: number } = {}): OpmlParseResult {
  const maxBytes = opts.maxBytes ?? OPML_MAX_BYTES;
  const maxDepth = opts.maxDepth ?? OPML_MAX_DEPTH;
  if (input.length > maxBytes) return { ok: false, error: `OPML document larger than ${maxBytes} bytes` };
  const text = (typeof input === 'string' ? input : decodeOpml(input)).replace(/^\ufeff/, '');
  if (!text.trim()) return { ok: false, error: 'empty document' };
  const starts = lineStarts(text);
  const warnings: string[] = [];
  const outlines: OpmlOutline[] = [];
  const stack: string[] = []; // element names
  const folders: Array<string | null> = []; // per open <outline>: its folder label when it is one
  let root: string | null = null;
  let title: string | null = null;
  let inHeadTitle = false;
  let titleText = '';
  let error: string | null = null;
  let parser: Parser;

  parser = new Parser(
    {
      onprocessinginstruction(name) {
        if (name.toLowerCase() === '!doctype') warnings.push('DOCTYPE ignored (no DTD processing)');
      },
      onopentag(name, attrs) {
        if (error) return;
        const local = name.toLowerCase();
        if (root === null) {
          root = local;
          if (local !== 'opml') {
            error = `not an OPML document (root element <${name}>)`;
            parser.pause();
            return;
          }
        }
        stack.push(local);
        if (stack.length > maxDepth) {
          error = `OPML nested deeper than ${maxDepth} levels (line ${lineAt(starts, parser.startIndex)})`;
          parser.pause();
          return;
        }
        if (local === 'title' && stack[stack.length - 2] === 'head') {
          inHeadTitle = true;
          titleText = '';
        }
        if (local !== 'outline') return;
        const a: Record<string, string> = {};
        for (const [k, v] of Object.entries(attrs)) a[k.toLowerCase()] = v;
        const o: OpmlOutline = {
          line: lineAt(starts, parser.startIndex),
          text: clean(a.text),
          title: clean(a.title),
          xmlUrl: clean(a.xmlurl),
          htmlUrl: clean(a.htmlurl),
          type: clean(a.type),
          folder: folders.filter((f): f is string => f !== null).join(FOLDER_SEPARATOR) || null,
        };
        if (o.xmlUrl) {
          outlines.push(o);
          folders.push(null);
        } else {
          // An outline without xmlUrl groups the outlines inside it; one with neither text nor children is noise.
          folders.push(o.text ?? o.title);
          if (o.type && /^(rss|atom)$/i.test(o.type)) outlines.push(o); // a feed entry missing its URL: report it
        }
      },
      ontext(data) {
        if (inHeadTitle) titleText += data;
      },
      onclosetag(name) {
        if (error) return;
        const local = name.toLowerCase();
        if (local === 'title' && inHeadTitle) {
          inHeadTitle = false;
          title = clean(titleText);
        }
        if (local === 'outline') folders.pop();
        // htmlparser2 closes implied tags itself; keep our stack in step with what it reports.
        const at = stack.lastIndexOf(local);
        if (at >= 0) stack.length = at;
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(text);
  parser.end();
  if (error) return { ok: false, error };
  if (root === null) return { ok: false, error: 'not an OPML document (no root element)' };
  return { ok: true, title, outlines, warnings };
}

/** Bytes to text: a BOM, else the XML declaration's encoding (when iconv-lite knows it), else UTF-8. */
export function decodeOpml(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), 'utf-16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return iconv.decode(buf.subarray(2), 'utf-16be');
  const declared = /^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(buf.subarray(0, 200).toString('latin1'))?.[1];
  if (declared && !/^utf-?8$/i.test(declared) && iconv.encodingExists(declared)) return iconv.decode(buf, declared);
  return new TextDecoder('utf-8').decode(buf);
}

/** Text safe in an XML 1.0 attribute value (quoted with "). */
export function xmlAttr(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

export interface OpmlFeed {
  url: string;
  title: string | null;
  siteUrl: string | null;
  folder: string | null;
}

/** An OPML 2.0 document listing the feeds, grouped (one level) by folder. */
export function buildOpml(feeds: readonly OpmlFeed[], opts: { title?: string; dateCreated?: Date } = {}): string {
  const date = (opts.dateCreated ?? new Date()).toUTCString();
  const outline = (f: OpmlFeed, indent: string) => {
    const label = f.title ?? f.url;
    const site = f.siteUrl ? ` htmlUrl="${xmlAttr(f.siteUrl)}"` : '';
    return `${indent}<outline type="rss" text="${xmlAttr(label)}" title="${xmlAttr(label)}" xmlUrl="${xmlAttr(f.url)}"${site}/>`;
  };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${xmlAttr(opts.title ?? 'Relais subscriptions')}</title>`,
    `    <dateCreated>${date}</dateCreated>`,
    '  </head>',
    '  <body>',
  ];
  const byFolder = new Map<string | null, OpmlFeed[]>();
  for (const f of feeds) {
    const list = byFolder.get(f.folder) ?? [];
    list.push(f);
    byFolder.set(f.folder, list);
  }
  for (const f of byFolder.get(null) ?? []) lines.push(outline(f, '    '));
  const folders = [...byFolder.keys()].filter((k): k is string => k !== null).sort();
  for (const folder of folders) {
    lines.push(`    <outline text="${xmlAttr(folder)}" title="${xmlAttr(folder)}">`);
    for (const f of byFolder.get(folder)!) lines.push(outline(f, '      '));
    lines.push('    </outline>');
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}
