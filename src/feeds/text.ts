// Text hygiene shared by every serialiser: what may not appear in an XML 1.0 document (or a feed) goes.

/**
 * Characters outside XML 1.0's `Char` production (C0 controls except tab/LF/CR, lone surrogates,
 * U+FFFE/U+FFFF) make a document ill-formed; DEL and the C1 controls are legal but "discouraged" and never
 * meaningful in UTF-8 text. With the `u` flag a lone surrogate is one code point, so it matches too.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The string with every character that XML 1.0 forbids or discourages removed. */
export function cleanText(s: string): string {
  return s.replace(NOT_XML_CHAR, '');
}

/** Escapes character data (element content). `>` is escaped too, so `]]>` can never appear raw. */
export function escapeText(s: string): string {
  return cleanText(s).replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#xD;'));
}

const ATTR: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' };

/** Escapes an attribute value (quoted with `"`); whitespace is kept as references so parsers do not fold it. */
export function escapeAttr(s: string): string {
  return cleanText(s).replace(/[&<>"'\t\n\r]/g, (c) => ATTR[c]);
}

/** Escapes plain text so that it reads the same when a consumer treats it as HTML (RSS description). */
export function textToHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** One element: `<name a="v">text</name>`, or `<name a="v"/>` when text is null. Attributes with null values are left out. */
export function el(name: string, attrs: Record<string, string | number | null | undefined> | null, text: string | null = null): string {
  let out = '<' + name;
  if (attrs)
    for (const [k, v] of Object.entries(attrs)) if (v != null && v !== '') out += ` ${k}="${escapeAttr(String(v))}"`;
  return text == null ? out + '/>' : `${out}>${escapeText(text)}</${name}>`;
}

/** An element whose content is already-serialised child elements. */
export function wrap(name: string, attrs: Record<string, string | number | null | undefined> | null, children: string[]): string {
  const open = el(name, attrs).slice(0, -2);
  return `${open}>${children.join('')}</${name}>`;
}
