// Test helper: a user of a given role, stored in the users table, as the Actor the operations receive.
import type { AppContext } from '../context.ts';
import type { Actor, Role, User } from '../domain/accounts.ts';

let made = 0;

/** `overrides.personId` links the account to a person in the credits (what a translator needs). */
export async function actorOf(ctx: AppContext, role: Role, overrides: Partial<Pick<User, 'name' | 'email' | 'personId' | 'status' | 'uiLanguage'>> = {}): Promise<Actor & { kind: 'user' }> {
  made++;
  const now = ctx.now().toISOString();
  const row = {
    email: overrides.email ?? `${role}-${made}-${Math.random().toString(36).slice(2, 8)}@relais.test`,
    name: overrides.name ?? `${role[0].toUpperCase()}${role.slice(1)} ${made}`,
    role,
    status: overrides.status ?? 'active',
    ui_language: overrides.uiLanguage ?? 'en',
    person_id: overrides.personId ?? null,
    password_hash: null,
    totp_secret: null,
    totp_enabled_at: null,
    created_at: now,
    updated_at: now,
  };
  const { id } = await ctx.store.db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
  const user: User = {
    id,
    email: row.email,
    name: row.name,
    role,
    status: row.status,
    uiLanguage: row.ui_language,
    personId: row.person_id,
    hasPassword: false,
    totpEnabled: false,
    passkeys: 0,
    createdAt: now,
  };
  return { kind: 'user', user };
}

/** The CLI / a background job: acts with every right. */
export const SYSTEM: Actor = { kind: 'system', name: 'test' };
