// Reviewers named per language pair: the owner names accounts (translators, authors) who review the
// translations of one pair (source → target) besides the editors. Each change is in the audit log.
import type { AppContext } from '../context.ts';
import { actorLabel, actorUserId, type Actor } from '../domain/accounts.ts';
import { NotFoundError } from '../domain/types.ts';
import type { Reviewer } from '../domain/translation.ts';
import { requireCan } from '../publish/guard.ts';
import { recordAudit } from '../store/audit.ts';
import { deleteReviewer, insertReviewer, listReviewers } from '../store/reviewers.ts';
import { findUserRow, findUserRowByEmail } from '../store/users.ts';
import { atomically } from '../store/transaction.ts';
import { languagePair } from './languages.ts';

export interface ReviewerRequest {
  userId?: number;
  email?: string;
  from: string;
  to: string;
}

export async function getReviewers(ctx: AppContext, actor: Actor): Promise<Reviewer[]> {
  requireCan(actor, 'settings.manage');
  return listReviewers(ctx.store.db);
}

export async function addReviewer(ctx: AppContext, actor: Actor, req: ReviewerRequest): Promise<Reviewer> {
  requireCan(actor, 'settings.manage');
  const [from, to] = languagePair(req?.from, req?.to).split('>');
  const user = req.userId != null ? await findUserRow(ctx.store.db, req.userId) : typeof req.email === 'string' ? await findUserRowByEmail(ctx.store.db, req.email) : undefined;
  if (!user) throw new NotFoundError(req.userId != null ? `no account with id ${req.userId}` : `no account with the address ${String(req.email ?? '')}`);
  return atomically(ctx.store, async (store) => {
    const now = ctx.now().toISOString();
    const id = await insertReviewer(store.db, { userId: user.id, from, to, now });
    await recordAudit(store.db, { at: now, userId: actorUserId(actor), actor: actorLabel(actor), action: 'reviewer.add', target: `user:${user.id}`, detail: { from, to } });
    return (await listReviewers(store.db, { id }))[0];
  });
}

export async function removeReviewer(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  requireCan(actor, 'settings.manage');
  await atomically(ctx.store, async (store) => {
    const [r] = await listReviewers(store.db, { id });
    if (!r || !(await deleteReviewer(store.db, id))) throw new NotFoundError(`no reviewer with id ${id}`);
    await recordAudit(store.db, { at: ctx.now().toISOString(), userId: actorUserId(actor), actor: actorLabel(actor), action: 'reviewer.remove', target: `user:${r.userId}`, detail: { from: r.from, to: r.to } });
  });
}
