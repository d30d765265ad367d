// The one permission table. Every surface (API, newsroom, CLI) asks `can` before it calls an operation;
// the operation itself asks again with the article it loaded (see publish/guard.ts).
import type { Actor, Role, TokenScope } from './accounts.ts';
import type { Article } from './types.ts';

export const ACTIONS = [
  'article.read',
  'article.create',
  'article.edit',
  'article.submit',
  'article.publish',
  'article.delete',
  'import',
  'feeds.manage',
  'people.manage',
  'media.upload',
  'stats.read',
  'tokens.own',
  'users.manage',
  'settings.manage',
  'audit.read',
] as const;
export type Action = (typeof ACTIONS)[number];

const ALL: readonly Action[] = ACTIONS;
const BY_ROLE: Record<Role, readonly Action[]> = {
  owner: ALL,
  editor: ALL.filter((a) => !['users.manage', 'settings.manage', 'audit.read'].includes(a)),
  translator: ['article.read', 'article.edit', 'article.submit', 'media.upload', 'stats.read', 'tokens.own'],
  author: ['article.read', 'article.create', 'article.edit', 'article.submit', 'import', 'media.upload', 'stats.read', 'tokens.own'],
};
const READ_ONLY: readonly Action[] = ['article.read', 'stats.read'];
const BY_SCOPE: Record<TokenScope, readonly Action[]> = {
  read: READ_ONLY,
  write: ALL.filter((a) => !['users.manage', 'settings.manage', 'audit.read'].includes(a)),
  admin: ALL,
};

/** The article facts a rule needs (an Article has them all). */
export type ArticleFacts = Pick<Article, 'status' | 'translatorIds'> & { createdBy?: number | null };

function roleOf(actor: Actor): Role | null {
  if (actor.kind === 'system') return 'owner';
  if (actor.kind === 'user') return actor.user.status === 'active' ? actor.user.role : null;
  if (actor.user) return actor.user.status === 'active' ? actor.user.role : null;
  return 'owner';
}

/** May `actor` do `action` (on `article`, for the article actions that depend on which article)? */
export function can(actor: Actor, action: Action, article?: ArticleFacts): boolean {
  const role = roleOf(actor);
  if (!role || !BY_ROLE[role].includes(action)) return false;
  if (actor.kind === 'token' && !BY_SCOPE[actor.scope].includes(action)) return false;
  if (!article || (action !== 'article.edit' && action !== 'article.submit')) return true;
  const user = actor.kind === 'system' ? null : actor.user;
  if (role === 'author') return article.createdBy === user?.id && (article.status === 'draft' || article.status === 'review');
  if (role === 'translator')
    return user?.personId != null && article.translatorIds.includes(user.personId) && article.status !== 'published';
  return true;
}

/** Why `can` said no, in words for the person refused. */
export function refusal(action: Action): string {
  const what: Record<Action, string> = {
    'article.read': 'read articles',
    'article.create': 'create articles',
    'article.edit': 'edit this article',
    'article.submit': 'submit this article for review',
    'article.publish': 'publish, schedule or unpublish articles',
    'article.delete': 'delete articles',
    import: 'import articles',
    'feeds.manage': 'manage feeds and their candidates',
    'people.manage': 'edit people, sections and outlets',
    'media.upload': 'upload media',
    'stats.read': 'read statistics',
    'tokens.own': 'manage API tokens',
    'users.manage': 'manage users',
    'settings.manage': 'change settings',
    'audit.read': 'read the audit log',
  };
  return `you may not ${what[action]}`;
}
