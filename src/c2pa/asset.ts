// Bytes as a c2pa-ts Asset, for validation only (Relais writes its own embeddings: html.ts, text.ts).
import type { Asset } from '@trustnxt/c2pa-ts/asset';

export class BytesAsset implements Asset {
  readonly mimeType: string;
  private readonly data: Uint8Array;
  private readonly store: Uint8Array | undefined;
  constructor(data: Uint8Array, mimeType: string, store?: Uint8Array) {
    this.data = data;
    this.mimeType = mimeType;
    this.store = store;
  }
  getDataLength(): number {
    return this.data.length;
  }
  async getDataRange(start = 0, length?: number): Promise<Uint8Array> {
    return this.data.subarray(start, length === undefined ? undefined : start + length);
  }
  getManifestJUMBF(): Uint8Array | undefined {
    return this.store;
  }
  dumpInfo(): string {
    return `${this.mimeType}, ${this.data.length} bytes`;
  }
  async ensureManifestSpace(): Promise<void> {
    throw new Error('read-only asset');
  }
  getHashExclusionRange(): { start: number; length: number } {
    throw new Error('read-only asset');
  }
  async writeManifestJUMBF(): Promise<void> {
    throw new Error('read-only asset');
  }
}
