// A featured image taken from the media library must say what it shows and whose it is: alt and credit
// are required (from the article's image, else from the library item). The check lives here, beside the
// article operations, and reads the media table through the store: publish/ never imports media/.
import type { AppContext } from '../context.ts';
import { LIBRARY_PREFIX } from '../domain/media.ts';
import { InputError, type ImageRef } from '../domain/types.ts';
import { findMediaByFile, findMediaById } from '../store/media.ts';

/** The image as stored: a library image gets its file, size and id from the library; others pass as given. */
export async function checkFeaturedImage(ctx: AppContext, image: ImageRef | null): Promise<ImageRef | null> {
  if (!image || typeof image !== 'object') return image ?? null;
  const id = image.mediaId;
  if (id != null && (!Number.isSafeInteger(id) || id < 1)) throw new InputError('image.mediaId must be a media library id', 'image.mediaId');
  const media = id != null
    ? await findMediaById(ctx.store.db, id)
    : typeof image.file === 'string' && image.file.startsWith(LIBRARY_PREFIX)
      ? await findMediaByFile(ctx.store.db, image.file)
      : null;
  if (id != null && !media) throw new InputError(`no media with id ${id}`, 'image.mediaId');
  if (!media) {
    if (typeof image.file === 'string' && image.file.startsWith(LIBRARY_PREFIX)) throw new InputError(`no media library file ${image.file.slice(0, 200)}`, 'image.file');
    return image;
  }
  const alt = (typeof image.alt === 'string' ? image.alt.trim() : '') || media.alt;
  const credit = (typeof image.credit === 'string' ? image.credit.trim() : '') || media.credit;
  if (!alt) throw new InputError(`media #${media.id} needs alt text (what the picture shows, for readers who cannot see it) before it can be a featured image`, 'image.alt');
  if (!credit) throw new InputError(`media #${media.id} needs a credit (who made the picture) before it can be a featured image`, 'image.credit');
  return { ...image, file: media.file, mediaId: media.id, alt, credit, width: media.width, height: media.height };
}
