// Topics of the built-in hub: the feeds of this site (site, language, section, author; RSS, Atom, JSON).
import type { AppContext } from '../../context.ts';
import { FEED_FILES, type FeedFormat } from '../../domain/urls.ts';
import { createFeedService, CONTENT_TYPES, type FeedService } from '../../feeds/service.ts';
import type { ScopeKind } from '../../feeds/scope.ts';
import type { Store } from '../../store/db.ts';

export interface Topic {
  kind: ScopeKind;
  param: string;
  format: FeedFormat;
}

const FILE_FORMAT = new Map(Object.entries(FEED_FILES).map(([f, file]) => [file, f as FeedFormat]));

/** The feed a topic URL names on this site, or null. */
export function parseTopic(baseUrl: string, topic: string): Topic | null {
  if (typeof topic !== 'string' || !topic.startsWith(baseUrl + '/') || topic.length > 2000) return null;
  const path = topic.slice(baseUrl.length).split(/[?#]/)[0];
  const m = /^(?:\/(section|author)\/([a-z0-9-]{1,120})|\/([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*))?\/([a-z.]+)$/.exec(path);
  const format = m ? FILE_FORMAT.get(m[4]) : undefined;
  if (!m || !format) return null;
  if (m[1]) return { kind: m[1] as ScopeKind, param: m[2], format };
  if (m[3]) return { kind: 'language', param: m[3], format };
  return { kind: 'site', param: '', format };
}

const services = new WeakMap<Store, FeedService>();

/** The topic's current content (what subscribers receive), or null when the feed does not exist. */
export async function topicContent(ctx: AppContext, t: Topic): Promise<{ body: Buffer; contentType: string } | null> {
  let s = services.get(ctx.store);
  if (!s) services.set(ctx.store, (s = createFeedService(ctx, { maxAgeMs: 0 })));
  try {
    const feed = await s.get(t.kind, t.param, t.format);
    return { body: feed.body, contentType: CONTENT_TYPES[t.format] };
  } catch {
    return null;
  }
}
