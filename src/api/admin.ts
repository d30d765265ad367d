// The owner's screens: the audit log and the site settings.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { InputError } from '../domain/types.ts';
import { actorLabel, actorUserId } from '../domain/accounts.ts';
import { actorOf } from './auth.ts';
import { listAudit, recordAudit } from '../store/audit.ts';
import { readSetting, writeSetting } from '../store/settings.ts';

export async function getAudit(ctx: AppContext, req: FastifyRequest) {
  const q = req.query as { page?: number; pageSize?: number; action?: string };
  return listAudit(ctx.store.db, { page: q.page ?? 1, pageSize: q.pageSize ?? 50, action: q.action });
}

export async function getSettings(ctx: AppContext) {
  return { requireTwoFactor: await readSetting(ctx.store.db, 'requireTwoFactor', false) };
}

export async function putSettings(ctx: AppContext, req: FastifyRequest) {
  const b = req.body as { requireTwoFactor?: unknown };
  if (typeof b.requireTwoFactor !== 'boolean') throw new InputError('requireTwoFactor must be true or false', 'requireTwoFactor');
  await writeSetting(ctx.store.db, 'requireTwoFactor', b.requireTwoFactor);
  const actor = actorOf(req);
  await recordAudit(ctx.store.db, { at: ctx.now().toISOString(), userId: actorUserId(actor), actor: actorLabel(actor), action: 'settings.change', target: 'settings', detail: { requireTwoFactor: b.requireTwoFactor } });
  return getSettings(ctx);
}
