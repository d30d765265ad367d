// Handlers of what follows an article past our pages: licences, republishers (follow/republish),
// webmentions (follow/webmention).
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { ForbiddenError, InputError, NotFoundError } from '../domain/types.ts';
import { can, refusal } from '../domain/permissions.ts';
import { findArticleById } from '../store/articles.ts';
import { actorOf } from './auth.ts';
import { articleLicence, LICENCES, licenceInfo, parseLicence, setArticleLicence, setSiteDefaultLicence, siteDefaultLicence } from '../follow/licence.ts';
import { articleRepublishers, topRepublishers } from '../follow/republish/dashboard.ts';
import { listWebmentions, moderateWebmention } from '../follow/webmention/moderation.ts';

type Body = { licence?: unknown };

function licenceField(body: unknown): unknown {
  if (!body || typeof body !== 'object' || !('licence' in body)) throw new InputError('licence is required (or null for the default)', 'licence');
  return (body as Body).licence;
}

export async function getLicences(ctx: AppContext) {
  return { licences: LICENCES.map(licenceInfo), default: await siteDefaultLicence(ctx.store.db) };
}

export async function putDefaultLicence(ctx: AppContext, req: FastifyRequest<{ Body: Body }>) {
  return { default: await setSiteDefaultLicence(ctx, licenceField(req.body)) };
}

export async function getArticleLicence(ctx: AppContext, req: FastifyRequest<{ Params: { id: number } }>) {
  const l = await articleLicence(ctx.store.db, Number(req.params.id));
  if (!l) throw new NotFoundError(`no article ${req.params.id}`);
  return { articleId: Number(req.params.id), licence: l.licence, own: l.own, republishable: licenceInfo(l.licence).republishable };
}

export async function putArticleLicence(ctx: AppContext, req: FastifyRequest<{ Params: { id: number }; Body: Body }>) {
  const id = Number(req.params.id);
  const value = licenceField(req.body);
  const article = await findArticleById(ctx.store.db, id);
  if (!article) throw new NotFoundError(`no article ${id}`);
  if (!can(actorOf(req), 'article.edit', article)) throw new ForbiddenError(refusal('article.edit'));
  await setArticleLicence(ctx.store.db, id, value === null ? null : parseLicence(value));
  return getArticleLicence(ctx, req);
}

export async function putMediaReuseLicence(ctx: AppContext, req: FastifyRequest<{ Params: { id: number }; Body: Body }>) {
  const value = licenceField(req.body);
  const reuse_licence = value === null ? null : parseLicence(value);
  const r = await ctx.store.db.updateTable('media').set({ reuse_licence }).where('id', '=', Number(req.params.id)).executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw new NotFoundError(`no media ${req.params.id}`);
  return { id: Number(req.params.id), reuseLicence: reuse_licence };
}

export async function getArticleRepublishers(ctx: AppContext, req: FastifyRequest<{ Params: { id: number }; Querystring: { from?: string; to?: string } }>) {
  return articleRepublishers(ctx, Number(req.params.id), req.query ?? {});
}

export async function getTopRepublishers(ctx: AppContext, req: FastifyRequest<{ Querystring: { from?: string; to?: string; limit?: string } }>) {
  return topRepublishers(ctx, req.query ?? {});
}

export async function getWebmentions(ctx: AppContext, req: FastifyRequest<{ Querystring: { articleId?: number; moderation?: string; verification?: string; limit?: number } }>) {
  return { webmentions: await listWebmentions(ctx, req.query ?? {}) };
}

export async function getArticleWebmentions(ctx: AppContext, req: FastifyRequest<{ Params: { id: number } }>) {
  return { articleId: Number(req.params.id), webmentions: await listWebmentions(ctx, { articleId: Number(req.params.id) }) };
}

export async function putWebmention(ctx: AppContext, req: FastifyRequest<{ Params: { id: number }; Body: { moderation?: unknown } }>) {
  return moderateWebmention(ctx, Number(req.params.id), req.body?.moderation);
}
