// Copies found of articles (src/copies/): per article, the flagged ones site-wide, and matching a page.
import type { FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Action } from '../domain/permissions.ts';
import { NotFoundError } from '../domain/types.ts';
import { matchForReport, type ReportedMatch } from '../copies/report.ts';
import { listFoundCopies, type FoundCopy } from '../store/copies-found.ts';
import { idParams } from './schemas.ts';

type Handler = (ctx: AppContext, req: any, reply: FastifyReply) => Promise<unknown>;

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    flagged: { type: 'string', enum: ['0', '1'] },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
  },
};
const matchBody = {
  type: 'object',
  additionalProperties: false,
  properties: { html: { type: 'string' }, text: { type: 'string' }, url: { type: 'string', maxLength: 2048 } },
};

type ListQuery = { flagged?: '0' | '1'; limit: number; offset: number };

async function getArticleCopies(ctx: AppContext, req: FastifyRequest<{ Params: { id: number }; Querystring: ListQuery }>): Promise<{ articleId: number; copies: FoundCopy[] }> {
  const a = await ctx.store.db.selectFrom('articles').select('id').where('id', '=', req.params.id).executeTakeFirst();
  if (!a) throw new NotFoundError(`no article with id ${req.params.id}`);
  const q = req.query ?? {};
  const copies = await listFoundCopies(ctx.store.db, { articleId: a.id, flagged: q.flagged == null ? undefined : q.flagged === '1', limit: q.limit, offset: q.offset });
  return { articleId: a.id, copies };
}

async function getCopies(ctx: AppContext, req: FastifyRequest<{ Querystring: ListQuery }>): Promise<{ copies: FoundCopy[] }> {
  const q = req.query ?? {};
  return { copies: await listFoundCopies(ctx.store.db, { flagged: q.flagged == null ? undefined : q.flagged === '1', limit: q.limit, offset: q.offset }) };
}

async function postMatch(ctx: AppContext, req: FastifyRequest<{ Body: { html?: string; text?: string; url?: string } }>): Promise<{ matches: ReportedMatch[] }> {
  return { matches: await matchForReport(ctx, req.body ?? {}) };
}

export const COPY_ROUTES: [HTTPMethods, string, Handler, FastifySchema | undefined, { permission: Action }][] = [
  ['GET', '/articles/:id/copies', getArticleCopies, { params: idParams, querystring: listQuery }, { permission: 'stats.read' }],
  ['GET', '/copies', getCopies, { querystring: listQuery }, { permission: 'stats.read' }],
  ['POST', '/copies/match', postMatch, { body: matchBody }, { permission: 'stats.read' }],
];
