import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { NotFoundError, type Person, type PersonInput } from '../domain/types.ts';
import { createPerson, editPerson } from '../publish/people.ts';
import { findPersonById, listPeople } from '../store/people.ts';

type IdReq = FastifyRequest<{ Params: { id: number } }>;

export async function listPeopleHandler(ctx: AppContext): Promise<{ items: Person[] }> {
  return { items: await listPeople(ctx.store.db) };
}

export async function getPerson(ctx: AppContext, req: IdReq): Promise<Person> {
  const p = await findPersonById(ctx.store.db, req.params.id);
  if (!p) throw new NotFoundError(`no person with id ${req.params.id}`);
  return p;
}

export async function postPerson(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<Person> {
  const p = await createPerson(ctx, req.body as PersonInput);
  reply.code(201).header('location', `/api/people/${p.id}`);
  return p;
}

export async function putPerson(ctx: AppContext, req: IdReq): Promise<Person> {
  return editPerson(ctx, req.params.id, req.body as PersonInput);
}
