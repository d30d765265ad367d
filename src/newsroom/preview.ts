// GET /newsroom/preview/:id — any article (draft, in review, scheduled, published) rendered by the public
// site's own renderer, for someone signed in to the newsroom. Never cached (not in the page cache, and
// `no-store` for browsers and proxies), never indexed, and no page view is counted.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { credentialsOf } from '../accounts/request-actor.ts';
import { can, refusal } from '../domain/permissions.ts';
import { findArticleById } from '../store/articles.ts';
import { raw } from '../web/html.ts';
import { strings } from '../web/i18n/index.ts';
import { loadArticlePage, loadCounts, loadSections } from '../web/load.ts';
import { renderArticle } from '../web/pages/article.ts';
import { shareBar } from '../web/parts/share.ts';
import { DOCTYPE } from '../web/respond.ts';
import { applySecurityHeaders } from '../web/security.ts';

export const PREVIEW_PATH = '/newsroom/preview/:id';

/** The public page's markup, told not to be indexed (a preview URL must never reach a search engine). */
export async function renderPreview(ctx: AppContext, id: number): Promise<{ html: string; lang: string } | null> {
  const article = await findArticleById(ctx.store.db, id);
  if (!article) return null;
  const [sections, data, counts] = await Promise.all([loadSections(ctx), loadArticlePage(ctx, article), loadCounts(ctx, id)]);
  const page = renderArticle({ site: ctx.site, sections }, data, shareBar({ id, title: article.title }, counts, strings(article.language)));
  const text = DOCTYPE + page.value.replace(/<head>/i, '<head>\n<meta name="robots" content="noindex, nofollow">');
  return { html: text, lang: article.language };
}

function send(reply: FastifyReply, status: number, body: string, type: string): FastifyReply {
  applySecurityHeaders(reply);
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex, nofollow')
    .header('content-type', `${type}; charset=utf-8`)
    .send(body);
}

export function registerPreviewRoute(app: FastifyInstance, ctx: AppContext, authenticate: (req: FastifyRequest) => Promise<Actor | null>): void {
  app.get(PREVIEW_PATH, async (req: FastifyRequest<{ Params: { id: string } }>, reply) => {
    const json = (status: number, error: string) => send(reply, status, JSON.stringify({ error }), 'application/json');
    const actor = req.actor ?? (await authenticate(req));
    if (!actor) return json(401, 'sign in to the newsroom to preview articles');
    if (!can(actor, 'article.read')) return json(403, refusal('article.read'));
    if (!/^[1-9]\d{0,15}$/.test(req.params.id)) return json(404, `no article with id ${req.params.id}`);
    const page = await renderPreview(ctx, Number(req.params.id));
    if (!page) return json(404, `no article with id ${req.params.id}`);
    reply.header('content-language', page.lang);
    return send(reply, 200, page.html, 'text/html');
  });
}

/**
 * The actor of a newsroom page request by the API's own rule (bearer token or session cookie); a session
 * still owing its second factor previews nothing.
 */
export function newsroomActor(ctx: AppContext): (req: FastifyRequest) => Promise<Actor | null> {
  return async (req) => {
    const c = await credentialsOf(ctx, req);
    if (c.kind === 'token') return c.actor;
    if (c.kind === 'session' && c.session.secondFactor !== 'pending') return c.actor;
    return null;
  };
}
