// Translation memory (matches, TMX in and out), the glossary, and newsroom notices.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { InputError, NotFoundError } from '../domain/types.ts';
import { findMatches, type MemoryMatch } from '../translate/memory.ts';
import { exportTmxText, importTmx, type TmxImportReport } from '../translate/tmx.ts';
import { addGlossaryEntry, listGlossary, removeGlossaryEntry, type GlossaryEntry } from '../translate/glossary.ts';
import { countUnread, markNoticeRead, noticesFor } from '../store/notices.ts';
import { actorOf } from './auth.ts';

type Pair = { from: string; to: string };
/** The API's body limit (routes.ts): a larger memory goes through `relais tm import`. */
const TMX_API_MAX_BYTES = 4 * 1024 * 1024;

export async function getMatches(ctx: AppContext, req: FastifyRequest): Promise<MemoryMatch[]> {
  const q = req.query as Pair & { source: string; limit: number };
  return findMatches(ctx, q.from, q.to, q.source, q.limit);
}

export async function postTmxImport(ctx: AppContext, req: FastifyRequest): Promise<TmxImportReport> {
  const body = req.body as Buffer | undefined;
  if (!body?.length) throw new InputError('send the TMX document as the body (Content-Type: application/xml)', 'tmx');
  return importTmx(ctx, body, { maxBytes: TMX_API_MAX_BYTES });
}

export async function getTmxExport(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<string> {
  const q = req.query as Pair;
  const text = await exportTmxText(ctx, q.from, q.to);
  reply.type('application/x-tmx+xml; charset=utf-8').header('content-disposition', `attachment; filename="relais-${q.from}-${q.to}.tmx"`);
  return text;
}

export async function getGlossary(ctx: AppContext, req: FastifyRequest): Promise<GlossaryEntry[]> {
  const q = req.query as Pair;
  return listGlossary(ctx, q.from, q.to);
}

export async function postGlossary(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<GlossaryEntry> {
  const e = await addGlossaryEntry(ctx, req.body as Pair & { term: string; rendering: string; note?: string }, actorOf(req));
  reply.code(201);
  return e;
}

export async function deleteGlossary(ctx: AppContext, req: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply): Promise<void> {
  await removeGlossaryEntry(ctx, req.params.id);
  reply.code(204).send();
}

function userOf(req: FastifyRequest): number | null {
  const a = actorOf(req);
  return a.kind === 'system' ? null : (a.user?.id ?? null);
}

export async function getNotices(ctx: AppContext, req: FastifyRequest) {
  const q = req.query as { unread?: boolean; limit: number };
  const user = userOf(req);
  if (user == null) return { items: [], unread: 0 };
  const rows = await noticesFor(ctx.store.db, user, { unreadOnly: q.unread === true, limit: q.limit });
  return {
    items: rows.map((r) => ({ id: r.id, kind: r.kind, articleId: r.article_id, text: r.text, createdAt: r.created_at, readAt: r.read_at })),
    unread: await countUnread(ctx.store.db, user),
  };
}

export async function postNoticeRead(ctx: AppContext, req: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply): Promise<void> {
  const user = userOf(req);
  if (user == null || !(await markNoticeRead(ctx.store.db, user, req.params.id, ctx.now().toISOString()))) throw new NotFoundError(`no notice ${req.params.id} for you`);
  reply.code(204).send();
}
