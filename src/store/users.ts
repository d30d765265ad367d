// The users table: newsroom accounts (not the people credited on articles, who live in people.ts).
import type { Kysely, Selectable } from 'kysely';
import type { Database, UsersTable } from './schema.ts';
import type { Role, UiLanguage, User } from '../domain/accounts.ts';

type Db = Kysely<Database>;
export type UserRow = Selectable<UsersTable>;

export function toUser(r: UserRow, passkeys = 0): User {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    status: r.status === 'disabled' ? 'disabled' : 'active',
    uiLanguage: (r.ui_language === 'fr' ? 'fr' : 'en') as UiLanguage,
    personId: r.person_id,
    hasPassword: r.password_hash != null,
    totpEnabled: r.totp_enabled_at != null,
    passkeys,
    createdAt: r.created_at,
  };
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db.selectFrom('users').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findUserRowByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function findUserRow(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

async function passkeyCount(db: Db, id: number): Promise<number> {
  const r = await db.selectFrom('passkeys').select((e) => e.fn.countAll<number>().as('n')).where('user_id', '=', id).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findUser(db: Db, id: number): Promise<User | null> {
  const r = await findUserRow(db, id);
  return r ? toUser(r, await passkeyCount(db, id)) : null;
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('name').orderBy('id').execute();
  const keys = await db.selectFrom('passkeys').select(['user_id', (e) => e.fn.countAll<number>().as('n')]).groupBy('user_id').execute();
  const byUser = new Map(keys.map((k) => [k.user_id, Number(k.n)]));
  return rows.map((r) => toUser(r, byUser.get(r.id) ?? 0));
}

export async function insertUser(db: Db, u: { email: string; name: string; role: Role; passwordHash: string | null; personId: number | null; uiLanguage: UiLanguage; now: string }): Promise<number> {
  const r = await db
    .insertInto('users')
    .values({ email: u.email, name: u.name, role: u.role, password_hash: u.passwordHash, person_id: u.personId, ui_language: u.uiLanguage, created_at: u.now, updated_at: u.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateUserRow(db: Db, id: number, set: Partial<Omit<UserRow, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('users').set(set).where('id', '=', id).execute();
}

export async function findUsersByPerson(db: Db, personId: number): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('person_id', '=', personId).execute();
}
