// The translator assigned to a translation: an account, credited through its linked person (made from
// the account's name and linked when it has none yet).
import type { AppContext } from '../context.ts';
import type { Actor, User } from '../domain/accounts.ts';
import { InputError } from '../domain/types.ts';
import { createPerson } from '../publish/people.ts';
import { findUser, updateUserRow } from '../store/users.ts';

/** The account to assign: the one named, else the acting user (none for a token without owner or the CLI). */
export async function assignee(ctx: AppContext, actor: Actor, translatorUserId: number | null | undefined): Promise<User | null> {
  if (translatorUserId != null) {
    const u = await findUser(ctx.store.db, translatorUserId);
    if (!u) throw new InputError(`no user with id ${translatorUserId}`, 'translatorUserId');
    if (u.status !== 'active') throw new InputError(`user #${u.id} (${u.name}) is disabled`, 'translatorUserId');
    return u;
  }
  if (actor.kind === 'system') return null;
  return actor.user ?? null;
}

/** The person credited for `user`, created from their name and linked to the account when missing. */
export async function personFor(ctx: AppContext, user: User): Promise<number> {
  if (user.personId != null) return user.personId;
  const person = await createPerson(ctx, { name: user.name });
  await updateUserRow(ctx.store.db, user.id, { person_id: person.id, updated_at: ctx.now().toISOString() });
  return person.id;
}
