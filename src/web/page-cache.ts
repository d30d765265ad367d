// Rendered pages kept in memory. An entry is used while the articles' version is unchanged, no article
// has fallen due since it was built, and it is younger than maxAge (edits to people, sections and
// outlets leave no version mark: they show within maxAge). Share counts are not part of the entry: an
// article page is stored in parts around its share bar, which each request renders from current counts.
// The version includes the shown webmentions' mark: an approval rebuilds (and so re-signs) the page.
import type { AppContext } from '../context.ts';
import { publicArticlesVersion, nextVisibleAt } from '../store/article-refs.ts';
import { memoUntilWrite } from '../store/change-counter.ts';
import { shownMentionsMark } from '../follow/webmention/page-mentions.ts';

export interface RenderedPage {
  /** The page's bytes; an article page has two parts, before and after the share bar. */
  parts: Buffer[];
  /** Hash of the parts, the base of the page's ETag. */
  hash: string;
  lang: string;
  /** Set on article pages: what the share bar needs. */
  share?: { articleId: number; title: string; lang: string };
  /** Set on signed article pages: the share bar is padded to this many bytes (its excluded range). */
  shareBytes?: number;
  /** Surrogate keys of what the page shows (src/cdn/page-keys.ts): it is then publicly cacheable. */
  keys?: string[];
}

interface Entry {
  version: string;
  builtAt: number;
  /** Time (ms) at which an article falls due and this page may change; null when none is scheduled. */
  dueAt: number | null;
  page: RenderedPage;
  bytes: number;
}

export interface PageCacheOptions {
  maxAgeMs: number;
  maxBytes: number;
}

export class PageCache {
  private readonly ctx: AppContext;
  private readonly opts: PageCacheOptions;
  private readonly entries = new Map<string, Entry>();
  private readonly building = new Map<string, Promise<RenderedPage | null>>();
  private bytes = 0;
  /** The entry used last: already the newest in the LRU order. */
  private lastKey = '';

  constructor(ctx: AppContext, opts: PageCacheOptions) {
    this.ctx = ctx;
    this.opts = opts;
  }

  /**
   * The articles' version, read again only after this process wrote to the store, or once a second (for
   * writes by other processes); concurrent requests share one query.
   */
  private readonly version = memoUntilWrite(
    () => this.ctx.store.changes(),
    async () => `${(await publicArticlesVersion(this.ctx.store.db)).key}|${await shownMentionsMark(this.ctx.store.db)}`,
  );

  /**
   * The page when it can be answered at once: the articles' version is known and fresh, and the entry is
   * still valid. Undefined means "ask get()", which may read the version or rebuild.
   */
  peek(key: string): RenderedPage | undefined {
    if (this.opts.maxAgeMs <= 0) return undefined;
    const version = this.version.peek();
    if (version === undefined) return undefined;
    const hit = this.entries.get(key);
    return hit && this.valid(hit, version) ? this.touch(key, hit) : undefined;
  }

  async get(key: string, build: () => Promise<RenderedPage | null>): Promise<RenderedPage | null> {
    if (this.opts.maxAgeMs <= 0) return build();
    const version = await this.version();
    const hit = this.entries.get(key);
    if (hit && this.valid(hit, version)) return this.touch(key, hit);
    const flight = `${key}\0${version}`;
    let pending = this.building.get(flight);
    if (!pending) {
      pending = this.rebuild(key, version, this.ctx.now().toISOString(), build).finally(() => this.building.delete(flight));
      this.building.set(flight, pending);
    }
    return pending;
  }

  private valid(e: Entry, version: string): boolean {
    return e.version === version && Date.now() - e.builtAt < this.opts.maxAgeMs && (e.dueAt == null || this.ctx.now().getTime() < e.dueAt);
  }

  private touch(key: string, e: Entry): RenderedPage {
    if (key !== this.lastKey) {
      this.entries.delete(key);
      this.entries.set(key, e);
      this.lastKey = key;
    }
    return e.page;
  }

  private async rebuild(key: string, version: string, nowIso: string, build: () => Promise<RenderedPage | null>): Promise<RenderedPage | null> {
    const builtAt = Date.now();
    const [page, dueAt] = await Promise.all([build(), nextVisibleAt(this.ctx.store.db, nowIso)]);
    this.drop(key);
    if (page) {
      const bytes = page.parts.reduce((n, p) => n + p.length, 0);
      if (bytes <= this.opts.maxBytes) {
        this.entries.set(key, { version, builtAt, dueAt: dueAt == null ? null : Date.parse(dueAt), page, bytes });
        this.lastKey = key;
        this.bytes += bytes;
        for (const [oldest] of this.entries) {
          if (this.bytes <= this.opts.maxBytes) break;
          this.drop(oldest);
        }
      }
    }
    return page;
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes -= e.bytes;
  }

  get size(): number {
    return this.entries.size;
  }
}
