// The `webmention-send` job, queued when an article is published: for each page it links (its original
// included) not yet notified, discovers the endpoint and posts source/target (form-encoded) through the
// safe fetcher. Each target's outcome is recorded once in webmentions_sent; failures are recorded too
// and not retried by later saves (a transient failure retries the whole job through the queue).
import type { AppContext } from '../../context.ts';
import type { Fetcher } from '../../ingest/fetch/index.ts';
import type { JobHandler } from '../../ingest/jobs/index.ts';
import { findArticleById } from '../../store/articles.ts';
import { isVisible } from '../../publish/articles.ts';
import { articlePageUrl } from '../article.ts';
import { discoverWebmentionEndpoint } from './discover.ts';
import { mentionTargets } from './targets.ts';

export { WEBMENTION_SEND as WEBMENTION_SEND_JOB } from '../on-publish.ts';

export async function sendWebmention(fetcher: Fetcher, endpoint: string, source: string, target: string, signal?: AbortSignal): Promise<number> {
  const res = await fetcher.fetch(endpoint, {
    method: 'POST',
    body: new URLSearchParams({ source, target }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    signal,
    maxBytes: 64 * 1024,
  });
  return res.status;
}

export function webmentionSendHandler(ctx: AppContext, fetcher: Fetcher): JobHandler {
  return async (job, jc) => {
    const { articleId } = job.payload as { articleId: number };
    const article = await findArticleById(ctx.store.db, Number(articleId));
    if (!article || !isVisible(article, ctx.now())) return void (await jc.transact(async () => {}));
    const source = articlePageUrl(ctx, article);
    const done = new Set(
      (await ctx.store.db.selectFrom('webmentions_sent').select('target').where('article_id', '=', article.id).execute()).map((r) => r.target),
    );
    const outcomes: Array<{ target: string; endpoint: string | null; status: string }> = [];
    for (const target of mentionTargets(article, ctx.site.baseUrl)) {
      if (done.has(target)) continue;
      let endpoint: string | null = null;
      let status: string;
      try {
        endpoint = await discoverWebmentionEndpoint(fetcher, target, jc.signal);
        status = endpoint ? `http ${await sendWebmention(fetcher, endpoint, source, target, jc.signal)}` : 'no endpoint';
      } catch (err) {
        status = `error: ${(err as Error).message}`.slice(0, 300);
      }
      outcomes.push({ target, endpoint, status });
    }
    const at = ctx.now().toISOString();
    await jc.transact(async (tx) => {
      for (const o of outcomes)
        await tx
          .insertInto('webmentions_sent')
          .values({ article_id: article.id, target: o.target, endpoint: o.endpoint, status: o.status, sent_at: at })
          .onConflict((oc) => oc.columns(['article_id', 'target']).doNothing())
          .execute();
    });
  };
}
