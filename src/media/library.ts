// The media library's operations: upload, describe, list, read, delete. The API and the importer call these.
import type { AppContext } from '../context.ts';
import { actorUserId, type Actor } from '../domain/accounts.ts';
import type { Media, MediaUpdate, MediaUpload, StoredMedia } from '../domain/media.ts';
import { can, refusal } from '../domain/permissions.ts';
import { InputError, NotFoundError, type Page } from '../domain/types.ts';
import { optionalText } from '../publish/validate.ts';
import { articlesUsingMedia, deleteMediaRow, findMediaById, findMediaBySha, insertMedia, queryMedia, updateMediaText } from '../store/media.ts';
import { removeLibraryFile, writeLibraryFile } from './files.ts';
import { prepareImage, type PreparedImage } from './prepare.ts';
import { withUrls } from './urls.ts';

export interface MediaText {
  originalName: string;
  alt: string;
  credit: string;
  caption: string;
  sourceUrl?: string | null;
}

function mayUpload(actor: Actor): void {
  if (!can(actor, 'media.upload')) throw new InputError(`you may not ${refusal('media.upload')}`, null, 403);
}

function cleanName(name: unknown): string {
  const base = typeof name === 'string' ? (name.split(/[\\/]/).pop() ?? '') : '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim().slice(0, 200);
}

function text(input: MediaUpdate, existing: Partial<MediaUpdate> = {}): Required<MediaUpdate> {
  return {
    alt: input.alt !== undefined ? optionalText(input.alt, 'alt', 500) : (existing.alt ?? ''),
    credit: input.credit !== undefined ? optionalText(input.credit, 'credit', 300) : (existing.credit ?? ''),
    caption: input.caption !== undefined ? optionalText(input.caption, 'caption', 2000) : (existing.caption ?? ''),
  };
}

/**
 * Stores a prepared picture, or finds the item that already holds the same bytes (its blank alt, credit or
 * caption are filled from `t`). Runs inside the caller's transaction when there is one; the file is written
 * first, and a file whose row was rolled back is reused by the next identical upload.
 */
export async function recordImage(ctx: AppContext, image: PreparedImage, t: MediaText, uploadedBy: number | null): Promise<{ media: StoredMedia; created: boolean }> {
  const existing = await findMediaBySha(ctx.store.db, image.sha256);
  if (existing) {
    const filled = { alt: existing.alt || t.alt, credit: existing.credit || t.credit, caption: existing.caption || t.caption };
    if (filled.alt !== existing.alt || filled.credit !== existing.credit || filled.caption !== existing.caption)
      await updateMediaText(ctx.store.db, existing.id, filled);
    return { media: { ...existing, ...filled }, created: false };
  }
  const now = ctx.now();
  const file = await writeLibraryFile(ctx.mediaDir, image, now);
  const media = await insertMedia(ctx.store.db, {
    file,
    sha256: image.sha256,
    mime: image.mime,
    width: image.width,
    height: image.height,
    bytes: image.bytes.length,
    originalName: t.originalName,
    alt: t.alt,
    credit: t.credit,
    caption: t.caption,
    sourceUrl: t.sourceUrl ?? null,
    uploadedBy,
    createdAt: now.toISOString(),
  });
  return { media, created: true };
}

/** Uploads an image; `created` is false when the same picture was already in the library. */
export async function uploadMedia(ctx: AppContext, upload: MediaUpload, actor: Actor): Promise<{ media: Media; created: boolean }> {
  mayUpload(actor);
  const t = text(upload);
  const image = await prepareImage(upload.bytes);
  let r;
  try {
    r = await recordImage(ctx, image, { ...t, originalName: cleanName(upload.originalName) }, actorUserId(actor));
  } catch (err) {
    // The same bytes uploaded twice at once: the unique SHA-256 lets one row in, the other finds it.
    const again = await findMediaBySha(ctx.store.db, image.sha256);
    if (!again) throw err;
    r = { media: again, created: false };
  }
  return { media: withUrls(ctx.site, r.media), created: r.created };
}

export async function getMedia(ctx: AppContext, id: number): Promise<Media> {
  const m = await findMediaById(ctx.store.db, id);
  if (!m) throw new NotFoundError(`no media with id ${id}`);
  return withUrls(ctx.site, m);
}

export async function updateMedia(ctx: AppContext, id: number, input: MediaUpdate, actor: Actor): Promise<Media> {
  mayUpload(actor);
  if (input == null || typeof input !== 'object') throw new InputError('an object with alt, credit or caption is required');
  const m = await findMediaById(ctx.store.db, id);
  if (!m) throw new NotFoundError(`no media with id ${id}`);
  const t = text(input, m);
  await updateMediaText(ctx.store.db, id, t);
  return withUrls(ctx.site, { ...m, ...t });
}

export const MEDIA_PAGE_SIZE = 40;

export async function listMedia(ctx: AppContext, q: { page?: number; pageSize?: number; q?: string } = {}): Promise<Page<Media>> {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? MEDIA_PAGE_SIZE;
  if (!Number.isInteger(page) || page < 1 || page > 100_000) throw new InputError('page must be a whole number from 1 to 100000', 'page');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200) throw new InputError('pageSize must be a whole number from 1 to 200', 'pageSize');
  const words = optionalText(q.q, 'q', 200);
  const { items, total } = await queryMedia(ctx.store.db, { text: words, limit: pageSize, offset: (page - 1) * pageSize });
  return { items: items.map((m) => withUrls(ctx.site, m)), page, pageSize, total };
}

/** Refused (409) while an article shows the item, as its featured image or in its body. */
export async function deleteMedia(ctx: AppContext, id: number, actor: Actor): Promise<void> {
  mayUpload(actor);
  const m = await findMediaById(ctx.store.db, id);
  if (!m) throw new NotFoundError(`no media with id ${id}`);
  const used = await articlesUsingMedia(ctx.store.db, m);
  const uses = [
    ...used.featured.map((a) => `article #${a} (featured image)`),
    ...used.body.filter((a) => !used.featured.includes(a)).map((a) => `article #${a} (in its text)`),
  ];
  if (uses.length) throw new InputError(`media #${id} is used by ${uses.slice(0, 10).join(', ')}${uses.length > 10 ? ` and ${uses.length - 10} more` : ''}: change those first`, null, 409);
  await deleteMediaRow(ctx.store.db, id);
  // Another item never shares the file (the name is the content's hash, which is unique).
  await removeLibraryFile(ctx.mediaDir, m.file);
}
