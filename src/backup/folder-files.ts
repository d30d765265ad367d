// The files of a data sub-folder (media, keys) as archive-relative paths, sorted; half-written `.tmp` files left out.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface FolderFile {
  /** Relative to the folder, with `/` separators. */
  name: string;
  path: string;
}

export async function folderFiles(dir: string): Promise<FolderFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith('.tmp'))
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return { name: relative(dir, path).split(sep).join('/'), path };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
