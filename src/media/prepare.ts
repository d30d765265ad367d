// From bytes someone sent (or an import downloaded) to the bytes the library stores: the format is
// sniffed, the limits checked, and the picture re-encoded with its orientation applied and without
// EXIF, GPS, XMP or IPTC (sharp drops all metadata unless asked; only an ICC profile is kept, as colour).
import { createHash } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { InputError } from '../domain/types.ts';
import { ACCEPTED_FORMATS, ACCEPTED_NAMES, MAX_MEDIA_BYTES, MAX_MEDIA_PIXELS, megabytes, type MediaFormat } from './limits.ts';

export interface PreparedImage extends MediaFormat {
  bytes: Buffer;
  sha256: string;
  width: number;
  height: number;
}

function formatOf(meta: Metadata): { name: string; format: MediaFormat } | null {
  const name = meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : (meta.format ?? '');
  const format = ACCEPTED_FORMATS[name];
  return format ? { name, format } : null;
}

/** Throws InputError 400 (not an accepted image) or 413 (too large). */
export async function prepareImage(input: Buffer): Promise<PreparedImage> {
  if (!input?.length) throw new InputError('the file is empty', 'file');
  if (input.length > MAX_MEDIA_BYTES)
    throw new InputError(`the file is ${megabytes(input.length)}; images may be at most ${megabytes(MAX_MEDIA_BYTES)}`, 'file', 413);
  let meta: Metadata;
  try {
    meta = await sharp(input).metadata();
  } catch {
    throw new InputError(`the file is not an image Relais accepts (${ACCEPTED_NAMES})`, 'file');
  }
  const known = formatOf(meta);
  if (!known) throw new InputError(`${(meta.format ?? 'this').toUpperCase()} files are not accepted: upload ${ACCEPTED_NAMES}`, 'file');
  const pages = meta.pages ?? 1;
  const frameHeight = meta.pageHeight ?? meta.height ?? 0;
  const width = meta.width ?? 0;
  if (!width || !frameHeight) throw new InputError('the image has no size', 'file');
  const pixels = width * frameHeight * pages;
  if (pixels > MAX_MEDIA_PIXELS)
    throw new InputError(`the image has ${Math.round(pixels / 1e6)} megapixels${pages > 1 ? ` over ${pages} frames` : ''}; at most ${MAX_MEDIA_PIXELS / 1e6} are accepted`, 'file', 413);
  const animated = pages > 1;
  let pipeline = sharp(input, { limitInputPixels: MAX_MEDIA_PIXELS, animated, failOn: 'error' });
  // Orientation is applied to the pixels, because the EXIF tag that carried it is dropped.
  if (!animated) pipeline = pipeline.autoOrient();
  pipeline = pipeline.keepIccProfile();
  // Low encoder efforts: AVIF at sharp's default effort takes many seconds a picture on two cores, and
  // the stored file is re-encoded again for every /img variant anyway.
  const out = known.name === 'jpeg' ? pipeline.jpeg({ quality: 90 })
    : known.name === 'png' ? pipeline.png()
    : known.name === 'webp' ? pipeline.webp({ quality: 90, effort: 2 })
    : known.name === 'gif' ? pipeline.gif()
    : pipeline.avif({ quality: 70, effort: 0 });
  let result: { data: Buffer; info: OutputInfo };
  try {
    result = await out.toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw new InputError(`the image could not be read: ${(err as Error).message.slice(0, 200)}`, 'file');
  }
  const { data, info } = result;
  return {
    ...known.format,
    bytes: data,
    sha256: createHash('sha256').update(data).digest('hex'),
    width: info.width,
    height: animated ? (info.pageHeight ?? frameHeight) : info.height,
  };
}
