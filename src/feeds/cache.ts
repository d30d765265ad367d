// A small least-recently-used cache of serialised feeds, bounded by total bytes.

export interface RenderedFeed {
  /** Store version the feed was built at (see version.ts). */
  version: string;
  /** Clock time (ms) after which the entry must be rebuilt: a scheduled article falls due, or the entry got old. */
  validUntil: number;
  body: Buffer;
  /** Strong validator: a hash of the bytes, so a rebuild that changes nothing keeps it. */
  etag: string;
  /** Newest entry date, ISO; null for an empty feed. */
  lastModified: string | null;
  /** WebSub: the hub this feed advertises and its own URL (the topic), for the Link header. */
  hub?: string | null;
  self?: string;
  /** Surrogate keys for a CDN (src/cdn/page-keys.ts feedKeys). */
  keys?: string[];
}

export class FeedCache {
  private readonly entries = new Map<string, RenderedFeed>();
  private bytes = 0;
  private readonly maxBytes: number;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  get(key: string): RenderedFeed | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Map keeps insertion order: re-inserting marks the entry as recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, feed: RenderedFeed): void {
    this.delete(key);
    if (feed.body.length > this.maxBytes) return;
    this.entries.set(key, feed);
    this.bytes += feed.body.length;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.body.length;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}
