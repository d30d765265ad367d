// Sanitising of feed HTML (titles, summaries, content) with sanitize-html: an allow-list of elements,
// attributes, URI schemes and CSS declarations, with relative URIs resolved against the base in effect.
import { decodeHTMLStrict } from 'entities';
import sanitizeHtml from 'sanitize-html';
import {
  ACCEPTABLE_ATTRIBUTES, ACCEPTABLE_CSS_KEYWORDS, ACCEPTABLE_CSS_PROPERTIES, ACCEPTABLE_ELEMENTS,
  ACCEPTABLE_URI_SCHEMES, DROP_CONTENT_ELEMENTS, VALID_CSS_VALUE,
} from './sanitize-lists.ts';
import { CP1252_HIGH } from './decode.ts';
import { makeSafeAbsoluteUri } from './urls.ts';

const LT = '\ufdd0'; const GT = '\ufdd1';

const VOID = ['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex',
  'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'];
const URI_ATTRS = new Set(['a href', 'applet codebase', 'area href', 'audio src', 'blockquote cite', 'body background',
  'del cite', 'form action', 'frame longdesc', 'frame src', 'iframe longdesc', 'iframe src', 'head profile',
  'img longdesc', 'img src', 'img usemap', 'input src', 'input usemap', 'ins cite', 'link href', 'object classid',
  'object codebase', 'object data', 'object usemap', 'q cite', 'script src', 'source src', 'video poster', 'video src']);
const CSS_PROPS = new Set(ACCEPTABLE_CSS_PROPERTIES);
const CSS_KEYWORDS = new Set(ACCEPTABLE_CSS_KEYWORDS);
const ATTRS = new Set(ACCEPTABLE_ATTRIBUTES);

/** Keeps only simple, allow-listed CSS declarations; '' when the style looks like an attack. */
export function sanitizeStyle(style: string): string {
  if (style.length > 4096) return ''; // keeps the regular expressions below linear in practice
  style = style.replace(/url\s*\(\s*[^\s)]+?\s*\)\s*/g, ' ');
  if (!/^([:,;#%.\sa-zA-Z0-9!]|\w-\w|'[\s\w]+'|"[\s\w]+"|\([\d,\s]+\))*$/.test(style)) return '';
  if (style.replace(/\s*[-\w]+\s*:\s*[^:;]*;?/g, '').trim()) return '';
  const clean: string[] = [];
  for (const m of style.matchAll(/([-\w]+)\s*:\s*([^:;]*)/g)) {
    const [, prop, value] = m;
    if (!value) continue;
    if (CSS_PROPS.has(prop.toLowerCase())) clean.push(`${prop}: ${value};`);
    else if (['background', 'border', 'margin', 'padding'].includes(prop.split('-')[0].toLowerCase())) {
      if (value.split(/\s+/).filter(Boolean).every((k) => CSS_KEYWORDS.has(k) || VALID_CSS_VALUE.test(k))) clean.push(`${prop}: ${value};`);
    }
  }
  return clean.join(' ');
}

/**
 * Removes HTML comments. A comment ends at `--` + optional spaces + `>`, failing that at the next `--…>`
 * (so `<!-- -- x >` cannot swallow the rest of the text), failing that at the end of the input.
 */
export function stripComments(html: string): string {
  let out = ''; let i = 0;
  for (;;) {
    const start = html.indexOf('<!--', i);
    if (start < 0) return out + html.slice(i);
    out += html.slice(i, start);
    const rest = html.slice(start + 4);
    const m = /--\s*>/.exec(rest) ?? /--[^>]*>/.exec(rest);
    if (!m) return out;
    i = start + 4 + m.index + m[0].length;
  }
}

// The options are built once; the base URI of the fragment being sanitised is passed through this variable
// (sanitising is synchronous, so no two calls overlap).
let currentBase = '';
const OPTIONS: sanitizeHtml.IOptions & { allowedEmptyAttributes: string[] } = {
  allowedTags: [...ACCEPTABLE_ELEMENTS],
  allowedAttributes: { '*': [...ACCEPTABLE_ATTRIBUTES] },
  allowedSchemes: [...ACCEPTABLE_URI_SCHEMES],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: true,
  selfClosing: VOID,
  nonTextTags: [...DROP_CONTENT_ELEMENTS],
  disallowedTagsMode: 'discard',
  parseStyleAttributes: false,
  allowedEmptyAttributes: [...ACCEPTABLE_ATTRIBUTES],
  allowVulnerableTags: true,
  parser: { decodeEntities: false, lowerCaseAttributeNames: true },
  textFilter: (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
  transformTags: {
    '*': (tagName, attribs) => {
      const sorted: Record<string, string> = {};
      for (const k of Object.keys(attribs).sort()) {
        if (!ATTRS.has(k)) continue;
        let v = attribs[k];
        if (k === 'rel' || k === 'type') v = v.toLowerCase();
        if (k === 'style') { v = sanitizeStyle(v); if (!v) continue; }
        if (URI_ATTRS.has(`${tagName} ${k}`) && currentBase) v = makeSafeAbsoluteUri(currentBase, v.trim());
        if (k === 'href') v = makeSafeAbsoluteUri(v);
        sorted[k] = v;
      }
      return { tagName, attribs: sorted };
    },
  },
};

/** Sanitises an HTML fragment and resolves its relative URIs against `base` (when given). */
export function sanitizeFeedHtml(html: string, base: string | undefined): string {
  // Unknown entity references stay visible text, never a reference a browser might later resolve.
  // `&lt;`/`&gt;` are parked on noncharacters so that literal `<`/`>` in text can be told apart after
  // sanitize-html (which escapes the latter) and kept as written, as feedparser does.
  const prepared = stripComments(html).replace(/<!\[CDATA\[/g, '&lt;![CDATA[')
    .replace(/<!(?!DOCTYPE|--|\[)/gi, '&lt;!')
    .replace(/&([a-zA-Z][-.a-zA-Z0-9]*);/g, (m, name: string) => (name === 'apos' || decodeHTMLStrict(m) !== m ? m : `&amp;${name}`))
    .replace(/&#([xX][0-9a-fA-F]+|[0-9]+);/g, (_m, ref: string) => {
      const cp = ref[0] === 'x' || ref[0] === 'X' ? parseInt(ref.slice(1), 16) : parseInt(ref, 10);
      const win = CP1252_HIGH[cp];
      return win ? `&#x${win.toString(16)};` : `&#${ref.toLowerCase()};`;
    })
    .replace(/&lt;/g, LT).replace(/&gt;/g, GT);
  currentBase = base ?? '';
  const out = sanitizeHtml(prepared, OPTIONS);
  return out.trim().replace(/\r\n/g, '\n').split(LT).join('&lt;').split(GT).join('&gt;');
}
