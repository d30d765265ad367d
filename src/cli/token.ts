// `relais token create <name>`: makes an API token and prints it once (only its hash is stored).
import { createApiToken } from '../store/tokens.ts';
import { parse, UsageError } from './args.ts';
import { openContext } from './open-context.ts';

export const USAGE = `usage: relais token create <name>
  Creates an API token for the JSON API and prints it on stdout, once: only its hash is kept.
  Send it as "Authorization: Bearer <token>". <name> says who or what uses it (e.g. "newsroom-bot").`;

export async function tokenCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {});
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [action, name, ...extra] = positionals;
  if (action !== 'create') throw new UsageError(action ? `unknown token action "${action}"` : 'token needs an action');
  if (!name?.trim() || extra.length) throw new UsageError('token create needs exactly one name');
  if (name.length > 100) throw new UsageError('the token name is longer than 100 characters');
  const { ctx } = await openContext();
  try {
    const token = await createApiToken(ctx.store.db, name.trim(), ctx.now());
    console.log(token);
    console.error(`API token "${name.trim()}" created. Keep it now: it cannot be shown again.`);
    return 0;
  } finally {
    await ctx.store.close();
  }
}
