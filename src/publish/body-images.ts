// Pictures in an article's text that are not the site's own: dropped (or, at import, replaced by the
// library copy), so no page of the site loads an image from another site. A <figure> or <picture> left
// without a picture goes too: its caption speaks of a picture no longer there.
import { parseDocument } from 'htmlparser2';
import render from 'dom-serializer';
import { isTag, type ChildNode, type Element } from 'domhandler';

export interface LocalPicture {
  src: string;
  width: number;
  height: number;
}

/** The site's own: a path on this site (not //host), an absolute URL under `baseUrl`, or inline data. */
export function isOwnImageUrl(baseUrl: string, url: string): boolean {
  const u = url.trim();
  if (/^data:image\//i.test(u)) return true;
  if (u.startsWith(baseUrl + '/')) return true;
  return u.startsWith('/') && !u.startsWith('//') && !u.startsWith('/\\');
}

const OFFSITE = /<(img|source)\b[^>]*\s(src|srcset)\s*=\s*["']?[^"'>]*(\/\/|\\)/i;

/** True when the fragment may show a picture from elsewhere (a cheap test before parsing). */
export function mayHaveOffsiteImages(html: string): boolean {
  return OFFSITE.test(html);
}

function hasPicture(node: Element): boolean {
  return node.children.some((c) => isTag(c) && (c.name === 'img' || c.name === 'iframe' || hasPicture(c)));
}

function walk(nodes: ChildNode[], own: (url: string) => boolean, localise: (src: string) => LocalPicture | null): ChildNode[] {
  const kept: ChildNode[] = [];
  const srcsetOwn = (s: string) => s.split(',').every((part) => !part.trim() || own(part.trim().split(/\s+/)[0]));
  for (const node of nodes) {
    if (!isTag(node)) {
      kept.push(node);
      continue;
    }
    const a = node.attribs;
    if (node.name === 'img') {
      const src = (a.src ?? '').trim();
      const local = own(src) ? null : localise(src);
      if (local) {
        a.src = local.src;
        a.width = String(local.width);
        a.height = String(local.height);
        delete a.srcset;
        delete a.sizes;
      } else if (!own(src)) continue;
      else if (a.srcset && !srcsetOwn(a.srcset)) delete a.srcset;
      kept.push(node);
      continue;
    }
    if (node.name === 'source' && a.srcset && !srcsetOwn(a.srcset)) continue;
    const hadPicture = (node.name === 'figure' || node.name === 'picture') && hasPicture(node);
    node.children = walk(node.children, own, localise);
    for (const c of node.children) c.parent = node;
    if (hadPicture && !hasPicture(node)) continue;
    kept.push(node);
  }
  return kept;
}

/** The fragment with only the site's own pictures; `localise` may give a local copy of one from elsewhere. */
export function keepOwnImages(html: string, baseUrl: string, localise: (src: string) => LocalPicture | null = () => null): string {
  if (!/<(img|source)\b/i.test(html)) return html;
  const doc = parseDocument(html);
  return render(walk(doc.children, (u) => isOwnImageUrl(baseUrl, u), localise), { encodeEntities: 'utf8' });
}

/** keepOwnImages without a parse when nothing in the fragment points elsewhere (page rendering). */
export function ownImagesOnly(html: string, baseUrl: string): string {
  return mayHaveOffsiteImages(html) ? keepOwnImages(html, baseUrl) : html;
}
