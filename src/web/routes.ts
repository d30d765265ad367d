// The public site's route table. Every handler loads its data (load.ts), renders (pages/), and sends
// through respond.ts (ETag, security headers).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { InputError } from '../domain/types.ts';
import { urls } from '../domain/urls.ts';
import { findPersonBySlug } from '../store/people.ts';
import { findSectionBySlug } from '../store/sections.ts';
import { tagSlug } from '../store/articles.ts';
import { registerAssetRoutes } from './assets.ts';
import { registerImageRoutes } from './images.ts';
import { nativeLanguageName, strings } from './i18n/index.ts';
import { sectionName, type Chrome } from './layout.ts';
import { loadArticle, loadCounts, loadListing, loadPersonListings, loadSections } from './load.ts';
import { renderArticle } from './pages/article.ts';
import { renderListing } from './pages/listing.ts';
import { renderPerson } from './pages/person.ts';
import { renderError, renderNotFound } from './pages/not-found.ts';
import { etagOf, matchesEtag, sendHtml } from './respond.ts';
import { applySecurityHeaders } from './security.ts';
import { buildSitemap, robotsTxt } from './sitemap.ts';
import { localPath } from './paths.ts';

type Req<P = Record<string, string>> = FastifyRequest<{ Params: P; Querystring: Record<string, string | string[] | undefined> }>;

const LANG_RE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const MAX_PAGE = 10_000;

/** ?page=N as a number, or null when it is not a page number (the caller answers 404). */
function pageOf(req: Req<unknown>): number | null {
  const raw = req.query.page;
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,4}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= MAX_PAGE ? n : null;
}

/** A same-site path for the jump menu, or null: never another host (no open redirect). */
export function sameSitePath(to: unknown, baseUrl: string): string | null {
  if (typeof to !== 'string' || to.length > 2000) return null;
  let path = to.trim();
  if (path.startsWith(baseUrl + '/')) path = path.slice(baseUrl.length);
  if (!/^\/(?![/\\])/.test(path)) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return null;
  return path;
}

function langOfPath(ctx: AppContext, url: string): string {
  const first = url.split(/[/?#]/)[1] ?? '';
  return ctx.site.languages.includes(first) ? first : ctx.site.defaultLanguage;
}

export async function registerSiteRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const { site } = ctx;
  const chrome = async (): Promise<Chrome> => ({ site, sections: await loadSections(ctx) });

  async function notFound(req: FastifyRequest, reply: FastifyReply, lang?: string): Promise<FastifyReply> {
    const path = req.url.split('?')[0];
    return sendHtml(req, reply, renderNotFound(await chrome(), lang ?? langOfPath(ctx, req.url), path), { status: 404, lang: lang ?? langOfPath(ctx, req.url) });
  }

  app.setNotFoundHandler(async (req, reply) => {
    // The JSON API answers in JSON even for routes that do not exist.
    if (req.url.startsWith('/api/')) return reply.code(404).send({ error: 'not found' });
    return notFound(req, reply);
  });

  await app.register(async (scope) => {
    scope.addHook('onRequest', async (_req, reply) => applySecurityHeaders(reply));
    scope.setErrorHandler(async (err, req, reply) => {
      const lang = langOfPath(ctx, req.url);
      if (err instanceof InputError) return notFound(req, reply, lang);
      req.log.error(err);
      let sections: Chrome['sections'] = [];
      try {
        sections = await loadSections(ctx);
      } catch {
        // The database may be what failed: the error page renders without the menu.
      }
      return sendHtml(req, reply, renderError({ site, sections }, lang, req.url.split('?')[0]), { status: 500, lang });
    });

    registerAssetRoutes(scope);
    registerImageRoutes(scope, ctx);

    scope.get('/', async (req: Req, reply) => {
      const page = pageOf(req);
      if (!page) return notFound(req, reply);
      const lang = site.defaultLanguage;
      const [c, listing] = await Promise.all([chrome(), loadListing(ctx, {}, page)]);
      if (page > 1 && !listing.cards.length) return notFound(req, reply);
      return sendHtml(req, reply, renderListing(c, {
        lang,
        heading: strings(lang).latest,
        title: site.name,
        description: site.description[lang] ?? site.name,
        path: '/',
        feed: null,
        listing,
      }), { lang });
    });

    scope.get('/:lang/', async (req: Req<{ lang: string }>, reply) => {
      const lang = req.params.lang;
      const page = pageOf(req);
      if (!site.languages.includes(lang) || !page) return notFound(req, reply);
      const [c, listing] = await Promise.all([chrome(), loadListing(ctx, { language: lang }, page)]);
      if (page > 1 && !listing.cards.length) return notFound(req, reply, lang);
      return sendHtml(req, reply, renderListing(c, {
        lang,
        heading: strings(lang).latest,
        title: `${site.name} – ${nativeLanguageName(lang)}`,
        description: site.description[lang] ?? site.description[site.defaultLanguage] ?? site.name,
        path: `/${lang}/`,
        feed: { scope: `${lang}/`, label: nativeLanguageName(lang) },
        listing,
      }), { lang });
    });

    scope.get('/:lang/:slug', async (req: Req<{ lang: string; slug: string }>, reply) => {
      const { lang, slug } = req.params;
      if (!LANG_RE.test(lang) || !/^[a-z0-9-]{1,200}$/.test(slug)) return notFound(req, reply);
      const [c, d] = await Promise.all([chrome(), loadArticle(ctx, lang, slug)]);
      if (!d) return notFound(req, reply);
      // Counts are read on every request, never from a cache: the ETag covers them.
      const counts = await loadCounts(ctx, d.article.id);
      return sendHtml(req, reply, renderArticle(c, d, counts), { lang: d.article.language });
    });

    scope.get('/section/:slug/', async (req: Req<{ slug: string }>, reply) => {
      const page = pageOf(req);
      const section = page ? await findSectionBySlug(ctx.store.db, req.params.slug) : null;
      if (!section || !page) return notFound(req, reply);
      const lang = site.defaultLanguage;
      const [c, listing] = await Promise.all([chrome(), loadListing(ctx, { sectionId: section.id }, page)]);
      if (page > 1 && !listing.cards.length) return notFound(req, reply);
      const name = sectionName(section, lang);
      return sendHtml(req, reply, renderListing(c, {
        lang,
        heading: name,
        description: `${name} – ${site.name}`,
        path: localPath(site, urls.section(site, section)),
        feed: { scope: `section/${section.slug}/`, label: name },
        listing,
      }), { lang });
    });

    scope.get('/tag/:slug/', async (req: Req<{ slug: string }>, reply) => {
      const page = pageOf(req);
      const slug = req.params.slug;
      if (!page || !/^[a-z0-9-]{1,120}$/.test(slug)) return notFound(req, reply);
      const lang = site.defaultLanguage;
      const [c, listing] = await Promise.all([chrome(), loadListing(ctx, { tagSlug: slug }, page)]);
      if (!listing.cards.length) return notFound(req, reply);
      const name = listing.cards.flatMap((card) => card.article.tags).find((t) => tagSlug(t) === slug) ?? slug;
      const s = strings(lang);
      return sendHtml(req, reply, renderListing(c, {
        lang,
        heading: s.tagTitle(name),
        description: `${s.tagTitle(name)} – ${site.name}`,
        path: localPath(site, urls.tag(site, slug)),
        // Feeds exist for the site, languages, sections and authors; a tag page offers the site's.
        feed: null,
        listing,
      }), { lang });
    });

    scope.get('/author/:slug/', async (req: Req<{ slug: string }>, reply) => {
      const page = pageOf(req);
      const person = page ? await findPersonBySlug(ctx.store.db, req.params.slug) : null;
      if (!person || !page) return notFound(req, reply);
      const [c, d] = await Promise.all([chrome(), loadPersonListings(ctx, person, page)]);
      if (page > 1 && !d.written.cards.length && !d.translated.cards.length) return notFound(req, reply);
      return sendHtml(req, reply, renderPerson(c, d, site.defaultLanguage), { lang: site.defaultLanguage });
    });

    scope.get('/go', async (req: Req, reply) => {
      const path = sameSitePath(req.query.to, site.baseUrl) ?? '/';
      return reply.header('cache-control', 'no-store').redirect(path, 303);
    });

    scope.get('/sitemap.xml', async (req, reply) => {
      const body = await buildSitemap(ctx);
      const etag = etagOf(body);
      reply.header('content-type', 'application/xml; charset=utf-8').header('cache-control', 'no-cache').header('etag', etag);
      if (matchesEtag(req, etag)) return reply.code(304).send();
      return reply.send(body);
    });

    scope.get('/robots.txt', async (_req, reply) => {
      return reply.header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(robotsTxt(ctx));
    });
  });
}
