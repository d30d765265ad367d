// Bounds the nesting of raw HTML before any parser sees it. htmlparser2 keeps its open-element stack with
// unshift/shift, so a document nested tens of thousands deep costs quadratic time (seconds) in the parser
// itself, before a tree exists to be trimmed. One linear pass keeps a stack like the parser's and drops
// the tags (never the text) below `max` open elements.

/** Deeper than any real article markup (a few dozen levels); only broken or hostile pages reach it. */
export const HTML_MAX_NESTING = 256;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Parsers close these implicitly (a new <p> ends the last one), so an unclosed run of them does not nest.
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rp', 'html', 'head', 'body']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext']);
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;
// How far down the stack a close tag looks for its element; deeper matches are ignored (bounded work).
const MATCH_WINDOW = 64;

export function boundNesting(html: string, max: number = HTML_MAX_NESTING): string {
  const stack: string[] = [];
  const kept: string[] = [];
  let copied = 0;
  const drop = (start: number, end: number): void => {
    kept.push(html.slice(copied, start));
    copied = end;
  };
  const re = new RegExp(TOKEN);
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[2] === undefined) continue;
    const name = m[2].toLowerCase();
    if (VOID.has(name) || IMPLIED_END.has(name)) continue;
    if (m[1]) {
      const floor = Math.max(0, stack.length - MATCH_WINDOW);
      let at = stack.length - 1;
      while (at >= floor && stack[at] !== name) at--;
      if (at < floor) continue;
      if (at >= max) drop(m.index, re.lastIndex);
      stack.length = at;
      continue;
    }
    if (m[0].endsWith('/>')) continue;
    if (stack.length >= max) drop(m.index, re.lastIndex);
    stack.push(name);
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'ig');
      close.lastIndex = re.lastIndex;
      re.lastIndex = close.exec(html)?.index ?? html.length;
    }
  }
  if (copied === 0) return html;
  kept.push(html.slice(copied));
  return kept.join('');
}
