import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { NotFoundError, type Outlet, type OutletInput } from '../domain/types.ts';
import { createOutlet, editOutlet } from '../publish/outlets.ts';
import { findOutletById, listOutlets } from '../store/outlets.ts';

type IdReq = FastifyRequest<{ Params: { id: number } }>;

export async function listOutletsHandler(ctx: AppContext): Promise<{ items: Outlet[] }> {
  return { items: await listOutlets(ctx.store.db) };
}

export async function getOutlet(ctx: AppContext, req: IdReq): Promise<Outlet> {
  const o = await findOutletById(ctx.store.db, req.params.id);
  if (!o) throw new NotFoundError(`no outlet with id ${req.params.id}`);
  return o;
}

export async function postOutlet(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<Outlet> {
  const o = await createOutlet(ctx, req.body as OutletInput);
  reply.code(201).header('location', `/api/outlets/${o.id}`);
  return o;
}

export async function putOutlet(ctx: AppContext, req: IdReq): Promise<Outlet> {
  return editOutlet(ctx, req.params.id, req.body as OutletInput);
}
