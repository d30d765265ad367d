// GET /api/articles/:id/text: the article as plain text, carrying its Content Credentials (C2PA text wrapper).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { signedArticleText } from '../c2pa/article-text.ts';
import { findArticleById } from '../store/articles.ts';
import { NotFoundError } from '../domain/types.ts';

export async function getArticleText(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<string> {
  const id = (req.params as { id: number }).id;
  if (!(await findArticleById(ctx.store.db, id))) throw new NotFoundError(`no article with id ${id}`);
  const { text } = await signedArticleText(ctx, id);
  reply.type('text/plain; charset=utf-8');
  return text;
}
