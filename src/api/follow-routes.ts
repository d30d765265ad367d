// Route rows for licences, republishers, webmentions (see follow.ts); src/api/routes.ts spreads them in.
import type { FastifyReply, FastifySchema, HTTPMethods } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Action } from '../domain/permissions.ts';
import { LICENCES } from '../follow/licence.ts';
import { MODERATION } from '../follow/webmention/moderation.ts';
import { idParams } from './schemas.ts';
import * as f from './follow.ts';

type Handler = (ctx: AppContext, req: any, reply: FastifyReply) => Promise<unknown>;
const ID = { params: idParams };
const licenceBody = {
  type: 'object',
  required: ['licence'],
  additionalProperties: false,
  properties: { licence: { anyOf: [{ type: 'string', enum: [...LICENCES] }, { type: 'null' }] } },
} as const;
const rangeQuery = {
  type: 'object',
  properties: { from: { type: 'string', maxLength: 10 }, to: { type: 'string', maxLength: 10 }, limit: { type: 'integer', minimum: 1, maximum: 100 } },
} as const;

const moderationBody = {
  type: 'object',
  required: ['moderation'],
  additionalProperties: false,
  properties: { moderation: { type: 'string', enum: [...MODERATION] } },
} as const;
const webmentionQuery = {
  type: 'object',
  properties: {
    articleId: { type: 'integer', minimum: 1 },
    moderation: { type: 'string', enum: [...MODERATION] },
    verification: { type: 'string', enum: ['pending', 'verified', 'refused'] },
    limit: { type: 'integer', minimum: 1, maximum: 500 },
  },
} as const;

export const FOLLOW_ROUTES: [HTTPMethods, string, Handler, FastifySchema | undefined, { permission: Action }][] = [
  ['GET', '/licences', f.getLicences, undefined, { permission: 'article.read' }],
  ['PUT', '/licences/default', f.putDefaultLicence, { body: licenceBody }, { permission: 'settings.manage' }],
  ['GET', '/articles/:id/licence', f.getArticleLicence, ID, { permission: 'article.read' }],
  ['PUT', '/articles/:id/licence', f.putArticleLicence, { ...ID, body: licenceBody }, { permission: 'article.edit' }],
  ['PUT', '/media/:id/reuse-licence', f.putMediaReuseLicence, { ...ID, body: licenceBody }, { permission: 'media.upload' }],
  ['GET', '/articles/:id/republishers', f.getArticleRepublishers, { ...ID, querystring: rangeQuery }, { permission: 'stats.read' }],
  ['GET', '/republishers', f.getTopRepublishers, { querystring: rangeQuery }, { permission: 'stats.read' }],
  ['GET', '/webmentions', f.getWebmentions, { querystring: webmentionQuery }, { permission: 'stats.read' }],
  ['GET', '/articles/:id/webmentions', f.getArticleWebmentions, ID, { permission: 'stats.read' }],
  ['PUT', '/webmentions/:id', f.putWebmention, { ...ID, body: moderationBody }, { permission: 'article.edit' }],
];
