// One-time links: a sign-in link (CLI, demo), an invitation (the invitee sets a password) or a reset.
// Single use (claimed with a conditional update), expiring, and a new link voids the user's older ones.
import type { AppContext } from '../context.ts';
import { InputError, NotFoundError } from '../domain/types.ts';
import { actorLabel, actorUserId, type Actor, type User } from '../domain/accounts.ts';
import { claimLink, expireLinks, findUsableLink, insertLink } from '../store/sign-in-links.ts';
import { findUser, findUserRow, updateUserRow } from '../store/users.ts';
import { recordAudit } from '../store/audit.ts';
import { inTransaction } from '../store/transaction.ts';
import { checkNewPassword, hashPassword } from './passwords.ts';
import { randomToken, sha256 } from './secrets.ts';

export type LinkPurpose = 'sign-in' | 'invite' | 'reset';
const LIFETIME_HOURS: Record<LinkPurpose, number> = { 'sign-in': 24, invite: 24 * 7, reset: 24 };

export function linkUrl(ctx: AppContext, token: string): string {
  return `${ctx.site.baseUrl}/newsroom/link/${token}`;
}

export async function issueLink(ctx: AppContext, actor: Actor, userId: number, purpose: LinkPurpose): Promise<{ token: string; url: string; expiresAt: string }> {
  const token = randomToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + LIFETIME_HOURS[purpose] * 3_600_000).toISOString();
  await inTransaction(ctx.store.db, async (db) => {
    await expireLinks(db, userId, now.toISOString());
    await insertLink(db, { token_hash: sha256(token), user_id: userId, purpose, created_by: actorUserId(actor), created_at: now.toISOString(), expires_at: expiresAt });
    await recordAudit(db, { at: now.toISOString(), userId: actorUserId(actor), actor: actorLabel(actor), action: `link.${purpose}`, target: `user:${userId}` });
  });
  return { token, url: linkUrl(ctx, token), expiresAt };
}

const GONE = 'this link has expired or was already used: ask for a new one';

export async function inspectLink(ctx: AppContext, token: string): Promise<{ purpose: LinkPurpose; user: User; needsPassword: boolean }> {
  const link = await findUsableLink(ctx.store.db, sha256(token), ctx.now().toISOString());
  const user = link && (await findUser(ctx.store.db, link.user_id));
  if (!link || !user || user.status !== 'active') throw new NotFoundError(GONE);
  const purpose = link.purpose as LinkPurpose;
  return { purpose, user, needsPassword: purpose !== 'sign-in' };
}

/** Uses the link once; sets the password when one is given (required for invitations and resets). */
export async function redeemLink(ctx: AppContext, token: string, password: string | undefined): Promise<User> {
  const { purpose, user, needsPassword } = await inspectLink(ctx, token);
  if (needsPassword && password == null) throw new InputError('choose a password to continue', 'password');
  const hash = password != null ? await hashPassword(checkNewPassword(password)) : null;
  const now = ctx.now().toISOString();
  await inTransaction(ctx.store.db, async (db) => {
    if (!(await claimLink(db, sha256(token), now))) throw new NotFoundError(GONE);
    if (!(await findUserRow(db, user.id))) throw new NotFoundError(GONE);
    if (hash) await updateUserRow(db, user.id, { password_hash: hash, updated_at: now });
    await recordAudit(db, { at: now, userId: user.id, actor: `user:${user.id}`, action: `link.used`, target: `user:${user.id}`, detail: { purpose, passwordSet: hash != null } });
  });
  return (await findUser(ctx.store.db, user.id))!;
}
