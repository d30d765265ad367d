// The newsroom's screens: one row each. The shell builds the navigation and the router from this table;
// each screen's code is loaded only when it is opened (esbuild splits it into its own file).
import type { Action } from '../../domain/permissions.ts';
import type { User } from '../../domain/accounts.ts';
import './ingest/strings.ts';
import './people/strings.ts';
import './articles/strings.ts';
import './media/strings.ts';
import './translate/strings.ts';

export interface AppState {
  user: User;
  /** Permissions of the signed-in user (the server enforces them again on every request). */
  can(action: Action): boolean;
  navigate(path: string): void;
  /** Shows a message in the shell's live region (role="status"). */
  announce(message: string): void;
  /** Tells the shell the signed-in user changed (e.g. their name on the account screen). */
  updateUser?(user: User): void;
}

/** A screen renders into `root`; it may return a cleanup function called when the user leaves it. */
export type Render = (root: HTMLElement, params: Record<string, string>, app: AppState) => void | (() => void) | Promise<void | (() => void)>;

export interface Screen {
  /** Path under /newsroom, with :params (e.g. "/articles/:id"). */
  path: string;
  /** i18n key of the screen's title (also the <h1> and the document title). */
  title: string;
  /** Shown in the navigation when set (and when the user has `needs`). */
  nav?: boolean;
  needs?: Action;
  load: () => Promise<{ render: Render }>;
}

export const SCREENS: Screen[] = [
  // Each area appends its screens here, e.g.:
  // { path: '/articles', title: 'nav.articles', nav: true, needs: 'article.read', load: () => import('./articles/list.ts') },
  { path: '/', title: 'dash.title', nav: true, needs: 'stats.read', load: () => import('./dashboard/dashboard.ts') },
  { path: '/articles/:id/stats', title: 'dash.articleTitle', needs: 'stats.read', load: () => import('./dashboard/article-stats.ts') },
  { path: '/webmentions', title: 'dash.webmentions', nav: true, needs: 'article.edit', load: () => import('./dashboard/webmentions.ts') },
  { path: '/articles', title: 'nav.articles', nav: true, needs: 'article.read', load: () => import('./articles/list.ts') },
  { path: '/articles/new', title: 'editor.newTitle', needs: 'article.create', load: () => import('./articles/editor.ts') },
  { path: '/articles/:id', title: 'editor.editTitle', needs: 'article.read', load: () => import('./articles/editor.ts') },
  { path: '/media', title: 'nav.media', nav: true, needs: 'article.read', load: () => import('./media/library.ts') },
  { path: '/import', title: 'nav.import', nav: true, needs: 'import', load: () => import('./ingest/import.ts') },
  { path: '/feeds', title: 'nav.feeds', nav: true, needs: 'feeds.manage', load: () => import('./ingest/feeds.ts') },
  { path: '/inbox', title: 'nav.inbox', nav: true, needs: 'feeds.manage', load: () => import('./ingest/inbox.ts') },
  { path: '/translations', title: 'nav.translations', nav: true, needs: 'article.read', load: () => import('./translate/list.ts') },
  { path: '/my-work', title: 'nav.myWork', nav: true, needs: 'article.edit', load: () => import('./translate/mine.ts') },
  { path: '/notices', title: 'nav.notices', nav: true, needs: 'article.read', load: () => import('./translate/notices.ts') },
  { path: '/articles/:id/translate', title: 'tr.workspace', needs: 'article.read', load: () => import('./translate/workspace.ts') },
  { path: '/people', title: 'nav.people', nav: true, needs: 'people.manage', load: () => import('./people/people.ts') },
  { path: '/sections', title: 'nav.sections', nav: true, needs: 'people.manage', load: () => import('./people/sections.ts') },
  { path: '/outlets', title: 'nav.outlets', nav: true, needs: 'people.manage', load: () => import('./people/outlets.ts') },
];

// One's account and the owner's screens come last in the navigation, after every area's rows above.
SCREENS.push(
  { path: '/account', title: 'account.title', nav: true, load: () => import('./account/account.ts') },
  { path: '/users', title: 'admin.users', nav: true, needs: 'users.manage', load: () => import('./admin/users.ts') },
  { path: '/audit', title: 'admin.audit', nav: true, needs: 'audit.read', load: () => import('./admin/audit.ts') },
  { path: '/settings', title: 'admin.settings', nav: true, needs: 'settings.manage', load: () => import('./admin/settings.ts') },
);
