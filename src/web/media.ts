// Finding files under the media folder without ever leaving it, and what kind of file each one is.
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import sharp from 'sharp';

export const MEDIA_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.pdf': 'application/pdf',
};

/** Raster formats sharp resizes for /img variants. */
export const RESIZABLE = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp', '.avif', '.tif', '.tiff']);

export function mediaType(file: string): string {
  return MEDIA_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The absolute path of a media file named by a request, or null when the name would leave the media
 * folder (`..`, absolute paths, NUL, hidden files, symlinks pointing outside).
 */
export async function resolveMedia(mediaDir: string, name: string): Promise<string | null> {
  if (!name || name.includes('\0') || name.includes('\\')) return null;
  const segments = name.split('/');
  if (segments.some((s) => s === '' || s.startsWith('.'))) return null;
  const root = resolve(mediaDir);
  const full = resolve(root, ...segments);
  if (!full.startsWith(root + sep)) return null;
  try {
    const [realRoot, realFull] = await Promise.all([realpath(root), realpath(full)]);
    if (!realFull.startsWith(realRoot + sep)) return null;
    const st = await stat(realFull);
    return st.isFile() ? realFull : null;
  } catch {
    return null;
  }
}

export interface ImageSize {
  width: number;
  height: number;
}

// Sizes are looked up on every page view: a file is checked again at most every few seconds.
const RECHECK_MS = 10_000;
const sizes = new Map<string, { checkedAt: number; mtimeMs: number; size: ImageSize | null }>();

/** Pixel size of a media image as displayed (EXIF rotation applied); null when unreadable. */
export async function readImageSize(mediaDir: string, file: string): Promise<ImageSize | null> {
  const key = `${mediaDir}\0${file}`;
  const known = sizes.get(key);
  const now = Date.now();
  if (known && now - known.checkedAt < RECHECK_MS) return known.size;
  const full = await resolveMedia(mediaDir, file);
  let entry = { checkedAt: now, mtimeMs: -1, size: null as ImageSize | null };
  if (full) {
    try {
      const st = await stat(full);
      if (known && known.mtimeMs === st.mtimeMs) entry = { ...known, checkedAt: now };
      else {
        const meta = await sharp(full).metadata();
        const size = meta.autoOrient?.width ? { width: meta.autoOrient.width, height: meta.autoOrient.height } : meta.width ? { width: meta.width, height: meta.height ?? 0 } : null;
        entry = { checkedAt: now, mtimeMs: st.mtimeMs, size };
      }
    } catch {
      // Unreadable: remembered as unknown until the next check.
    }
  }
  if (sizes.size > 10_000) sizes.clear();
  sizes.set(key, entry);
  return entry.size;
}
