// The HTML a feed carries: the article's featured image first, then its (already sanitised) body,
// with every link made absolute because feed readers show it far from the site.
import { parseDocument } from 'htmlparser2';
import render from 'dom-serializer';
import { isTag, type ChildNode } from 'domhandler';
import type { FeedImage } from './model.ts';
import { textToHtml } from './text.ts';

const URL_ATTRS = ['href', 'src', 'cite', 'poster'];

function absolute(url: string, base: string): string {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#') || /^(data|mailto):/i.test(trimmed)) return url;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return url;
  }
}

function absoluteSrcset(srcset: string, base: string): string {
  return srcset
    .split(',')
    .map((part) => {
      const [url, ...descriptors] = part.trim().split(/\s+/);
      return url ? [absolute(url, base), ...descriptors].join(' ') : '';
    })
    .filter(Boolean)
    .join(', ');
}

function walk(nodes: ChildNode[], base: string): void {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    const attribs = node.attribs;
    for (const name of URL_ATTRS) if (attribs[name] != null) attribs[name] = absolute(attribs[name], base);
    if (attribs.srcset != null) attribs.srcset = absoluteSrcset(attribs.srcset, base);
    walk(node.children, base);
  }
}

/** The fragment with relative href/src/srcset/cite resolved against `base`. */
export function absolutizeHtml(html: string, base: string): string {
  // Most bodies have no relative link at all: skip the parse.
  if (!/\s(href|src|srcset|cite|poster)\s*=\s*["']?(?![a-z][a-z0-9+.-]*:)/i.test(html)) return html;
  const doc = parseDocument(html);
  walk(doc.children, base);
  return render(doc, { encodeEntities: 'utf8' });
}

export function imageFigure(image: FeedImage): string {
  const size = (image.width ? ` width="${image.width}"` : '') + (image.height ? ` height="${image.height}"` : '');
  const img = `<img src="${textToHtml(image.url)}" alt="${textToHtml(image.alt)}"${size}>`;
  const caption = image.credit ? `<figcaption>${textToHtml(image.credit)}</figcaption>` : '';
  return `<figure>${img}${caption}</figure>`;
}

/** The full content of an entry: image at the top, then the body. */
export function entryContentHtml(bodyHtml: string, image: FeedImage | null, base: string): string {
  const body = absolutizeHtml(bodyHtml, base);
  return image ? `${imageFigure(image)}\n${body}` : body;
}

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

export function imageType(file: string): string | null {
  const m = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(file);
  return m ? (IMAGE_TYPES[m[1].toLowerCase()] ?? null) : null;
}
