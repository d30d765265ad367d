// Signing in with a password: budget check, argon2id verification (re-hashed when the parameters
// changed), audit, then a new session — 'pending' when the account has a second factor to give.
import type { AppContext } from '../context.ts';
import { InputError } from '../domain/types.ts';
import type { User } from '../domain/accounts.ts';
import { findUser, findUserRowByEmail, updateUserRow } from '../store/users.ts';
import { recordAudit } from '../store/audit.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.ts';
import { checkBudget, noteFailure, noteSuccess } from './rate-limit.ts';
import { startSession, type LiveSession } from './sessions.ts';

export class WrongCredentials extends InputError {
  constructor() {
    super('wrong email or password', null, 401);
    this.name = 'WrongCredentials';
  }
}

export function hasSecondFactor(u: User): boolean {
  return u.totpEnabled || u.passkeys > 0;
}

export async function passwordSignIn(ctx: AppContext, email: unknown, password: unknown, client: { ip: string; userAgent: string }): Promise<{ cookie: string; session: LiveSession }> {
  if (typeof email !== 'string' || !email.trim()) throw new InputError('an email is required', 'email');
  if (typeof password !== 'string' || !password) throw new InputError('a password is required', 'password');
  await checkBudget(ctx, email, client.ip);
  const row = await findUserRowByEmail(ctx.store.db, email);
  const at = ctx.now().toISOString();
  const verdict = row?.password_hash && row.status === 'active' ? await verifyPassword(password, row.password_hash) : (await burnPasswordCheck(password), null);
  if (!row || !verdict?.ok) {
    await noteFailure(ctx, email, client.ip);
    await recordAudit(ctx.store.db, { at, userId: row?.id ?? null, actor: row ? `user:${row.id}` : 'anonymous', action: 'sign-in.failed', target: row ? `user:${row.id}` : null, detail: { email: email.trim().toLowerCase().slice(0, 200) } });
    throw new WrongCredentials();
  }
  if (verdict.rehash) await updateUserRow(ctx.store.db, row.id, { password_hash: await hashPassword(password), updated_at: at });
  await noteSuccess(ctx, email);
  const user = (await findUser(ctx.store.db, row.id))!;
  await recordAudit(ctx.store.db, { at, userId: user.id, actor: `user:${user.id}`, action: 'sign-in', target: `user:${user.id}`, detail: { method: 'password' } });
  return startSession(ctx, user, client.userAgent, hasSecondFactor(user) ? 'pending' : 'none');
}
