// Turns an ArticleInput into the article to store: every field checked, the body sanitised, references resolved.
import type { AppContext } from '../context.ts';
import {
  ARTICLE_STATUSES,
  CANONICAL_POLICIES,
  InputError,
  type Article,
  type ArticleInput,
  type ArticleStatus,
  type CanonicalPolicy,
  type Provenance,
} from '../domain/types.ts';
import { findArticleById, slugTaken, type ArticleData } from '../store/articles.ts';
import { findPeopleByIds } from '../store/people.ts';
import { findSectionBySlug, findSectionById } from '../store/sections.ts';
import { findOutletById } from '../store/outlets.ts';
import { sanitizeBodyOffThread } from './sanitize.ts';
import { checkFeaturedImage } from './featured-image.ts';
import { slugify, uniqueSlug } from './slug.ts';
import { httpUrl, isoTime, language, optionalText, requireText, slugText } from './validate.ts';

const MAX_BODY = 2_000_000;

async function resolveSections(ctx: AppContext, input: ArticleInput): Promise<number[]> {
  const ids = [...(input.sectionIds ?? [])];
  for (const id of ids) if (!(await findSectionById(ctx.store.db, id))) throw new InputError(`no section with id ${id}`, 'sectionIds');
  for (const slug of input.sections ?? []) {
    const s = await findSectionBySlug(ctx.store.db, slug);
    if (!s) throw new InputError(`no section "${slug}"`, 'sections');
    ids.push(s.id);
  }
  return [...new Set(ids)];
}

async function checkPeople(ctx: AppContext, ids: number[], field: string): Promise<number[]> {
  const found = await findPeopleByIds(ctx.store.db, ids);
  for (const id of ids) if (!found.has(id)) throw new InputError(`no person with id ${id}`, field);
  return [...new Set(ids)];
}

/** Walks translation/republication links upwards; refuses a link that would close a loop. */
async function checkChain(ctx: AppContext, selfId: number | null, startId: number, field: string): Promise<void> {
  const seen = new Set<number>();
  let id: number | null = startId;
  while (id != null) {
    if (id === selfId || seen.has(id)) throw new InputError(`${field} would make a loop of articles`, field);
    seen.add(id);
    const a = await findArticleById(ctx.store.db, id);
    if (!a) throw new InputError(`no article with id ${id}`, field);
    id = a.provenance.translationOfId ?? a.provenance.republicationOfId;
  }
}

async function buildProvenance(ctx: AppContext, selfId: number | null, p: Partial<Provenance> | undefined): Promise<Provenance> {
  const out: Provenance = { original: null, via: null, translationOfId: null, republicationOfId: null, licence: null };
  if (!p) return out;
  if (p.original) {
    const o = p.original;
    if (o.outletId != null && !(await findOutletById(ctx.store.db, o.outletId)))
      throw new InputError(`no outlet with id ${o.outletId}`, 'provenance.original.outletId');
    out.original = {
      url: o.url ? httpUrl(o.url, 'provenance.original.url') : null,
      title: o.title ? optionalText(o.title, 'provenance.original.title', 500) : null,
      outletId: o.outletId ?? null,
      authorNames: (o.authorNames ?? []).map((n, i) => requireText(n, `provenance.original.authorNames[${i}]`, 200)),
      language: o.language ? language(o.language, 'provenance.original.language') : null,
      publishedAt: o.publishedAt ? isoTime(o.publishedAt, 'provenance.original.publishedAt') : null,
    };
  }
  if (p.via) out.via = { url: httpUrl(p.via.url, 'provenance.via.url'), name: p.via.name ? optionalText(p.via.name, 'provenance.via.name', 200) : null };
  if (p.translationOfId != null) {
    await checkChain(ctx, selfId, p.translationOfId, 'provenance.translationOfId');
    out.translationOfId = p.translationOfId;
  }
  if (p.republicationOfId != null) {
    await checkChain(ctx, selfId, p.republicationOfId, 'provenance.republicationOfId');
    out.republicationOfId = p.republicationOfId;
  }
  if (out.translationOfId != null && out.republicationOfId != null)
    throw new InputError('an article is a translation or a republication of another, not both', 'provenance');
  out.licence = p.licence ? optionalText(p.licence, 'provenance.licence', 200) : null;
  return out;
}

function statusOf(input: ArticleInput, fallback: ArticleStatus): ArticleStatus {
  const s = input.status ?? fallback;
  if (!ARTICLE_STATUSES.includes(s)) throw new InputError(`status must be one of ${ARTICLE_STATUSES.join(', ')}`, 'status');
  return s;
}

function policyOf(input: ArticleInput, fallback: CanonicalPolicy): CanonicalPolicy {
  const p = input.canonicalPolicy ?? fallback;
  if (!CANONICAL_POLICIES.includes(p)) throw new InputError(`canonicalPolicy must be one of ${CANONICAL_POLICIES.join(', ')}`, 'canonicalPolicy');
  return p;
}

export async function buildArticleData(ctx: AppContext, input: ArticleInput, existing: Article | null): Promise<ArticleData> {
  if (input == null || typeof input !== 'object') throw new InputError('an article object is required');
  const now = ctx.now().toISOString();
  const lang = language(input.language);
  const title = requireText(input.title, 'title', 500);
  if (typeof input.bodyHtml !== 'string') throw new InputError('bodyHtml is required', 'bodyHtml');
  if (input.bodyHtml.length > MAX_BODY) throw new InputError(`bodyHtml is larger than ${MAX_BODY} characters`, 'bodyHtml', 413);
  const status = statusOf(input, existing?.status ?? 'draft');
  let publishedAt = input.publishedAt !== undefined ? (input.publishedAt ? isoTime(input.publishedAt, 'publishedAt') : null) : (existing?.publishedAt ?? null);
  if (status === 'scheduled' && !publishedAt) throw new InputError('a scheduled article needs publishedAt', 'publishedAt');
  if (status === 'published' && !publishedAt) publishedAt = now;
  const slugBase = input.slug ? slugText(input.slug) : (existing?.slug ?? slugify(title));
  const selfId = existing?.id;
  const slug = input.slug
    ? slugBase
    : existing
      ? existing.slug
      : await uniqueSlug(slugBase, (s) => slugTaken(ctx.store.db, lang, s));
  if (input.slug && (await slugTaken(ctx.store.db, lang, slug, selfId)))
    throw new InputError(`slug "${slug}" is taken in ${lang}`, 'slug', 409);
  const image = await checkFeaturedImage(ctx, input.image !== undefined ? input.image : (existing?.image ?? null));
  return {
    slug,
    language: lang,
    title,
    summary: optionalText(input.summary, 'summary', 2000),
    bodyHtml: await sanitizeBodyOffThread(input.bodyHtml),
    image: image
      ? {
          file: requireText(image.file, 'image.file', 2000),
          alt: optionalText(image.alt, 'image.alt', 500),
          credit: image.credit ? optionalText(image.credit, 'image.credit', 500) : null,
          width: image.width ?? null,
          height: image.height ?? null,
          ...(image.mediaId != null ? { mediaId: image.mediaId } : {}),
          ...(image.caption ? { caption: optionalText(image.caption, 'image.caption', 1000) } : {}),
          ...(image.focal ? { focal: focalPoint(image.focal) } : {}),
        }
      : null,
    sectionIds: await resolveSections(ctx, input),
    tags: [...new Set((input.tags ?? []).map((t, i) => requireText(t, `tags[${i}]`, 60)))],
    status,
    publishedAt,
    updatedAt: now,
    createdAt: existing?.createdAt ?? now,
    canonicalUrl: input.canonicalUrl ? httpUrl(input.canonicalUrl, 'canonicalUrl') : null,
    canonicalPolicy: policyOf(input, existing?.canonicalPolicy ?? 'self'),
    authorIds: await checkPeople(ctx, input.authorIds ?? [], 'authorIds'),
    translatorIds: await checkPeople(ctx, input.translatorIds ?? [], 'translatorIds'),
    provenance: await buildProvenance(ctx, selfId ?? null, input.provenance),
  };
}


/** Where the picture's subject is, as fractions of its width and height (crops keep it in view). */
function focalPoint(f: { x: unknown; y: unknown }): { x: number; y: number } {
  const ok = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;
  if (!ok(f.x) || !ok(f.y)) throw new InputError('image.focal needs x and y between 0 and 1', 'image.focal');
  return { x: f.x, y: f.y };
}
