// Copies one archive entry to a file while hashing it; a checksum that differs from the manifest's is refused.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { InputError } from '../domain/types.ts';
import { entryStream, type IndexedEntry } from './tar-read.ts';

export async function extractEntry(file: string, e: IndexedEntry, sha256: string, target: string, opts: { gunzip?: boolean; mode?: number } = {}): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const out = createWriteStream(target, { mode: opts.mode ?? 0o644 });
  try {
    if (opts.gunzip) await pipeline(entryStream(file, e), hashing, createGunzip(), out);
    else await pipeline(entryStream(file, e), hashing, out);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code?.startsWith('Z_')) throw new InputError(`damaged archive: ${e.name} does not decompress`);
    throw err;
  }
  if (hash.digest('hex') !== sha256) throw new InputError(`damaged archive: ${e.name} fails its SHA-256 checksum`);
}
