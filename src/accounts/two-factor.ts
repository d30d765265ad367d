// Second factors: TOTP enrolment and check, single-use recovery codes. Passkeys are in passkeys.ts.
import QRCode from 'qrcode';
import type { AppContext } from '../context.ts';
import { InputError } from '../domain/types.ts';
import { actorLabel, type Actor, type User } from '../domain/accounts.ts';
import { findUserRow, updateUserRow } from '../store/users.ts';
import { recordAudit } from '../store/audit.ts';
import { inTransaction } from '../store/transaction.ts';
import { newTotpSecret, otpauthUri, totpStep } from './totp.ts';
import { readSetting, writeSetting } from '../store/settings.ts';
import { randomToken, sha256 } from './secrets.ts';
import { verifyPassword } from './passwords.ts';

const RECOVERY_CODES = 10;

/** Starts enrolment: a new secret kept unconfirmed until a code from the app proves it was scanned. */
export async function beginTotp(ctx: AppContext, user: User): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const secret = newTotpSecret();
  await updateUserRow(ctx.store.db, user.id, { totp_secret: secret, totp_enabled_at: null, updated_at: ctx.now().toISOString() });
  const uri = otpauthUri(secret, user.email, ctx.site.name);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1 });
  return { secret, uri, qrSvg };
}

export async function confirmTotp(ctx: AppContext, actor: Actor, user: User, code: string): Promise<string[]> {
  const row = await findUserRow(ctx.store.db, user.id);
  if (!row?.totp_secret) throw new InputError('start the authenticator set-up first', 'code');
  const step = totpStep(row.totp_secret, String(code ?? ''), ctx.now());
  if (step == null) throw new InputError('that code is not right: check the time on your device and try the next code', 'code');
  await writeSetting(ctx.store.db, `totp-last-step:${user.id}`, step);
  const now = ctx.now().toISOString();
  return inTransaction(ctx.store.db, async (db) => {
    await updateUserRow(db, user.id, { totp_enabled_at: now, updated_at: now });
    await recordAudit(db, { at: now, userId: user.id, actor: actorLabel(actor), action: 'two-factor.totp-on', target: `user:${user.id}` });
    return replaceRecoveryCodes({ ...ctx, store: { ...ctx.store, db } }, user.id);
  });
}

export async function disableTotp(ctx: AppContext, actor: Actor, user: User, currentPassword: string): Promise<void> {
  const row = await findUserRow(ctx.store.db, user.id);
  if (!row?.password_hash || !(await verifyPassword(String(currentPassword ?? ''), row.password_hash)).ok)
    throw new InputError('your current password is needed to turn this off', 'currentPassword', 403);
  const now = ctx.now().toISOString();
  await updateUserRow(ctx.store.db, user.id, { totp_secret: null, totp_enabled_at: null, updated_at: now });
  await recordAudit(ctx.store.db, { at: now, userId: user.id, actor: actorLabel(actor), action: 'two-factor.totp-off', target: `user:${user.id}` });
}

/** A code is good once: the step it belongs to must be later than the last one used (no replay). */
export async function verifyTotpForUser(ctx: AppContext, userId: number, code: string): Promise<boolean> {
  const row = await findUserRow(ctx.store.db, userId);
  if (!row?.totp_secret || !row.totp_enabled_at) return false;
  const step = totpStep(row.totp_secret, String(code ?? ''), ctx.now());
  const key = `totp-last-step:${userId}`;
  if (step == null || step <= (await readSetting<number>(ctx.store.db, key, -1))) return false;
  await writeSetting(ctx.store.db, key, step);
  return true;
}

/** A fresh set of recovery codes (the old ones stop working); shown once, stored hashed. */
export async function replaceRecoveryCodes(ctx: AppContext, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODES }, () => randomToken(8).replace(/[-_]/g, 'x').slice(0, 10).toLowerCase());
  await ctx.store.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await ctx.store.db.insertInto('recovery_codes').values(codes.map((c) => ({ user_id: userId, code_hash: sha256(c), used_at: null }))).execute();
  return codes;
}

export async function useRecoveryCode(ctx: AppContext, userId: number, code: string): Promise<boolean> {
  const hash = sha256(String(code ?? '').trim().toLowerCase());
  const r = await ctx.store.db
    .updateTable('recovery_codes')
    .set({ used_at: ctx.now().toISOString() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0) === 1;
}
