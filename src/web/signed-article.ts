// An article page as the cache keeps it: rendered around its share bar and, when the site has Content
// Credentials, signed. The share bar changes without an edit, so its place in the signed page has a fixed
// size (the bar with the largest counts, padded by a comment) that the hash excludes; each request fills it.
import type { AppContext } from '../context.ts';
import { SHARE_NETWORKS, type ShareCounts } from '../domain/types.ts';
import { articleSpec, type ParentStore } from '../c2pa/article-spec.ts';
import { hasManifest, manifestUrl as siteManifestUrl } from '../c2pa/manifest-url.ts';
import { raw } from './html.ts';
import { strings } from './i18n/index.ts';
import type { Chrome } from './layout.ts';
import type { ArticlePageData } from './load.ts';
import type { RenderedPage } from './page-cache.ts';
import { renderArticle } from './pages/article.ts';
import { shareBar } from './parts/share.ts';
import { DOCTYPE, hashOf } from './respond.ts';

const SHARE_SLOT = '<!--relais:share-bar-->';
const LARGEST = 999_999_999_999;

export function manifestUrl(ctx: AppContext, articleId: number): string {
  return siteManifestUrl(ctx.site, articleId);
}

/** The most bytes the article's share bar can take. */
function shareRoom(share: NonNullable<RenderedPage['share']>): number {
  const byNetwork = Object.fromEntries(SHARE_NETWORKS.map((n) => [n, LARGEST])) as ShareCounts['byNetwork'];
  const most = shareBar({ id: share.articleId, title: share.title }, { byNetwork, total: LARGEST * SHARE_NETWORKS.length } as ShareCounts, strings(share.lang));
  return Buffer.byteLength(most.value) + 16;
}

/** The share bar in exactly `bytes` bytes. */
export function paddedBar(bar: string, bytes: number): Buffer {
  const b = Buffer.from(bar);
  const missing = bytes - b.length;
  if (missing < 0) return b;
  return Buffer.concat([b, Buffer.from(missing >= 7 ? `<!--${' '.repeat(missing - 7)}-->` : ' '.repeat(missing))]);
}

export async function buildArticlePage(ctx: AppContext, chrome: Chrome, d: ArticlePageData, parentStore: ParentStore): Promise<RenderedPage> {
  const a = d.article;
  const share = { articleId: a.id, title: a.title, lang: a.language };
  const text = DOCTYPE + renderArticle(chrome, d, raw(SHARE_SLOT)).value;
  const at = text.indexOf(SHARE_SLOT);
  const before = Buffer.from(text.slice(0, at));
  const after = Buffer.from(text.slice(at + SHARE_SLOT.length));
  const cred = ctx.credentials;
  if (!cred || !hasManifest(ctx, a)) return { parts: [before, after], hash: hashOf(text), lang: a.language, share };
  const room = shareRoom(share);
  const unsigned = Buffer.concat([before, Buffer.alloc(room, 0x20), after]);
  const spec = () => articleSpec(ctx, a, d.credits, { format: 'text/html', anchors: cred.anchors, parentStore });
  const signed = await cred.signPage(a.id, unsigned, spec, { manifestUrl: manifestUrl(ctx, a.id), variable: { start: before.length, length: room } });
  const v = signed.variable!;
  return {
    parts: [signed.page.subarray(0, v.start), signed.page.subarray(v.start + v.length)],
    hash: hashOf(signed.page),
    lang: a.language,
    share,
    shareBytes: room,
  };
}
