import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { NotFoundError, type Section, type SectionInput } from '../domain/types.ts';
import { createSection, editSection } from '../publish/sections.ts';
import { findSectionById, listSections } from '../store/sections.ts';

type IdReq = FastifyRequest<{ Params: { id: number } }>;

export async function listSectionsHandler(ctx: AppContext): Promise<{ items: Section[] }> {
  return { items: await listSections(ctx.store.db) };
}

export async function getSection(ctx: AppContext, req: IdReq): Promise<Section> {
  const s = await findSectionById(ctx.store.db, req.params.id);
  if (!s) throw new NotFoundError(`no section with id ${req.params.id}`);
  return s;
}

export async function postSection(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<Section> {
  const s = await createSection(ctx, req.body as SectionInput);
  reply.code(201).header('location', `/api/sections/${s.id}`);
  return s;
}

export async function putSection(ctx: AppContext, req: IdReq): Promise<Section> {
  return editSection(ctx, req.params.id, req.body as SectionInput);
}
