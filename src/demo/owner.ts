// The demo's owner account: made on first `npm start` (when no account exists), and a fresh one-time
// sign-in link for it at every demo start, so a newcomer reaches the newsroom from the terminal.
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { countUsers, findUser, findUserRowByEmail } from '../store/users.ts';
import { addUser } from '../accounts/users.ts';
import { issueLink } from '../accounts/links.ts';

export const DEMO_OWNER_EMAIL = 'owner@demo.relais.invalid';
const DEMO: Actor = { kind: 'system', name: 'demo' };

/** Returns a sign-in link for the demo owner, creating the account when the newsroom has none yet. */
export async function demoOwnerLink(ctx: AppContext): Promise<string | null> {
  let row = await findUserRowByEmail(ctx.store.db, DEMO_OWNER_EMAIL);
  if (!row) {
    if ((await countUsers(ctx.store.db)) > 0) return null;
    await addUser(ctx, DEMO, { email: DEMO_OWNER_EMAIL, name: 'Demo owner', role: 'owner', password: null });
    row = (await findUserRowByEmail(ctx.store.db, DEMO_OWNER_EMAIL))!;
  }
  const user = await findUser(ctx.store.db, row.id);
  if (!user || user.status !== 'active') return null;
  return (await issueLink(ctx, DEMO, user.id, 'sign-in')).url;
}
