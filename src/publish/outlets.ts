import type { AppContext } from '../context.ts';
import { InputError, NotFoundError, type Outlet, type OutletInput } from '../domain/types.ts';
import { findOutletByHomeUrl, findOutletById, insertOutlet, updateOutlet } from '../store/outlets.ts';
import { httpUrl, language, requireText } from './validate.ts';
import { purgeSite } from '../cdn/article-change.ts';

function validate(input: OutletInput) {
  return {
    name: requireText(input.name, 'name', 200),
    homeUrl: httpUrl(input.homeUrl, 'homeUrl'),
    language: input.language == null ? null : language(input.language),
  };
}

export async function createOutlet(ctx: AppContext, input: OutletInput): Promise<Outlet> {
  const v = validate(input);
  if (await findOutletByHomeUrl(ctx.store.db, v.homeUrl)) throw new InputError(`an outlet with home URL ${v.homeUrl} exists`, 'homeUrl', 409);
  return insertOutlet(ctx.store.db, v);
}

/** The outlet with this home URL, created on first use (imports name outlets by their site). */
export async function ensureOutlet(ctx: AppContext, input: OutletInput): Promise<Outlet> {
  const v = validate(input);
  return (await findOutletByHomeUrl(ctx.store.db, v.homeUrl)) ?? insertOutlet(ctx.store.db, v);
}

export async function editOutlet(ctx: AppContext, id: number, input: OutletInput): Promise<Outlet> {
  if (!(await findOutletById(ctx.store.db, id))) throw new NotFoundError(`no outlet with id ${id}`);
  const v = validate(input);
  await updateOutlet(ctx.store.db, id, v);
  purgeSite(ctx);
  return { id, ...v };
}
