// What the library accepts. Formats are recognised from the bytes (sharp's own sniffing), never from a
// file name or a client's Content-Type.

export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;
/** Decoded size, all frames of an animation together: a small file can decompress into a huge bitmap. */
export const MAX_MEDIA_PIXELS = 50_000_000;

export interface MediaFormat {
  ext: string;
  mime: string;
}

/** sharp's format name (AVIF is 'heif' with AV1 compression) → what we store. */
export const ACCEPTED_FORMATS: Record<string, MediaFormat> = {
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  png: { ext: 'png', mime: 'image/png' },
  webp: { ext: 'webp', mime: 'image/webp' },
  gif: { ext: 'gif', mime: 'image/gif' },
  avif: { ext: 'avif', mime: 'image/avif' },
};

export const ACCEPTED_NAMES = 'JPEG, PNG, WebP, AVIF or GIF';

export const megabytes = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
