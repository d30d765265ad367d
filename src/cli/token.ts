// `relais token create|list|revoke`: API tokens (only their hash is stored; a token is shown once).
import { TOKEN_SCOPES, type TokenScope } from '../domain/accounts.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../store/tokens.ts';
import { recordAudit } from '../store/audit.ts';
import { parse, UsageError } from './args.ts';
import { openContext } from './open-context.ts';

export const USAGE = `usage: relais token create <name> [--scope read|write|admin]
       relais token list
       relais token revoke <name | id>
  create: makes an API token for the JSON API and prints it on stdout, once: only its hash is kept.
    Send it as "Authorization: Bearer <token>". <name> says who or what uses it (e.g. "newsroom-bot").
    --scope (default admin): read may only read; write may change content but not accounts or settings.
  list: every token with its scope, creation and last use, and whether it was revoked.
  revoke: the token stops working at once.`;

export async function tokenCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { scope: { type: 'string' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [action, name, ...extra] = positionals;
  if (!['create', 'list', 'revoke'].includes(action ?? '')) throw new UsageError(action ? `unknown token action "${action}"` : 'token needs an action');
  if (action === 'create') {
    if (!name?.trim() || extra.length) throw new UsageError('token create needs exactly one name');
    if (name.length > 100) throw new UsageError('the token name is longer than 100 characters');
  }
  if (action === 'revoke' && (!name || extra.length)) throw new UsageError('token revoke needs one token name or id');
  const scope = (values.scope ?? 'admin') as TokenScope;
  if (!TOKEN_SCOPES.includes(scope)) throw new UsageError(`--scope must be one of ${TOKEN_SCOPES.join(', ')}`);
  const { ctx } = await openContext();
  try {
    if (action === 'list') {
      for (const t of await listApiTokens(ctx.store.db))
        console.log([t.id, t.name, t.scope, t.createdAt, t.lastUsedAt ?? 'never used', t.revokedAt ? `revoked ${t.revokedAt}` : 'active'].join('\t'));
      return 0;
    }
    if (action === 'revoke') {
      const n = await revokeApiToken(ctx.store.db, /^\d+$/.test(name) ? { id: Number(name) } : { name }, ctx.now());
      if (!n) {
        console.error(`relais token: no active token "${name}"`);
        return 1;
      }
      await recordAudit(ctx.store.db, { at: ctx.now().toISOString(), userId: null, actor: 'system:cli', action: 'token.revoke', target: `token:${name}` });
      console.error(`revoked ${n} token${n > 1 ? 's' : ''} "${name}"`);
      return 0;
    }
    const { token } = await createApiToken(ctx.store.db, name.trim(), ctx.now(), { scope });
    console.log(token);
    console.error(`API token "${name.trim()}" (${scope}) created. Keep it now: it cannot be shown again.`);
    return 0;
  } finally {
    await ctx.store.close();
  }
}
