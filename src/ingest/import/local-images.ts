// Inside the import's transaction: the pictures fetched beforehand (images.ts) become library items, the
// text's <img> point at their /img variants, and every other picture from elsewhere is dropped
// (publish/body-images.ts). The original page is kept verbatim with the import, so nothing is lost.
import { parseDocument } from 'htmlparser2';
import { isTag, type ChildNode } from 'domhandler';
import type { AppContext } from '../../context.ts';
import type { ImageRef } from '../../domain/types.ts';
import type { StoredMedia } from '../../domain/media.ts';
import { BODY_WIDTH, recordImage, variantUrl } from '../../media/index.ts';
import { keepOwnImages } from '../../publish/body-images.ts';
import type { FetchedImages } from './images.ts';
import type { ImportedContent } from './draft.ts';

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
  const html = keepOwnImages(c.html, ctx.site.baseUrl, (src) => {
    const m = local.get(src);
    if (!m) return null;
    const width = Math.min(m.width, BODY_WIDTH);
    return { src: variantUrl(ctx.site, m.file, BODY_WIDTH), width, height: Math.round((m.height * width) / m.width) };
  });
  return { html, image };
}
