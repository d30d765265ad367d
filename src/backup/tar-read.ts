// Reads a tar archive's table of entries (headers only) and streams one entry's bytes.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { InputError } from '../domain/types.ts';
import { BLOCK, decodeHeader, padding, type TarEntry } from './tar-header.ts';

export interface IndexedEntry extends TarEntry {
  offset: number;
}

/** Every entry with where its bytes start; a short or damaged archive (no end blocks) is refused. */
export async function indexArchive(file: string): Promise<IndexedEntry[]> {
  const fh = await open(file, 'r');
  try {
    const { size: total } = await fh.stat();
    const entries: IndexedEntry[] = [];
    const block = Buffer.alloc(BLOCK);
    for (let at = 0; ; ) {
      const { bytesRead } = await fh.read(block, 0, BLOCK, at);
      if (bytesRead < BLOCK) throw new InputError('damaged archive: it ends early (truncated?)');
      const entry = decodeHeader(block);
      if (!entry) return entries;
      const offset = at + BLOCK;
      at = offset + entry.size + padding(entry.size);
      if (at > total) throw new InputError('damaged archive: it ends early (truncated?)');
      entries.push({ ...entry, offset });
    }
  } finally {
    await fh.close();
  }
}

export function entryStream(file: string, e: IndexedEntry): Readable {
  if (e.size === 0) return Readable.from([]);
  return createReadStream(file, { start: e.offset, end: e.offset + e.size - 1, highWaterMark: 1 << 20 });
}
