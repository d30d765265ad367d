// Account operations: add, first owner, roles, disable, link to a credited person, password. Each change
// that matters is written to the audit log with who did it.
import type { AppContext } from '../context.ts';
import { InputError, NotFoundError } from '../domain/types.ts';
import { ROLES, UI_LANGUAGES, actorLabel, actorUserId, type Actor, type Role, type UiLanguage, type User } from '../domain/accounts.ts';
import { countUsers, findUser, findUserRowByEmail, insertUser, updateUserRow } from '../store/users.ts';
import { findPeopleByIds } from '../store/people.ts';
import { recordAudit } from '../store/audit.ts';
import { inTransaction } from '../store/transaction.ts';
import { checkNewPassword, hashPassword } from './passwords.ts';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

export function normaliseEmail(email: unknown): string {
  if (typeof email !== 'string' || !EMAIL.test(email.trim())) throw new InputError('a valid email address is required', 'email');
  return email.trim().toLowerCase();
}

function roleOf(role: unknown): Role {
  if (!ROLES.includes(role as Role)) throw new InputError(`role must be one of ${ROLES.join(', ')}`, 'role');
  return role as Role;
}

function nameOf(name: unknown): string {
  if (typeof name !== 'string' || !name.trim()) throw new InputError('a name is required', 'name');
  if (name.length > 200) throw new InputError('the name is longer than 200 characters', 'name');
  return name.trim();
}

function uiLanguageOf(lang: unknown): UiLanguage {
  if (lang == null) return 'en';
  if (!UI_LANGUAGES.includes(lang as UiLanguage)) throw new InputError(`uiLanguage must be one of ${UI_LANGUAGES.join(', ')}`, 'uiLanguage');
  return lang as UiLanguage;
}

async function personOf(ctx: AppContext, personId: unknown): Promise<number | null> {
  if (personId == null) return null;
  if (!Number.isInteger(personId)) throw new InputError('personId must be a person id', 'personId');
  if (!(await findPeopleByIds(ctx.store.db, [personId as number])).has(personId as number)) throw new InputError(`no person with id ${personId}`, 'personId');
  return personId as number;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password?: string | null;
  personId?: number | null;
  uiLanguage?: UiLanguage;
}

export async function addUser(ctx: AppContext, actor: Actor, input: NewUser): Promise<User> {
  const email = normaliseEmail(input.email);
  const name = nameOf(input.name);
  const role = roleOf(input.role);
  const passwordHash = input.password != null ? await hashPassword(checkNewPassword(input.password)) : null;
  const personId = await personOf(ctx, input.personId);
  const uiLanguage = uiLanguageOf(input.uiLanguage);
  const now = ctx.now().toISOString();
  const id = await inTransaction(ctx.store.db, async (db) => {
    if (await findUserRowByEmail(db, email)) throw new InputError(`an account with the email ${email} exists already`, 'email', 409);
    const id = await insertUser(db, { email, name, role, passwordHash, personId, uiLanguage, now });
    await recordAudit(db, { at: now, userId: actorUserId(actor), actor: actorLabel(actor), action: 'user.add', target: `user:${id}`, detail: { email, role } });
    return id;
  });
  return (await findUser(ctx.store.db, id))!;
}

/** The first-run owner: allowed only while no account exists (checked again inside the transaction). */
export async function createFirstOwner(ctx: AppContext, input: Omit<NewUser, 'role'>): Promise<User> {
  const password = checkNewPassword(input.password);
  const email = normaliseEmail(input.email);
  const name = nameOf(input.name);
  const uiLanguage = uiLanguageOf(input.uiLanguage);
  const passwordHash = await hashPassword(password);
  const now = ctx.now().toISOString();
  const id = await inTransaction(ctx.store.db, async (db) => {
    if ((await countUsers(db)) > 0) throw new InputError('the newsroom already has an owner: sign in instead', null, 409);
    const id = await insertUser(db, { email, name, role: 'owner', passwordHash, personId: null, uiLanguage, now });
    await recordAudit(db, { at: now, userId: id, actor: `user:${id}`, action: 'user.first-owner', target: `user:${id}`, detail: { email } });
    return id;
  });
  return (await findUser(ctx.store.db, id))!;
}

export interface UserChange {
  role?: Role;
  status?: 'active' | 'disabled';
  personId?: number | null;
  name?: string;
  uiLanguage?: UiLanguage;
}

export async function changeUser(ctx: AppContext, actor: Actor, id: number, change: UserChange): Promise<User> {
  const before = await findUser(ctx.store.db, id);
  if (!before) throw new NotFoundError(`no user with id ${id}`);
  const set: Record<string, unknown> = {};
  if (change.role !== undefined) set.role = roleOf(change.role);
  if (change.status !== undefined) {
    if (change.status !== 'active' && change.status !== 'disabled') throw new InputError('status must be active or disabled', 'status');
    set.status = change.status;
  }
  if (change.personId !== undefined) set.person_id = await personOf(ctx, change.personId);
  if (change.name !== undefined) set.name = nameOf(change.name);
  if (change.uiLanguage !== undefined) set.ui_language = uiLanguageOf(change.uiLanguage);
  const now = ctx.now().toISOString();
  await inTransaction(ctx.store.db, async (db) => {
    const demotesOwner = before.role === 'owner' && ((set.role && set.role !== 'owner') || set.status === 'disabled');
    if (demotesOwner) {
      const owners = await db.selectFrom('users').select('id').where('role', '=', 'owner').where('status', '=', 'active').execute();
      if (owners.length <= 1) throw new InputError('the newsroom needs at least one active owner', 'role', 409);
    }
    await updateUserRow(db, id, { ...set, updated_at: now });
    if (set.status === 'disabled') await db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
    const audited: [string, unknown][] = [['role', set.role], ['status', set.status], ['personId', set.person_id]];
    for (const [field, value] of audited)
      if (value !== undefined && value !== (before as any)[field])
        await recordAudit(db, { at: now, userId: actorUserId(actor), actor: actorLabel(actor), action: `user.${field === 'personId' ? 'person' : field}`, target: `user:${id}`, detail: { from: (before as any)[field], to: value } });
  });
  return (await findUser(ctx.store.db, id))!;
}

export async function setPassword(ctx: AppContext, actor: Actor, id: number, password: string): Promise<void> {
  const hash = await hashPassword(checkNewPassword(password));
  const now = ctx.now().toISOString();
  await inTransaction(ctx.store.db, async (db) => {
    await updateUserRow(db, id, { password_hash: hash, updated_at: now });
    await recordAudit(db, { at: now, userId: actorUserId(actor), actor: actorLabel(actor), action: 'user.password', target: `user:${id}` });
  });
}

export async function userByEmail(ctx: AppContext, email: string): Promise<User> {
  const row = await findUserRowByEmail(ctx.store.db, normaliseEmail(email));
  if (!row) throw new NotFoundError(`no account with the email ${email.trim().toLowerCase()}`);
  return (await findUser(ctx.store.db, row.id))!;
}
