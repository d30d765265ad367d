// Library files on disk: `library/<yyyy>/<sha256>.<ext>` under the media folder, written once
// (temporary file, then rename), never rewritten: the name is the content.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LIBRARY_PREFIX } from '../domain/media.ts';
import type { PreparedImage } from './prepare.ts';

export function libraryFileName(image: Pick<PreparedImage, 'sha256' | 'ext'>, now: Date): string {
  return `${LIBRARY_PREFIX}${now.getUTCFullYear()}/${image.sha256}.${image.ext}`;
}

/** Writes the file unless it is already there; returns its name under the media folder. */
export async function writeLibraryFile(mediaDir: string, image: PreparedImage, now: Date): Promise<string> {
  const name = libraryFileName(image, now);
  const path = join(mediaDir, ...name.split('/'));
  const there = await stat(path).then((s) => s.isFile() && s.size === image.bytes.length, () => false);
  if (there) return name;
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, image.bytes);
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
  return name;
}

export async function removeLibraryFile(mediaDir: string, name: string): Promise<void> {
  if (!name.startsWith(LIBRARY_PREFIX) || name.includes('..')) return;
  await unlink(join(mediaDir, ...name.split('/'))).catch(() => {});
}
