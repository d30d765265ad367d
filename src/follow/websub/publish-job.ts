// Content distribution (WebSub §7): after a publish, each topic with live subscribers whose feed now
// carries the article is sent to them: the feed's bytes, its Content-Type, Link rel=hub and rel=self, and
// X-Hub-Signature: sha256=HMAC(secret, body) when the subscriber gave a secret. Through the safe fetcher.
import { createHmac } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { urls } from '../../domain/urls.ts';
import type { Fetcher } from '../../ingest/fetch/index.ts';
import type { JobHandler } from '../../ingest/jobs/index.ts';
import { findArticleById } from '../../store/articles.ts';
import { websubHubUrl } from './hub-url.ts';
import { parseTopic, topicContent } from './topics.ts';

export function hubSignature(secret: string, body: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function websubPublishHandler(ctx: AppContext, fetcher: Fetcher): JobHandler {
  return async (job, jc) => {
    const { articleId } = job.payload as { articleId: number };
    const article = await findArticleById(ctx.store.db, Number(articleId));
    const nowIso = ctx.now().toISOString();
    const subs = article
      ? await ctx.store.db.selectFrom('websub_subscribers').selectAll().where('lease_until', '>', nowIso).execute()
      : [];
    const articleUrl = article ? urls.article(ctx.site, article) : '';
    const byTopic = Map.groupBy(subs, (s) => s.topic);
    for (const [topic, list] of byTopic) {
      const t = parseTopic(ctx.site.baseUrl, topic);
      const content = t ? await topicContent(ctx, t) : null;
      if (!content || !content.body.includes(articleUrl)) continue;
      for (const s of list) {
        const headers: Record<string, string> = {
          'content-type': content.contentType,
          link: `<${websubHubUrl(ctx.site)}>; rel="hub", <${topic}>; rel="self"`,
        };
        if (s.secret) headers['x-hub-signature'] = hubSignature(s.secret, content.body);
        // One subscriber's failure does not hold the others back; it gets the next publish.
        await fetcher.fetch(s.callback, { method: 'POST', body: content.body.toString('utf8'), headers, signal: jc.signal, maxBytes: 64 * 1024 }).catch(() => {});
      }
    }
    await jc.transact(async () => {});
  };
}
