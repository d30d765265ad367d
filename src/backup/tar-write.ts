// Writes a tar archive entry by entry, hashing each file's bytes as they go (for the manifest).
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { BLOCK, encodeHeader, padding } from './tar-header.ts';

export interface ArchivedFile {
  path: string;
  size: number;
  sha256: string;
}

export class TarWriter {
  private readonly out: FileHandle;
  private readonly mtime: Date;
  readonly files: ArchivedFile[] = [];

  constructor(out: FileHandle, mtime: Date) {
    this.out = out;
    this.mtime = mtime;
  }

  /** Copies a file as it is when opened; null when it is gone (deleted since it was listed). */
  async addFile(name: string, source: string, mode = 0o644): Promise<ArchivedFile | null> {
    const fh = await open(source, 'r').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    if (!fh) return null;
    try {
      const { size } = await fh.stat();
      await this.out.write(encodeHeader({ name, size, mode }, this.mtime));
      const hash = createHash('sha256');
      const chunk = Buffer.alloc(Math.min(size, 1 << 20));
      for (let done = 0; done < size; ) {
        const { bytesRead } = await fh.read(chunk, 0, Math.min(chunk.length, size - done), done);
        if (bytesRead === 0) throw new Error(`${source} shrank while it was being archived`);
        const part = chunk.subarray(0, bytesRead);
        hash.update(part);
        await this.out.write(part);
        done += bytesRead;
      }
      return this.finishEntry(name, size, hash.digest('hex'));
    } finally {
      await fh.close();
    }
  }

  async addBuffer(name: string, bytes: Buffer, mode = 0o644): Promise<ArchivedFile> {
    await this.out.write(encodeHeader({ name, size: bytes.length, mode }, this.mtime));
    await this.out.write(bytes);
    return this.finishEntry(name, bytes.length, createHash('sha256').update(bytes).digest('hex'));
  }

  /** The two zero blocks that end a tar archive. */
  async end(): Promise<void> {
    await this.out.write(Buffer.alloc(2 * BLOCK));
  }

  private async finishEntry(path: string, size: number, sha256: string): Promise<ArchivedFile> {
    const pad = padding(size);
    if (pad) await this.out.write(Buffer.alloc(pad));
    const f = { path, size, sha256 };
    this.files.push(f);
    return f;
  }
}
