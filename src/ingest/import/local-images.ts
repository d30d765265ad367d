// Inside the import's transaction: the pictures fetched beforehand (images.ts) become library items, the
// text's <img> point at their /img variants, and every picture that is not ours is dropped (a <figure> or
// <picture> left without one goes with it: its caption speaks of a picture no longer there). The original
// page is kept verbatim with the import, so nothing is lost.
import { parseDocument } from 'htmlparser2';
import render from 'dom-serializer';
import { isTag, type ChildNode, type Element } from 'domhandler';
import type { AppContext } from '../../context.ts';
import type { ImageRef } from '../../domain/types.ts';
import type { StoredMedia } from '../../domain/media.ts';
import { BODY_WIDTH, recordImage, variantUrl } from '../../media/index.ts';
import type { FetchedImages } from './images.ts';
import type { ImportedContent } from './draft.ts';

/** Our own addresses: the media folder and its variants, site-relative or absolute, and inline data. */
function isOurs(ctx: AppContext, url: string): boolean {
  const u = url.trim();
  if (/^data:image\//i.test(u)) return true;
  const path = u.startsWith(ctx.site.baseUrl + '/') ? u.slice(ctx.site.baseUrl.length) : u;
  return /^\/(media|img)\//.test(path) && !path.startsWith('//');
}

function srcsetIsOurs(ctx: AppContext, srcset: string): boolean {
  return srcset.split(',').every((part) => !part.trim() || isOurs(ctx, part.trim().split(/\s+/)[0]));
}

function hasImage(node: Element): boolean {
  return node.children.some((c) => isTag(c) && (c.name === 'img' || c.name === 'iframe' || hasImage(c)));
}

function rewrite(ctx: AppContext, nodes: ChildNode[], local: Map<string, StoredMedia>): ChildNode[] {
  const kept: ChildNode[] = [];
  for (const node of nodes) {
    if (!isTag(node)) {
      kept.push(node);
      continue;
    }
    const a = node.attribs;
    if (node.name === 'img') {
      const src = (a.src ?? '').trim();
      const media = local.get(src);
      if (media) {
        a.src = variantUrl(ctx.site, media.file, BODY_WIDTH);
        const w = Math.min(media.width, BODY_WIDTH);
        a.width = String(w);
        a.height = String(Math.round((media.height * w) / media.width));
        delete a.srcset;
        delete a.sizes;
      } else if (!isOurs(ctx, src)) continue;
      else if (a.srcset && !srcsetIsOurs(ctx, a.srcset)) delete a.srcset;
      kept.push(node);
      continue;
    }
    if (node.name === 'source' && a.srcset && !srcsetIsOurs(ctx, a.srcset)) continue;
    const hadImage = (node.name === 'figure' || node.name === 'picture') && hasImage(node);
    node.children = rewrite(ctx, node.children, local);
    for (const c of node.children) c.parent = node;
    if (hadImage && !hasImage(node)) continue;
    kept.push(node);
  }
  return kept;
}

/** The alt a page gave a picture in its text, if any (a featured image is often repeated there). */
function altIn(nodes: ChildNode[], url: string): string | null {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (node.name === 'img' && (node.attribs.src ?? '').trim() === url && node.attribs.alt?.trim()) return node.attribs.alt.trim();
    const found = altIn(node.children, url);
    if (found) return found;
  }
  return null;
}

/**
 * Records the fetched pictures in the library (one item per distinct picture, reused across imports) and
 * returns the text and the featured image that point at them. `credit` names whose pictures they are.
 */
export async function localiseImages(ctx: AppContext, c: ImportedContent, credit: string): Promise<{ html: string; image: ImageRef | null }> {
  const fetched: FetchedImages = c.images ?? new Map();
  const doc = /<(img|source)\b/i.test(c.html) ? parseDocument(c.html) : null;
  const local = new Map<string, StoredMedia>();
  for (const [url, prepared] of fetched) {
    const alt = (doc && altIn(doc.children, url)) ?? (url === c.imageUrl ? c.title : '');
    const { media } = await recordImage(ctx, prepared, { originalName: url.split(/[?#]/)[0].split('/').pop()?.slice(0, 200) ?? '', alt, credit, caption: '', sourceUrl: url }, null);
    local.set(url, media);
  }
  let image: ImageRef | null = null;
  const featured = c.imageUrl ? local.get(c.imageUrl) : undefined;
  if (featured) image = { file: featured.file, mediaId: featured.id, alt: featured.alt || c.title, credit: featured.credit || credit, width: featured.width, height: featured.height };
  if (!doc) return { html: c.html, image };
  return { html: render(rewrite(ctx, doc.children, local), { encodeEntities: 'utf8' }), image };
}
