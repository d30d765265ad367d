// `relais reviewer add|list|remove`: the reviewers named per language pair (src/translate/reviewers.ts).
import type { Actor } from '../domain/accounts.ts';
import { addReviewer, getReviewers, removeReviewer } from '../translate/reviewers.ts';
import { NotFoundError } from '../domain/types.ts';
import { parse, UsageError } from './args.ts';
import { openContext } from './open-context.ts';

export const USAGE = `usage: relais reviewer add <email> <from> <to>     (e.g. reviewer add ana@example.org fr en: Ana reviews fr → en)
       relais reviewer list
       relais reviewer remove <email> <from> <to>
  A named reviewer (translator or author) may comment on, return and approve the translations of that pair
  while they are in review, except their own; editors and owners review every pair. Only editors publish.`;

const CLI: Actor = { kind: 'system', name: 'cli' };

export async function reviewerCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {});
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [action, ...args] = positionals;
  if (!['add', 'list', 'remove'].includes(action ?? '')) throw new UsageError(action ? `unknown reviewer action "${action}"` : 'reviewer needs an action: add, list or remove');
  if (action === 'list' ? args.length : args.length !== 3) throw new UsageError(action === 'list' ? 'reviewer list takes no argument' : `reviewer ${action} needs <email> <from> <to>`);
  const [email, from, to] = args;
  const { ctx } = await openContext();
  try {
    if (action === 'list') {
      for (const r of await getReviewers(ctx, CLI)) console.log([`${r.from}>${r.to}`, r.email, r.name, r.role].join('\t'));
      return 0;
    }
    if (action === 'add') {
      const r = await addReviewer(ctx, CLI, { email, from, to });
      console.error(`${r.email} (${r.role}) reviews ${r.from} → ${r.to}`);
      return 0;
    }
    const r = (await getReviewers(ctx, CLI)).find((x) => x.email === email.trim().toLowerCase() && x.from === from && x.to === to);
    if (!r) throw new NotFoundError(`${email} is not a reviewer of ${from} → ${to}`);
    await removeReviewer(ctx, CLI, r.id);
    console.error(`${r.email} no longer reviews ${r.from} → ${r.to}`);
    return 0;
  } finally {
    await ctx.store.close();
  }
}
