// Routes of the republication kit: the kit page and its pixel.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { findArticleBySlug } from '../../store/articles.ts';
import { isVisible } from '../../publish/articles.ts';
import { resolveCredits } from '../../provenance/credits.ts';
import { articlePageUrl } from '../article.ts';
import { articleLicence, licenceInfo } from '../licence.ts';
import { signingSecret } from '../secret.ts';
import { kitHead, kitHtml, PIXEL_PREFIX } from './kit.ts';
import { renderKitPage } from './kit-page.ts';
import { makePlacement } from './placement.ts';
import { pixelCounterOf } from './pixel-counter.ts';
import { createPixelHits, PIXEL_GIF, PIXEL_HEADERS } from './pixel-hit.ts';
import { pixelFastPath } from './pixel-fast-path.ts';
import type { EarlyRequests } from '../../early-requests.ts';

/** The article and licence a kit may be made for, or null (unknown, hidden, or not republishable). */
export async function republishable(ctx: AppContext, lang: string, slug: string) {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) || !/^[a-z0-9-]{1,200}$/.test(slug)) return null;
  const article = await findArticleBySlug(ctx.store.db, lang, slug);
  if (!article || !isVisible(article, ctx.now())) return null;
  const l = await articleLicence(ctx.store.db, article.id);
  const info = l ? licenceInfo(l.licence) : null;
  return info?.republishable ? { article, licence: info } : null;
}

/** `early`: where the server takes answers given before Fastify (app.ts); without it only the route below serves the pixel. */
export async function registerRepublishRoutes(app: FastifyInstance, ctx: AppContext, early?: EarlyRequests): Promise<void> {
  const secret = await signingSecret(ctx.store);
  const counter = pixelCounterOf(ctx, { onError: (err) => app.log.warn({ err }, 'writing pixel views failed') });
  let open = true;
  app.addHook('onClose', () => {
    open = false;
    return counter.flush().catch((err) => app.log.warn({ err }, 'writing pixel views failed'));
  });

  // The hit path: a signature check in memory (recent ones remembered), a set lookup, a map update. No store
  // access, no network. Always the picture: a page must not show a broken image because its token is old or mangled.
  const hits = createPixelHits(secret, counter);
  early?.add(pixelFastPath({ hits, clientAddress: early.clientAddress, open: () => open, onError: (err) => app.log.error({ err }, 'pixel hit failed') }));
  app.route({
    method: ['GET', 'HEAD'],
    url: `${PIXEL_PREFIX}:file`,
    handler: (req: FastifyRequest<{ Params: { file: string } }>, reply) => {
      hits(req.params.file, req);
      return reply.headers(PIXEL_HEADERS).send(PIXEL_GIF);
    },
  });

  app.get('/:lang/:slug/republish', async (req: FastifyRequest<{ Params: { lang: string; slug: string } }>, reply) => {
    reply
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex')
      .header('content-security-policy', "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
      .header('x-content-type-options', 'nosniff');
    const found = await republishable(ctx, req.params.lang, req.params.slug);
    if (!found) return reply.code(404).type('text/plain; charset=utf-8').send('This article cannot be republished.');
    const { article, licence } = found;
    const credits = await resolveCredits(ctx.store.db, ctx.site, article);
    const articleUrl = articlePageUrl(ctx, article);
    const placement = makePlacement(secret, article.id);
    const bodyHtml = await kitHtml(ctx.store.db, { site: ctx.site, article, credits, licence, articleUrl, placement });
    return reply
      .type('text/html; charset=utf-8')
      .send(renderKitPage({ lang: article.language, title: article.title, articleUrl, licence, bodyHtml, headHtml: kitHead(credits.canonicalUrl) }));
  });
}
