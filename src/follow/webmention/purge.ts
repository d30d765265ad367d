// A change to what an article's page shows of its webmentions: a CDN in front drops its copy of the page
// (the page cache follows shownMentionsMark, page-mentions.ts).
import type { AppContext } from '../../context.ts';
import { articleKey } from '../../cdn/keys.ts';

export function purgeMentionedPage(ctx: AppContext, articleId: number | null): void {
  if (articleId != null) ctx.cdn?.purge?.([articleKey(articleId)]);
}
