// Copy attribution operations: a token is issued (signed), a reader copied a passage with it, and a
// visit came back with it.
import type { AppContext } from '../context.ts';
import { recordCopy, recordCopyVisit } from '../store/counters.ts';
import { findVisibleArticle, parseArticleId } from './article.ts';
import { signingSecret } from './secret.ts';
import { makeCopyToken, verifyCopyToken } from './token.ts';

/** Longest passage we believe a reader copied; anything above is a forged report. */
export const MAX_COPY_CHARS = 1_000_000;

export type CopyOutcome = { ok: true } | { ok: false; status: 400 | 404; error: string };

export async function reportCopy(ctx: AppContext, body: unknown): Promise<CopyOutcome> {
  if (body === null || typeof body !== 'object') return { ok: false, status: 400, error: 'a JSON object is required' };
  const { token, articleId: rawId, chars } = body as Record<string, unknown>;
  const parsed = verifyCopyToken(await signingSecret(ctx.store), token);
  if (!parsed) return { ok: false, status: 400, error: 'token is not a copy token made by this site' };
  const articleId = typeof rawId === 'number' ? parseArticleId(rawId) : null;
  if (articleId === null) return { ok: false, status: 400, error: 'articleId must be a positive integer' };
  if (parsed.articleId !== articleId) return { ok: false, status: 400, error: 'token does not belong to this article' };
  if (typeof chars !== 'number' || !Number.isInteger(chars) || chars < 1 || chars > MAX_COPY_CHARS)
    return { ok: false, status: 400, error: `chars must be an integer from 1 to ${MAX_COPY_CHARS}` };
  if (!(await findVisibleArticle(ctx, articleId))) return { ok: false, status: 404, error: 'no such article' };
  await recordCopy(ctx.store.db, { token: token as string, articleId, chars, now: ctx.now() });
  return { ok: true };
}

/** Counts a visit for a known token; returns whether it counted. Malformed and unknown tokens are ignored. */
export async function reportCopyVisit(ctx: AppContext, token: unknown): Promise<boolean> {
  if (!verifyCopyToken(await signingSecret(ctx.store), token)) return false;
  return (await recordCopyVisit(ctx.store.db, token as string, ctx.now())) !== null;
}

export type TokenOutcome = { ok: true; token: string } | { ok: false; status: 400 | 404; error: string };

/** A signed copy token for a visible article (what the copy script puts after "#" in the attribution line). */
export async function issueCopyToken(ctx: AppContext, body: unknown): Promise<TokenOutcome> {
  const rawId = body && typeof body === 'object' ? (body as { articleId?: unknown }).articleId : undefined;
  const articleId = typeof rawId === 'number' ? parseArticleId(rawId) : null;
  if (articleId === null) return { ok: false, status: 400, error: 'articleId must be a positive integer' };
  if (!(await findVisibleArticle(ctx, articleId))) return { ok: false, status: 404, error: 'no such article' };
  return { ok: true, token: makeCopyToken(await signingSecret(ctx.store), articleId) };
}
