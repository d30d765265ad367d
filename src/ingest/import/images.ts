// An imported article's pictures (its featured image and every remote <img> of its text) are downloaded
// through the safe fetcher into the media library, so that no public page loads an image from another
// site. This half runs BEFORE the import's transaction (no network inside one): it fetches, checks and
// re-encodes the pictures; local-images.ts records them and rewrites the text inside the transaction.
import { parseDocument } from 'htmlparser2';
import { isTag, type ChildNode } from 'domhandler';
import type { AppContext } from '../../context.ts';
import type { Fetcher } from '../fetch/index.ts';
import { MAX_MEDIA_BYTES, prepareImage, type PreparedImage } from '../../media/index.ts';
import { isOwnImageUrl } from '../../publish/body-images.ts';
import type { ImportedContent } from './draft.ts';

/** At most this many pictures per article; the rest are dropped like pictures that cannot be fetched. */
export const MAX_IMPORT_IMAGES = 30;
/** All of an article's downloads together; what is not fetched by then is dropped. */
export const IMPORT_IMAGES_BUDGET_MS = 60_000;
const PER_IMAGE_TIMEOUT_MS = 20_000;
const PARALLEL = 4;
const ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1';

/** Pictures fetched for an import, by their absolute URL; a URL that failed is absent. */
export type FetchedImages = Map<string, PreparedImage>;

export function isRemoteUrl(site: { baseUrl: string }, url: string): boolean {
  return /^https?:\/\//i.test(url) && !isOwnImageUrl(site.baseUrl, url);
}

function collect(nodes: ChildNode[], out: string[]): void {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (node.name === 'img' && node.attribs.src) out.push(node.attribs.src.trim());
    collect(node.children, out);
  }
}

/** The featured image first, then the text's <img> sources in order, each once: what an import would fetch. */
export function remoteImageUrls(ctx: Pick<AppContext, 'site'>, c: Pick<ImportedContent, 'imageUrl' | 'html'>): string[] {
  const found: string[] = c.imageUrl ? [c.imageUrl] : [];
  if (/<img\b/i.test(c.html)) collect(parseDocument(c.html).children, found);
  return [...new Set(found.filter((u) => isRemoteUrl(ctx.site, u)))].slice(0, MAX_IMPORT_IMAGES);
}

async function fetchOne(fetcher: Fetcher, url: string, deadline: number): Promise<PreparedImage | null> {
  const left = deadline - Date.now();
  if (left <= 0) return null;
  try {
    const res = await fetcher.fetch(url, { accept: ACCEPT, maxBytes: MAX_MEDIA_BYTES, timeoutMs: Math.min(PER_IMAGE_TIMEOUT_MS, left) });
    if (res.status !== 200 || !res.body.length) return null;
    // The bytes decide what it is (an "image/jpeg" can be a web page, an SVG or anything else).
    return await prepareImage(res.body);
  } catch {
    return null;
  }
}

/** The content with its pictures fetched (`images`), ready for importContent; never throws for a picture. */
export async function fetchImages(ctx: Pick<AppContext, 'site'>, fetcher: Fetcher, c: ImportedContent): Promise<ImportedContent> {
  const urls = remoteImageUrls(ctx, c);
  const images: FetchedImages = new Map();
  const deadline = Date.now() + IMPORT_IMAGES_BUDGET_MS;
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++];
      const image = await fetchOne(fetcher, url, deadline);
      if (image) images.set(url, image);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, urls.length) }, worker));
  return { ...c, images };
}
