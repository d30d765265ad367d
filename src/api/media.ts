// /api/media: the media library. Uploads are multipart/form-data (field `file`, plus alt, credit, caption)
// or the image itself as the body (Content-Type: image/…, text fields in the query, name in X-Filename).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { deleteMedia, getMedia, listMedia, updateMedia, uploadMedia } from '../media/index.ts';
import { readUpload } from './uploads.ts';

type IdRequest = FastifyRequest<{ Params: { id: number } }>;

/** The auth hook sets the actor; a route reached without one (never, with the hook) acts as nobody. */
function actorOf(req: FastifyRequest): Actor {
  return req.actor ?? { kind: 'token', name: 'anonymous', scope: 'read', user: null };
}

export const mediaListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    page: { type: 'integer', minimum: 1, maximum: 100000 },
    pageSize: { type: 'integer', minimum: 1, maximum: 200 },
    q: { type: 'string', maxLength: 200 },
  },
} as const;

export const mediaBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    alt: { type: 'string', maxLength: 500 },
    credit: { type: 'string', maxLength: 300 },
    caption: { type: 'string', maxLength: 2000 },
  },
} as const;

/** 201 with the new item; 200 with the existing one when the same picture is already in the library. */
export async function postMedia(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const up = await readUpload(req);
  const { media, created } = await uploadMedia(
    ctx,
    { bytes: up.bytes, originalName: up.filename || up.fields.name, alt: up.fields.alt, credit: up.fields.credit, caption: up.fields.caption },
    actorOf(req),
  );
  if (created) reply.code(201).header('location', `/api/media/${media.id}`);
  return reply.send({ ...media, created });
}

export async function listMediaHandler(ctx: AppContext, req: FastifyRequest<{ Querystring: { page?: number; pageSize?: number; q?: string } }>) {
  return listMedia(ctx, req.query);
}

export async function getMediaHandler(ctx: AppContext, req: IdRequest) {
  return getMedia(ctx, req.params.id);
}

export async function putMedia(ctx: AppContext, req: IdRequest & FastifyRequest<{ Body: { alt?: string; credit?: string; caption?: string } }>) {
  return updateMedia(ctx, req.params.id, req.body, actorOf(req));
}

export async function deleteMediaHandler(ctx: AppContext, req: IdRequest, reply: FastifyReply) {
  await deleteMedia(ctx, req.params.id, actorOf(req));
  return reply.code(204).send();
}
