// The public site's route table. Each page is loaded (load.ts), rendered (pages/), kept in the page
// cache (page-cache.ts) and sent through respond.ts (ETag, security headers).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { InputError } from '../domain/types.ts';
import { urls } from '../domain/urls.ts';
import { findPersonBySlug } from '../store/people.ts';
import { findSectionBySlug } from '../store/sections.ts';
import { tagSlug } from '../store/articles.ts';
import { memoUntilWrite, type Memo } from '../store/change-counter.ts';
import { storageFault } from '../store/faults.ts';
import { registerAssetRoutes } from './assets.ts';
import { registerImageRoutes } from './images.ts';
import { nativeLanguageName, strings } from './i18n/index.ts';
import { sectionName, type Chrome } from './layout.ts';
import { loadArticle, loadCounts, loadListing, loadPersonListings, loadSections } from './load.ts';
import { renderListing, type ListingPage } from './pages/listing.ts';
import { renderPerson } from './pages/person.ts';
import { renderError, renderNotFound } from './pages/not-found.ts';
import { shareBar } from './parts/share.ts';
import { PageCache, type RenderedPage } from './page-cache.ts';
import { DOCTYPE, documentHeaders, etagOf, hashOf, matchesEtag, sendHtml, sendPrepared } from './respond.ts';
import { applySecurityHeaders } from './security.ts';
import type { ShareCounts } from '../domain/types.ts';
import { buildSitemap, robotsTxt } from './sitemap.ts';
import { localPath } from './paths.ts';
import { searchPage } from './search.ts';
import { pageViewsOf } from '../follow/page-views.ts';
import { findArticleById } from '../store/articles.ts';
import { buildArticlePage, paddedBar } from './signed-article.ts';
import { registerCredentialRoutes } from './credentials.ts';
import { embeddedStore } from '../c2pa/html.ts';
import { policyOf } from '../cdn/index.ts';
import { articlePageKeys, listingKeys } from '../cdn/page-keys.ts';
import { authorKey, HOME_KEY, langKey, sectionKey, tagKey } from '../cdn/keys.ts';
import type { EarlyRequests } from '../early-requests.ts';
import { articleFastPath } from './article-fast-path.ts';

type Req<P = Record<string, string>> = FastifyRequest<{ Params: P; Querystring: Record<string, string | string[] | undefined> }>;

const LANG_RE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const SLUG_RE = /^[a-z0-9-]{1,200}$/;
const MAX_PAGE = 10_000;

/** A cached page as sent: its body (share bar filled in), the counts it shows, its headers. */
interface Assembled {
  counts: ShareCounts | null;
  body: Buffer;
  headers: Record<string, string> & { etag: string };
  /** The same headers with content-length, flat, for the answer given before Fastify (article-fast-path.ts). */
  rawHeaders: string[];
}

export interface SiteOptions {
  /** Longest a rendered page is reused without a rebuild; 0 turns the page cache off. */
  pageCacheSeconds?: number;
  pageCacheBytes?: number;
  /** Where the server takes answers given before Fastify (app.ts): cached article pages are answered there. */
  early?: EarlyRequests;
}

/** ?page=N as a number, or null when it is not a page number (the caller answers 404). */
function pageOf(req: Req<unknown>): number | null {
  const value = req.query.page;
  if (value === undefined) return 1;
  if (typeof value !== 'string' || !/^[1-9]\d{0,4}$/.test(value)) return null;
  const n = Number(value);
  return n <= MAX_PAGE ? n : null;
}

/** A same-site path for the jump menu, or null: never another host (no open redirect). */
export function sameSitePath(to: unknown, baseUrl: string): string | null {
  if (typeof to !== 'string' || to.length > 2000) return null;
  let path = to.trim();
  if (path.startsWith(baseUrl + '/')) path = path.slice(baseUrl.length);
  if (!/^\/(?![/\\])/.test(path)) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return null;
  // A Location header carries ASCII only: the decoded query is encoded again (a literal % included).
  return encodeURI(path.toWellFormed());
}

function langOfPath(ctx: AppContext, url: string): string {
  const first = url.split(/[/?#]/)[1] ?? '';
  return ctx.site.languages.includes(first) ? first : ctx.site.defaultLanguage;
}

export async function registerSiteRoutes(app: FastifyInstance, ctx: AppContext, opts: SiteOptions = {}): Promise<void> {
  const { site } = ctx;
  const policy = policyOf(ctx.cdn);
  const chrome = async (): Promise<Chrome> => ({ site, sections: await loadSections(ctx) });
  const cache = new PageCache(ctx, {
    maxAgeMs: (opts.pageCacheSeconds ?? Number(process.env.RELAIS_PAGE_CACHE_SECONDS ?? 30)) * 1000,
    maxBytes: opts.pageCacheBytes ?? 64 * 1024 * 1024,
  });
  const views = pageViewsOf(ctx, { onError: (err) => app.log.warn({ err }, 'writing page views failed') });
  let open = true;
  app.addHook('onClose', () => {
    open = false;
    return views.flush().catch((err) => app.log.warn({ err }, 'writing page views failed'));
  });

  async function notFound(req: FastifyRequest, reply: FastifyReply, lang?: string): Promise<FastifyReply> {
    const l = lang ?? langOfPath(ctx, req.url);
    return sendHtml(req, reply, renderNotFound(await chrome(), l, req.url.split('?')[0]), { status: 404, lang: l });
  }

  // Share counts are read again whenever this process has written anything (a share click here changes
  // the count at once), and at least once a second for clicks counted by other processes.
  const countsByArticle = new Map<number, Memo<ShareCounts>>();
  function countsOf(articleId: number): Memo<ShareCounts> {
    let read = countsByArticle.get(articleId);
    if (!read) {
      read = memoUntilWrite(() => ctx.store.changes(), () => loadCounts(ctx, articleId));
      countsByArticle.set(articleId, read);
    }
    return read;
  }

  // Each cached page's last assembly (body with its share bar, headers): rebuilt when its counts change.
  const assembled = new WeakMap<RenderedPage, Assembled>();
  function assemble(page: RenderedPage, counts: ShareCounts | null): Assembled {
    const done = assembled.get(page);
    if (done && done.counts === counts) return done;
    // The ETag covers the counts.
    const etag = counts ? `"${page.hash}.${Object.values(counts.byNetwork).map((n) => n.toString(36)).join('.')}"` : `"${page.hash}"`;
    if (done?.headers.etag === etag) {
      done.counts = counts;
      return done;
    }
    let body = page.parts[0];
    if (page.share && counts) {
      const bar = shareBar({ id: page.share.articleId, title: page.share.title }, counts, strings(page.share.lang));
      const filled = page.shareBytes ? paddedBar(bar.value, page.shareBytes) : Buffer.from(bar.value);
      body = Buffer.concat([page.parts[0], filled, page.parts[1]]);
    }
    const headers = documentHeaders({ lang: page.lang, etag, cache: page.keys ? { policy, keys: page.keys } : undefined });
    // Webmention endpoint discovery (follow/webmention): the header, and a <link> in the page's head.
    if (page.share) headers.link = `<${site.baseUrl}/webmention>; rel="webmention"`;
    const fresh = { counts, body, headers, rawHeaders: Object.entries({ ...headers, 'content-length': String(body.length) }).flat() };
    assembled.set(page, fresh);
    return fresh;
  }

  async function sendCached(req: FastifyRequest, reply: FastifyReply, page: RenderedPage | null): Promise<FastifyReply> {
    if (!page) return notFound(req, reply);
    const a = assemble(page, page.share ? await countsOf(page.share.articleId)() : null);
    return sendPrepared(req, reply, a.body, a.headers);
  }

  function whole(text: string, lang: string, keys: string[]): RenderedPage {
    const body = Buffer.from(DOCTYPE + text);
    return { parts: [body], hash: hashOf(body), lang, keys };
  }

  /** A listing page, or null when a page past the first is empty (404); `place` is its surrogate key. */
  async function listingPage(page: number, load: () => Promise<(ListingPage & { place: string }) | null>): Promise<RenderedPage | null> {
    const [c, p] = await Promise.all([chrome(), load()]);
    if (!p || (page > 1 && !p.listing.cards.length)) return null;
    return whole(renderListing(c, p).value, p.lang, listingKeys(p.place, p.listing.cards));
  }

  const articleKey = (lang: string, slug: string) => `article\0${lang}\0${slug}`;
  function articlePage(lang: string, slug: string): Promise<RenderedPage | null> {
    return cache.get(articleKey(lang, slug), async () => {
      const [c, d] = await Promise.all([chrome(), loadArticle(ctx, lang, slug)]);
      if (!d) return null;
      const page = await buildArticlePage(ctx, c, d, parentStore);
      const articleIds = [...d.credits.chain.flatMap((l) => (l.articleId == null ? [] : [l.articleId])), ...d.relatives.map((r) => r.id)];
      const personIds = [...d.credits.authors, ...d.credits.translators].map((p) => p.id);
      return { ...page, keys: articlePageKeys(d.article, { articleIds, personIds }) };
    });
  }
  /** The article page assembled with current counts when both are in memory and fresh; undefined: ask articlePage. */
  function readyArticle(lang: string, slug: string): { page: RenderedPage; a: Assembled } | undefined {
    const page = cache.peek(articleKey(lang, slug));
    const counts = page?.share && countsOf(page.share.articleId).peek();
    return page && counts ? { page, a: assemble(page, counts) } : undefined;
  }
  const early = opts.early;
  early?.add(
    articleFastPath({
      ready: (lang, slug) => {
        const r = readyArticle(lang, slug);
        return r && { articleId: r.page.share!.articleId, rawHeaders: r.a.rawHeaders, body: r.a.body };
      },
      record: (req, articleId) => views.record(req, articleId),
      clientAddress: early.clientAddress,
      open: () => open,
      onError: (err) => app.log.error({ err }, 'counting a page view failed'),
    }),
  );
  // An article's manifest store, as embedded in its page as served (an earlier hop's, or for its manifest URL).
  async function storeOf(a: { language: string; slug: string }): Promise<Uint8Array | null> {
    const page = await articlePage(a.language, a.slug);
    return page?.shareBytes ? (embeddedStore(page.parts[0])?.store ?? null) : null;
  }
  async function parentStore(id: number): Promise<Uint8Array | null> {
    const parent = await findArticleById(ctx.store.db, id);
    return parent ? storeOf(parent) : null;
  }

  app.setNotFoundHandler(async (req, reply) => {
    // The JSON API answers in JSON even for routes that do not exist.
    if (req.url.startsWith('/api/')) return reply.code(404).send({ error: 'not found' });
    return notFound(req, reply);
  });

  await app.register(async (scope) => {
    scope.addHook('onRequest', (_req, reply, done) => {
      applySecurityHeaders(reply);
      done();
    });
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
      // The database down or the disk full: the same page, with a status that says so (and when to retry).
      const status = storageFault(err)?.status ?? 500;
      if (status === 503) reply.header('retry-after', '5');
      return sendHtml(req, reply, renderError({ site, sections }, lang, req.url.split('?')[0]), { status, lang });
    });

    registerAssetRoutes(scope);
    registerImageRoutes(scope, ctx);
    registerCredentialRoutes(scope, ctx, storeOf);

    scope.get('/', async (req: Req, reply) => {
      const page = pageOf(req);
      if (!page) return notFound(req, reply);
      const lang = site.defaultLanguage;
      const rendered = await cache.get(`home\0${page}`, () =>
        listingPage(page, async () => ({
          lang,
          place: HOME_KEY,
          heading: strings(lang).latest,
          title: site.name,
          description: site.description[lang] ?? site.name,
          path: '/',
          feed: null,
          listing: await loadListing(ctx, {}, page),
        })),
      );
      return sendCached(req, reply, rendered);
    });

    scope.get('/:lang/', async (req: Req<{ lang: string }>, reply) => {
      const lang = req.params.lang;
      const page = pageOf(req);
      if (!site.languages.includes(lang) || !page) return notFound(req, reply);
      const rendered = await cache.get(`lang\0${lang}\0${page}`, () =>
        listingPage(page, async () => ({
          lang,
          place: langKey(lang),
          heading: strings(lang).latest,
          title: `${site.name} – ${nativeLanguageName(lang)}`,
          description: site.description[lang] ?? site.description[site.defaultLanguage] ?? site.name,
          path: `/${lang}/`,
          feed: { scope: `${lang}/`, label: nativeLanguageName(lang) },
          listing: await loadListing(ctx, { language: lang }, page),
        })),
      );
      return sendCached(req, reply, rendered);
    });

    // The most requested page: a cached article with fresh counts is answered without waiting on a promise.
    scope.get('/:lang/:slug', (req: Req<{ lang: string; slug: string }>, reply) => {
      const { lang, slug } = req.params;
      if (!LANG_RE.test(lang) || !SLUG_RE.test(slug)) return notFound(req, reply);
      const ready = readyArticle(lang, slug);
      if (ready) {
        views.record(req, ready.page.share!.articleId);
        sendPrepared(req, reply, ready.a.body, ready.a.headers);
        return;
      }
      return articlePage(lang, slug).then((rendered) => {
        if (rendered?.share) views.record(req, rendered.share.articleId);
        return sendCached(req, reply, rendered);
      });
    });

    scope.get('/section/:slug/', async (req: Req<{ slug: string }>, reply) => {
      const page = pageOf(req);
      const slug = req.params.slug;
      if (!page || !/^[a-z0-9-]{1,120}$/.test(slug)) return notFound(req, reply);
      const lang = site.defaultLanguage;
      const rendered = await cache.get(`section\0${slug}\0${page}`, () =>
        listingPage(page, async () => {
          const section = await findSectionBySlug(ctx.store.db, slug);
          if (!section) return null;
          const name = sectionName(section, lang);
          return {
            lang,
            place: sectionKey(section.id),
            heading: name,
            description: `${name} – ${site.name}`,
            path: localPath(site, urls.section(site, section)),
            feed: { scope: `section/${section.slug}/`, label: name },
            listing: await loadListing(ctx, { sectionId: section.id }, page),
          };
        }),
      );
      return sendCached(req, reply, rendered);
    });

    scope.get('/tag/:slug/', async (req: Req<{ slug: string }>, reply) => {
      const page = pageOf(req);
      const slug = req.params.slug;
      if (!page || !/^[a-z0-9-]{1,120}$/.test(slug)) return notFound(req, reply);
      const lang = site.defaultLanguage;
      const rendered = await cache.get(`tag\0${slug}\0${page}`, () =>
        listingPage(page, async () => {
          const listing = await loadListing(ctx, { tagSlug: slug }, page);
          if (!listing.cards.length) return null;
          const name = listing.cards.flatMap((card) => card.article.tags).find((t) => tagSlug(t) === slug) ?? slug;
          const s = strings(lang);
          return {
            lang,
            place: tagKey(slug),
            heading: s.tagTitle(name),
            description: `${s.tagTitle(name)} – ${site.name}`,
            path: localPath(site, urls.tag(site, slug)),
            // Feeds exist for the site, languages, sections and authors; a tag page offers the site's.
            feed: null,
            listing,
          };
        }),
      );
      return sendCached(req, reply, rendered);
    });

    scope.get('/author/:slug/', async (req: Req<{ slug: string }>, reply) => {
      const page = pageOf(req);
      const slug = req.params.slug;
      if (!page || !/^[a-z0-9-]{1,120}$/.test(slug)) return notFound(req, reply);
      const lang = site.defaultLanguage;
      const rendered = await cache.get(`author\0${slug}\0${page}`, async () => {
        const person = await findPersonBySlug(ctx.store.db, slug);
        if (!person) return null;
        const [c, d] = await Promise.all([chrome(), loadPersonListings(ctx, person, page)]);
        if (page > 1 && !d.written.cards.length && !d.translated.cards.length) return null;
        return whole(renderPerson(c, d, lang).value, lang, listingKeys(authorKey(person.id), [...d.written.cards, ...d.translated.cards]));
      });
      return sendCached(req, reply, rendered);
    });

    scope.get('/search', async (req: Req, reply) => {
      const page = pageOf(req);
      if (!page) return notFound(req, reply);
      const r = await searchPage(ctx, await chrome(), req.query, page);
      return sendHtml(req, reply, r.page, { status: r.status, lang: r.lang });
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
