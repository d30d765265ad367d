// Receiving a webmention (W3C Webmention §3.2): checks the request synchronously (two http(s) URLs, not
// equal, the target one of our visible article pages), stores it as pending and queues its verification;
// answers 202. Bounded: form bodies of at most 2 KB, and a per-client budget (limiter.ts).
import type { AppContext } from '../../context.ts';
import { findArticleBySlug } from '../../store/articles.ts';
import { isVisible } from '../../publish/articles.ts';
import { enqueueJob } from '../../ingest/jobs/index.ts';

export const WEBMENTION_VERIFY_JOB = 'webmention-verify';
export const WEBMENTION_PATH = '/webmention';

export type ReceiveOutcome = { ok: true; id: number } | { ok: false; status: number; error: string };

function httpUrl(v: unknown): URL | null {
  if (typeof v !== 'string' || v.length > 2000) return null;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** The article a target URL names on this site (/<lang>/<slug>), if visible. */
export async function targetArticle(ctx: AppContext, target: URL): Promise<number | null> {
  const base = new URL(ctx.site.baseUrl);
  if (target.origin !== base.origin) return null;
  const path = target.pathname.slice(base.pathname.replace(/\/$/, '').length);
  const m = /^\/([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\/([a-z0-9-]{1,200})\/?$/.exec(path);
  if (!m) return null;
  const a = await findArticleBySlug(ctx.store.db, m[1], m[2]);
  return a && isVisible(a, ctx.now()) ? a.id : null;
}

export async function receiveWebmention(ctx: AppContext, form: { source?: unknown; target?: unknown }): Promise<ReceiveOutcome> {
  const source = httpUrl(form.source);
  const target = httpUrl(form.target);
  if (!source || !target) return { ok: false, status: 400, error: 'source and target must be http(s) URLs' };
  source.hash = '';
  target.hash = '';
  if (source.href === target.href) return { ok: false, status: 400, error: 'source and target must differ' };
  const articleId = await targetArticle(ctx, target);
  if (articleId === null) return { ok: false, status: 400, error: 'target is not a page of this site that accepts webmentions' };
  const at = ctx.now().toISOString();
  const row = await ctx.store.db
    .insertInto('webmentions')
    .values({ source: source.href, target: target.href, article_id: articleId, received_at: at })
    // A repeated mention is an update: verified again, its moderation kept.
    .onConflict((oc) => oc.columns(['source', 'target']).doUpdateSet({ verification: 'pending', refusal: null, received_at: at }))
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueueJob(ctx.store.db, { kind: WEBMENTION_VERIFY_JOB, payload: { id: row.id }, dedupKey: `${WEBMENTION_VERIFY_JOB}:${row.id}`, maxAttempts: 3 }, ctx.now());
  return { ok: true, id: row.id };
}
