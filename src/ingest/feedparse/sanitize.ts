// Sanitising of feed HTML (titles, summaries, content) with sanitize-html: an allow-list of elements,
// attributes, URI schemes and CSS declarations, with relative URIs resolved against the base in effect.
import { decodeHTML, decodeHTMLStrict } from 'entities';
import { Tokenizer } from 'htmlparser2';
import type { TokenizerCallbacks } from 'htmlparser2';
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
  const close = /--\s*>/g; let noCloseFrom = Infinity;
  for (;;) {
    const start = html.indexOf('<!--', i);
    if (start < 0) return out + html.slice(i);
    out += html.slice(i, start);
    if (start + 4 < noCloseFrom) {
      close.lastIndex = start + 4;
      const m = close.exec(html);
      if (m) { i = m.index + m[0].length; continue; }
      noCloseFrom = start + 4; // no `-->` anywhere after here: do not search again
    }
    // `--[^>]*>` without the regex (which backtracks quadratically): the first `>` after the first `--`.
    const dash = html.indexOf('--', start + 4);
    const gt = dash < 0 ? -1 : html.indexOf('>', dash + 2);
    if (gt < 0) return out;
    i = gt + 1;
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

const MAX_HTML_DEPTH = 256;

/** Tag nesting depth of an HTML fragment, counted with the tokenizer only (htmlparser2's Parser keeps its
 * open-element stack with unshift, which is itself quadratic in depth). Stops counting past `limit`. */
function tooDeep(html: string): boolean {
  let lt = 0;
  for (let i = html.indexOf('<'); i >= 0 && lt <= MAX_HTML_DEPTH; i = html.indexOf('<', i + 1)) lt++;
  if (lt <= MAX_HTML_DEPTH) return false; // cannot be deeper than its number of tags
  let depth = 0; let max = 0; let name = '';
  const tok = new Tokenizer({ xmlMode: false, decodeEntities: false }, {
    ...NOOP_CALLBACKS,
    onopentagname(s, e) { name = html.slice(s, e).toLowerCase(); },
    onopentagend() { if (!VOID.includes(name)) { depth++; if (depth > max) max = depth; } },
    onselfclosingtag() { /* <x/> opens nothing in HTML unless it is not void; count as closed */ },
    onclosetag() { if (depth > 0) depth--; },
  });
  tok.write(html); tok.end();
  return max > MAX_HTML_DEPTH;
}

function textOf(html: string): string {
  const parts: string[] = []; let skip = 0; let name = '';
  const tok = new Tokenizer({ xmlMode: false, decodeEntities: false }, {
    ...NOOP_CALLBACKS,
    onopentagname(s, e) { name = html.slice(s, e).toLowerCase(); },
    onopentagend() { if (DROP_CONTENT_ELEMENTS.includes(name)) skip++; },
    onclosetag(s, e) { if (DROP_CONTENT_ELEMENTS.includes(html.slice(s, e).toLowerCase()) && skip) skip--; },
    ontext(s, e) { if (!skip) parts.push(decodeHTML(html.slice(s, e))); },
  });
  tok.write(html); tok.end();
  return parts.join('');
}

const NOOP_CALLBACKS: TokenizerCallbacks = {
  onattribdata() {}, onattribentity() {}, onattribend() {}, onattribname() {}, oncdata() {}, onclosetag() {},
  oncomment() {}, ondeclaration() {}, onend() {}, onopentagend() {}, onopentagname() {}, onprocessinginstruction() {},
  onselfclosingtag() {}, ontext() {}, ontextentity() {},
};

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

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
  // sanitize-html is quadratic in nesting depth; a fragment nested absurdly deep is reduced to its text.
  if (tooDeep(prepared)) return escapeText(textOf(prepared)).trim();
  const out = sanitizeHtml(prepared, OPTIONS);
  return out.trim().replace(/\r\n/g, '\n').split(LT).join('&lt;').split(GT).join('&gt;');
}
