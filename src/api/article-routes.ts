// The newsroom's article routes beyond create/read/update/delete/publish (those stay in routes.ts).
// Each names the permission the auth hook checks; the operations check again with the article they load.
import type { FastifyReply, FastifySchema, HTTPMethods } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Action } from '../domain/permissions.ts';
import { idParams } from './schemas.ts';
import { bulkBody, correctionBody, diffQuery, revParams, sanitizeBody, slugQuery, tagQuery, versionBody } from './article-schemas.ts';
import { articleBody } from './schemas.ts';
import { postAutosave, postBulk, postCorrection, postSubmit, postUnpublish } from './article-workflow.ts';
import { getDiff, getRevision, getRevisions, postRestore } from './revisions.ts';
import { getOriginal, getSlug, getTags, postSanitize } from './article-tools.ts';

type Handler = (ctx: AppContext, req: any, reply: FastifyReply) => Promise<unknown>;
const ID = { params: idParams };

export const ARTICLE_ROUTES: [HTTPMethods, string, Handler, FastifySchema | undefined, { permission: Action }][] = [
  ['POST', '/articles/bulk', postBulk, { body: bulkBody }, { permission: 'article.edit' }],
  ['POST', '/articles/:id/autosave', postAutosave, { ...ID, body: articleBody }, { permission: 'article.edit' }],
  ['POST', '/articles/:id/unpublish', postUnpublish, ID, { permission: 'article.publish' }],
  ['POST', '/articles/:id/submit', postSubmit, ID, { permission: 'article.submit' }],
  ['POST', '/articles/:id/corrections', postCorrection, { ...ID, body: correctionBody }, { permission: 'article.publish' }],
  ['GET', '/articles/:id/revisions', getRevisions, ID, { permission: 'article.read' }],
  ['GET', '/articles/:id/revisions/:rev', getRevision, { params: revParams }, { permission: 'article.read' }],
  ['POST', '/articles/:id/revisions/:rev/restore', postRestore, { params: revParams, body: versionBody }, { permission: 'article.edit' }],
  ['GET', '/articles/:id/diff', getDiff, { ...ID, querystring: diffQuery }, { permission: 'article.read' }],
  ['GET', '/articles/:id/original', getOriginal, ID, { permission: 'article.read' }],
  ['GET', '/slugs', getSlug, { querystring: slugQuery }, { permission: 'article.read' }],
  ['GET', '/tags', getTags, { querystring: tagQuery }, { permission: 'article.read' }],
  ['POST', '/sanitize', postSanitize, { body: sanitizeBody }, { permission: 'article.edit' }],
];
