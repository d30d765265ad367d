// What the editor asks for while writing: the imported original, slug checks, tag completion, the sanitiser.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { NotFoundError } from '../domain/types.ts';
import { sanitizeBody } from '../publish/sanitize.ts';
import { slugify, uniqueSlug } from '../publish/slug.ts';
import { language as checkLanguage } from '../publish/validate.ts';
import { findArticleById, listTags, slugTaken, tagSlug } from '../store/articles.ts';
import { findOriginalSnapshot } from '../store/originals.ts';

export async function getOriginal(ctx: AppContext, req: FastifyRequest<{ Params: { id: number } }>) {
  const id = req.params.id;
  if (!(await findArticleById(ctx.store.db, id))) throw new NotFoundError(`no article with id ${id}`);
  const o = await findOriginalSnapshot(ctx.store.db, id);
  if (!o) throw new NotFoundError(`article #${id} was not imported: no original is kept`);
  return { url: o.url, html: o.html, text: o.text, fetchedAt: o.fetchedAt, title: o.title, language: o.language, sourceKind: o.sourceKind };
}

/** `slug` may be any text (a title): it is made a slug first. `suggestion` is free in any case. */
export async function getSlug(ctx: AppContext, req: FastifyRequest<{ Querystring: { language: string; slug: string; except?: number } }>) {
  const lang = checkLanguage(req.query.language);
  const slug = slugify(req.query.slug) || 'article';
  const taken = (s: string) => slugTaken(ctx.store.db, lang, s, req.query.except);
  const available = !(await taken(slug));
  return { slug, available, suggestion: available ? slug : await uniqueSlug(slug, taken) };
}

const TAG_LIMIT = 20;

/** Tags in use, most used first; `q` keeps those whose slug contains q's slug. */
export async function getTags(ctx: AppContext, req: FastifyRequest<{ Querystring: { q?: string } }>) {
  const needle = req.query.q ? tagSlug(req.query.q) : '';
  const all = await listTags(ctx.store.db);
  const found = needle ? all.filter((t) => t.slug.includes(needle)) : all;
  found.sort((a, b) => Number(b.slug.startsWith(needle)) - Number(a.slug.startsWith(needle)) || b.count - a.count || a.slug.localeCompare(b.slug));
  return needle ? found.slice(0, TAG_LIMIT) : found;
}

export async function postSanitize(_ctx: AppContext, req: FastifyRequest) {
  return { html: sanitizeBody((req.body as { html: string }).html) };
}
