// Test data for the site's HTTP tests, built through the publish operations on a fresh store: the
// republication chain of ../shared/seed/republished-article-capture.txt, plus drafts and edge cases.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { parseHTML } from 'linkedom';
import { buildApp } from '../app.ts';
import type { AppContext } from '../context.ts';
import type { Article, Outlet, Person, Section } from '../domain/types.ts';
import { openTestContext } from '../publish/test-context.ts';
import { createArticle } from '../publish/articles.ts';
import type { Actor } from '../domain/accounts.ts';
import { createPerson } from '../publish/people.ts';
import { createSection } from '../publish/sections.ts';
import { createOutlet } from '../publish/outlets.ts';

const FIXTURE: Actor = { kind: 'system', name: 'fixture' };

export const NOW = new Date('2026-01-10T12:00:00Z');
export const FORT_RUSS_URL = 'http://www.fort-russ.com/2017/11/russian-mod-details-us-isis-cooperation.html';

export interface Fixture {
  ctx: AppContext;
  sections: { world: Section; culture: Section };
  people: { samer: Person; avic: Person; ginette: Person; nobio: Person };
  outlet: Outlet;
  frenchOutlet: Outlet;
  articles: {
    en: Article;
    fr: Article;
    frOutside: Article;
    enTranslation: Article;
    repOriginal: Article;
    repNoindex: Article;
    draft: Article;
    future: Article;
    due: Article;
    hostile: Article;
  };
}

export async function makePng(path: string, width: number, height: number): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 30 } } }).png().toFile(path);
}

export async function buildFixture(): Promise<Fixture> {
  const ctx = await openTestContext({ now: () => NOW });
  await makePng(join(ctx.mediaDir, '2017', 'featured.png'), 1600, 900);
  await makePng(join(ctx.mediaDir, 'people', 'samer.png'), 200, 200);
  const world = await createSection(ctx, { name: 'Monde', slug: 'world', names: { fr: 'Monde', en: 'World' }, position: 1 });
  const culture = await createSection(ctx, { name: 'Culture', names: { fr: 'Culture', en: 'Culture' }, position: 2 });
  const samer = await createPerson(ctx, {
    name: 'Samer Hussein',
    bio: 'Journaliste indépendant.\n\nÉcrit sur le Proche-Orient.',
    photo: { file: 'people/samer.png', alt: 'Portrait de Samer Hussein', credit: null },
    links: [{ label: 'Site', url: 'https://samer.example/' }],
  });
  const avic = await createPerson(ctx, { name: 'Avic', bio: 'Traducteur.' });
  const ginette = await createPerson(ctx, {
    name: 'Ginette Hess Skandrani',
    bio: 'écologiste, membre co-fondatrice des verts, anti-colonialiste et solidaire des peuples opprimés du monde arabe.',
  });
  const nobio = await createPerson(ctx, { name: 'Sans Bio' });
  const outlet = await createOutlet(ctx, { name: 'Fort Russ', homeUrl: 'http://www.fort-russ.com/', language: 'en' });

  const frenchOutlet = await createOutlet(ctx, { name: 'Le Quotidien', homeUrl: 'https://quotidien.example/', language: 'fr' });
  const en = await createArticle(ctx, {
    language: 'en',
    slug: 'russian-mod-details-us-isis-cooperation',
    title: 'Russian MoD details US-ISIS cooperation',
    summary: 'The Russian Ministry of Defence has provided details.',
    bodyHtml: '<p>The Russian Ministry of Defence has provided some information.</p>',
    status: 'published',
    publishedAt: '2017-11-14T18:00:00Z',
    authorIds: [samer.id],
    sectionIds: [world.id],
    provenance: {
      original: { url: FORT_RUSS_URL, title: 'Russian MoD details US-ISIS cooperation', outletId: outlet.id, authorNames: ['Samer Hussein'], language: 'en', publishedAt: '2017-11-14T10:00:00Z' },
      licence: 'CC BY 4.0',
    },
  }, FIXTURE);
  const fr = await createArticle(ctx, {
    language: 'fr',
    slug: 'ministere-defense-russe-details-cooperation',
    title: 'Le Ministère de la Défense russe livre les détails de la coopération US-Etat Islamique',
    bodyHtml: '<p>Le ministère de la Défense russe a fourni quelques informations, concernant la situation dans l’est de la Syrie.</p><p>La semaine dernière…</p>',
    status: 'published',
    publishedAt: '2017-11-15T09:30:00Z',
    image: { file: '2017/featured.png', alt: 'Des avions au sol', credit: 'Ministère de la Défense' },
    authorIds: [samer.id],
    translatorIds: [avic.id],
    sectionIds: [world.id],
    tags: ['Syrie', 'Défense'],
    provenance: { translationOfId: en.id, via: { url: 'https://intermediaire.example/post/1', name: 'Intermédiaire' } },
  }, FIXTURE);
  const frOutside = await createArticle(ctx, {
    language: 'fr',
    slug: 'traduction-directe',
    title: 'Une traduction directe',
    bodyHtml: '<p>Texte traduit.</p>',
    status: 'published',
    publishedAt: '2017-11-16T08:00:00Z',
    translatorIds: [avic.id],
    sectionIds: [culture.id],
    tags: ['Syrie'],
    provenance: { original: { url: FORT_RUSS_URL, title: 'Russian MoD details', outletId: outlet.id, authorNames: ['Samer Hussein'], language: 'en', publishedAt: null } },
  }, FIXTURE);
  const enTranslation = await createArticle(ctx, {
    language: 'en',
    slug: 'translated-from-french',
    title: 'Translated from French',
    bodyHtml: '<p>Translated text.</p>',
    status: 'published',
    publishedAt: '2017-11-16T09:00:00Z',
    translatorIds: [avic.id],
    provenance: { original: { url: 'https://quotidien.example/article-1', title: 'Article un', outletId: frenchOutlet.id, authorNames: ['Marie Curie'], language: 'fr', publishedAt: null } },
  }, FIXTURE);
  const repOriginal = await createArticle(ctx, {
    language: 'fr',
    slug: 'republication-blog',
    title: 'Republication sur le blog',
    bodyHtml: '<p>Copie.</p>',
    status: 'published',
    publishedAt: '2017-11-17T08:00:00Z',
    authorIds: [ginette.id],
    canonicalPolicy: 'original',
    provenance: { republicationOfId: fr.id },
  }, FIXTURE);
  const repNoindex = await createArticle(ctx, {
    language: 'en',
    slug: 'republished-noindex',
    title: 'Republished without indexing',
    bodyHtml: '<p>Copy.</p>',
    status: 'published',
    publishedAt: '2017-11-18T08:00:00Z',
    canonicalPolicy: 'self-noindex',
    authorIds: [nobio.id],
    provenance: { original: { url: 'https://other.example/story', title: 'Story', outletId: null, authorNames: ['Other Writer'], language: 'en', publishedAt: null } },
  }, FIXTURE);
  const draft = await createArticle(ctx, { language: 'fr', slug: 'brouillon', title: 'Brouillon secret', bodyHtml: '<p>x</p>', status: 'draft', sectionIds: [world.id] }, FIXTURE);
  const future = await createArticle(ctx, {
    language: 'fr', slug: 'plus-tard', title: 'Article programmé futur', bodyHtml: '<p>x</p>', status: 'scheduled', publishedAt: '2026-02-01T00:00:00Z', sectionIds: [world.id],
  }, FIXTURE);
  const due = await createArticle(ctx, {
    language: 'fr', slug: 'programme-echu', title: 'Article programmé échu', bodyHtml: '<p>x</p>', status: 'scheduled', publishedAt: '2026-01-01T00:00:00Z', sectionIds: [world.id],
  }, FIXTURE);
  const hostile = await createArticle(ctx, {
    language: 'en',
    slug: 'hostile',
    title: '</title><script>alert(1)</script> "quoted" & <b>bold</b>',
    summary: '"><img src=x onerror=alert(2)>',
    bodyHtml: '<p>Body<script>alert(3)</script></p>',
    status: 'published',
    publishedAt: '2017-11-19T08:00:00Z',
    tags: ['<i>tag</i>'],
  }, FIXTURE);
  return {
    ctx,
    sections: { world, culture },
    people: { samer, avic, ginette, nobio },
    outlet,
    frenchOutlet,
    articles: { en, fr, frOutside, enTranslation, repOriginal, repNoindex, draft, future, due, hostile },
  };
}

/** The base URL the fixture's site is configured with. */
export const BASE = 'http://relais.test';

export interface SiteApp {
  f: Fixture;
  app: FastifyInstance;
  /** GETs a page and parses it. */
  page(url: string): Promise<{ res: LightMyRequestResponse; body: string; doc: Document }>;
}

/** The fixture and the whole app on it, for the site's HTTP tests. */
export async function openSiteApp(): Promise<SiteApp> {
  const f = await buildFixture();
  const app = await buildApp(f.ctx);
  const page = async (url: string) => {
    const res = await app.inject({ url });
    return { res, body: res.body, doc: parseHTML(res.body).document as unknown as Document };
  };
  return { f, app, page };
}

export async function closeSiteApp(s: Pick<SiteApp, 'f' | 'app'>): Promise<void> {
  await s.app.close();
  await s.f.ctx.store.close();
}
