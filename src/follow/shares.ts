// Share operation: from (article, network, reader) to the network's share URL, counting the click once per
// reader per dedup window. The route parses the request; this decides and writes.
import type { AppContext } from '../context.ts';
import { SHARE_NETWORKS, type Article, type ShareCounts, type ShareNetwork } from '../domain/types.ts';
import { getShareCounts } from '../store/counters.ts';
import { recordShareClick } from '../store/counters.ts';
import { articlePageUrl, findVisibleArticle } from './article.ts';
import { parseMastodonInstance } from './instance.ts';
import { buildShareUrl } from './networks.ts';

export function isShareNetwork(s: string): s is ShareNetwork {
  return (SHARE_NETWORKS as readonly string[]).includes(s);
}

export type ShareOutcome =
  | { kind: 'not-found' }
  | { kind: 'redirect'; location: string; counted: boolean }
  /** Mastodon without a (valid) instance: ask the reader for one. */
  | { kind: 'ask-instance'; article: Article; invalid: string | null }
  /** Mastodon with a valid instance not yet confirmed: name it and ask before sending the reader there. */
  | { kind: 'confirm-instance'; article: Article; instance: string };

export interface ShareRequest {
  articleId: number;
  network: string;
  /** Digest of the reader for deduplication; null means "do not count" (prefetch, rate-limited). */
  reader: string | null;
  /** The ?instance= parameter of a Mastodon share, as received. */
  instance?: unknown;
  /** The reader confirmed the Mastodon instance (?confirm=1 from the confirmation page). */
  confirmed?: boolean;
}

export async function shareArticle(ctx: AppContext, req: ShareRequest): Promise<ShareOutcome> {
  if (!isShareNetwork(req.network)) return { kind: 'not-found' };
  const article = await findVisibleArticle(ctx, req.articleId);
  if (!article) return { kind: 'not-found' };
  let instance: string | undefined;
  if (req.network === 'mastodon') {
    if (req.instance === undefined || req.instance === '') return { kind: 'ask-instance', article, invalid: null };
    const parsed = parseMastodonInstance(req.instance);
    if (!parsed) return { kind: 'ask-instance', article, invalid: typeof req.instance === 'string' ? req.instance : '' };
    if (!req.confirmed) return { kind: 'confirm-instance', article, instance: parsed };
    instance = parsed;
  }
  const location = buildShareUrl(
    req.network,
    { title: article.title, url: articlePageUrl(ctx, article), lang: article.language },
    { instance },
  );
  const counted =
    req.reader !== null &&
    (await recordShareClick(ctx.store.db, {
      articleId: article.id,
      network: req.network,
      reader: req.reader,
      now: ctx.now(),
      windowSeconds: ctx.site.shareDedupSeconds,
    }));
  return { kind: 'redirect', location, counted };
}

/** Share counts of a visible article, or null. */
export async function visibleShareCounts(ctx: AppContext, articleId: number): Promise<ShareCounts | null> {
  const article = await findVisibleArticle(ctx, articleId);
  return article ? getShareCounts(ctx.store.db, article.id) : null;
}
