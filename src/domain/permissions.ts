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
  'translation.review',
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
  // translation.review: only on the pairs the account is named reviewer of (see `mayReview`).
  translator: ['article.read', 'article.edit', 'article.submit', 'translation.review', 'media.upload', 'stats.read', 'tokens.own'],
  author: ['article.read', 'article.create', 'article.edit', 'article.submit', 'translation.review', 'import', 'media.upload', 'stats.read', 'tokens.own'],
};
const READ_ONLY: readonly Action[] = ['article.read', 'stats.read'];
const BY_SCOPE: Record<TokenScope, readonly Action[]> = {
  read: READ_ONLY,
  write: ALL.filter((a) => !['users.manage', 'settings.manage', 'audit.read'].includes(a)),
  admin: ALL,
};

/**
 * A translation's facts for 'translation.review': its stored state, who it is assigned to, and the accounts
 * named reviewer of its language pair.
 */
export interface ReviewFacts {
  state: string;
  translatorUserId: number | null;
  reviewerIds: readonly number[];
}

/** The article facts a rule needs (an Article has them all; `review` only for translations). */
export type ArticleFacts = Pick<Article, 'status' | 'translatorIds'> & { createdBy?: number | null; review?: ReviewFacts };

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
  const user = actor.kind === 'system' ? null : actor.user;
  if (action === 'translation.review') return !article || role === 'owner' || role === 'editor' || mayReview(user, article);
  if (!article || (action !== 'article.edit' && action !== 'article.submit')) return true;
  if (role === 'author') return article.createdBy === user?.id && (article.status === 'draft' || article.status === 'review');
  if (role === 'translator')
    return user?.personId != null && article.translatorIds.includes(user.personId) && article.status !== 'published';
  return true;
}

/**
 * A translator or author reviews a translation only when named reviewer of its pair, while it is in review,
 * and never one they translated (the translator assigned, or a translator credited on the article): a
 * second pair of eyes, not a way to approve one's own work. Editors and owners review every pair.
 */
function mayReview(user: { id: number; personId: number | null } | null | undefined, article: ArticleFacts): boolean {
  const r = article.review;
  if (!user || !r || r.state !== 'in-review' || !r.reviewerIds.includes(user.id)) return false;
  return r.translatorUserId !== user.id && !(user.personId != null && article.translatorIds.includes(user.personId));
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
    'translation.review': 'review this translation (editors, and the reviewers named for its language pair while it is in review, except its own translator)',
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
