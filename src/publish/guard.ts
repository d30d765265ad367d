// The check every operation makes before it changes anything: the permission table, asked with the
// article the operation loaded.
import type { Actor } from '../domain/accounts.ts';
import { can, refusal, type Action, type ArticleFacts } from '../domain/permissions.ts';
import { ForbiddenError } from '../domain/types.ts';

export function requireCan(actor: Actor, action: Action, article?: ArticleFacts): void {
  if (!can(actor, action, article)) throw new ForbiddenError(refusal(action));
}
