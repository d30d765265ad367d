// The `republisher-check` job: fetches a newly seen republishing page through the safe fetcher, records
// its title and checks (check.ts), and queues the next look a week later.
import type { AppContext } from '../../context.ts';
import { enqueueJob, PermanentJobError, type JobHandler } from '../../ingest/jobs/index.ts';
import type { Fetcher } from '../../ingest/fetch/index.ts';
import { findArticleById } from '../../store/articles.ts';
import { resolveCredits } from '../../provenance/credits.ts';
import { htmlToText } from '../../publish/sanitize.ts';
import { articlePageUrl } from '../article.ts';
import { checkRepublication } from './check.ts';
import { checkPageForCopies } from '../../copies/check.ts';

export const REPUBLISHER_CHECK_JOB = 'republisher-check';
export const RECHECK_MS = 7 * 24 * 3600_000;

/** One pending check per republisher per day it is due (the running job does not block the next one). */
export function checkDedupKey(republisherId: number, runAt: Date): string {
  return `${REPUBLISHER_CHECK_JOB}:${republisherId}:${runAt.toISOString().slice(0, 10)}`;
}

export function republisherCheckHandler(ctx: AppContext, fetcher: Fetcher): JobHandler {
  return async (job, jc) => {
    const { republisherId } = job.payload as { republisherId?: number };
    const rep = await ctx.store.db.selectFrom('republishers').selectAll().where('id', '=', Number(republisherId)).executeTakeFirst();
    if (!rep) return void (await jc.transact(async () => {}));
    const article = await findArticleById(ctx.store.db, rep.article_id);
    if (!article) throw new PermanentJobError('the article is gone');
    const now = ctx.now();
    let checks_json: string | null = null;
    let check_error: string | null = null;
    let title: string | null = rep.title;
    try {
      const res = await fetcher.fetch(rep.page_url, { signal: jc.signal, maxBytes: 5 * 1024 * 1024 });
      if (res.status !== 200) throw new Error(`the page answered ${res.status}`);
      const credits = await resolveCredits(ctx.store.db, ctx.site, article);
      const checks = checkRepublication(res.text, res.url, {
        articleUrl: articlePageUrl(ctx, article),
        text: htmlToText(article.bodyHtml),
        credits,
      });
      title = checks.title ?? title;
      // The copy index (src/copies) sees every republishing page too; its verdict on this article is kept beside ours.
      const found = await checkPageForCopies(ctx, { url: res.url, html: res.text, source: 'page' }).catch(() => []);
      const copy = found.find((f) => f.articleId === article.id);
      checks_json = JSON.stringify({ ...checks, copyIndexSimilarity: copy ? copy.similarity : null });
    } catch (err) {
      check_error = (err as Error).message.slice(0, 500);
    }
    const next = new Date(now.getTime() + RECHECK_MS);
    await jc.transact(async (tx) => {
      await tx
        .updateTable('republishers')
        .set({ title, checked_at: now.toISOString(), check_error, ...(checks_json ? { checks_json } : {}) })
        .where('id', '=', rep.id)
        .execute();
      await enqueueJob(tx, { kind: REPUBLISHER_CHECK_JOB, payload: { republisherId: rep.id }, runAt: next, dedupKey: checkDedupKey(rep.id, next), maxAttempts: 3 }, now);
    });
  };
}
