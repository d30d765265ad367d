// `relais user add|list|disable|enable|reset`: newsroom accounts from the command line.
import { ROLES, type Actor, type Role } from '../domain/accounts.ts';
import { listUsers } from '../store/users.ts';
import { addUser, changeUser, userByEmail } from '../accounts/users.ts';
import { issueLink } from '../accounts/links.ts';
import { parse, UsageError } from './args.ts';
import { openContext } from './open-context.ts';

export const USAGE = `usage: relais user add <email> --name <name> --role owner|editor|translator|author
       relais user list
       relais user disable <email>      (signs them out everywhere; their work stays)
       relais user enable <email>
       relais user reset <email>        (prints a new one-time sign-in link)
  add: when standard input is not a terminal, its first line is the password; otherwise a one-time
  sign-in link is printed, with which the person sets a password (valid 7 days, single use).`;

const CLI: Actor = { kind: 'system', name: 'cli' };

async function readPassword(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const line = text.split(/\r?\n/)[0];
  return line ? line : null;
}

export async function userCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { name: { type: 'string' }, role: { type: 'string' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [action, email, ...extra] = positionals;
  if (!['add', 'list', 'disable', 'enable', 'reset'].includes(action ?? '')) throw new UsageError(action ? `unknown user action "${action}"` : 'user needs an action');
  if (action !== 'list' && (!email || extra.length)) throw new UsageError(`user ${action} needs one email address`);
  if (action === 'add') {
    if (!values.name) throw new UsageError('user add needs --name');
    if (!ROLES.includes(values.role as Role)) throw new UsageError(`user add needs --role ${ROLES.join('|')}`);
  }
  const password = action === 'add' ? await readPassword() : null;
  const { ctx } = await openContext();
  try {
    if (action === 'list') {
      for (const u of await listUsers(ctx.store.db))
        console.log([u.id, u.email, u.name, u.role, u.status, u.totpEnabled || u.passkeys ? '2fa' : 'no-2fa', u.hasPassword ? 'password' : 'no-password'].join('\t'));
      return 0;
    }
    if (action === 'add') {
      const user = await addUser(ctx, CLI, { email, name: values.name!, role: values.role as Role, password });
      if (password) console.error(`added ${user.email} (${user.role}) with the password from standard input`);
      else {
        const link = await issueLink(ctx, CLI, user.id, 'invite');
        console.log(link.url);
        console.error(`added ${user.email} (${user.role}); they set a password with this link (single use, until ${link.expiresAt})`);
      }
      return 0;
    }
    const user = await userByEmail(ctx, email);
    if (action === 'disable' || action === 'enable') {
      await changeUser(ctx, CLI, user.id, { status: action === 'disable' ? 'disabled' : 'active' });
      console.error(`${user.email} is now ${action}d`);
      return 0;
    }
    const link = await issueLink(ctx, CLI, user.id, user.hasPassword ? 'reset' : 'invite');
    console.log(link.url);
    console.error(`one-time link for ${user.email} to set a new password and sign in (single use, until ${link.expiresAt})`);
    return 0;
  } finally {
    await ctx.store.close();
  }
}
