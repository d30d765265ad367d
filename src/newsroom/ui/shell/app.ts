// The signed-in newsroom: navigation from SCREENS (those the user may open), a History-API router that
// loads each screen's code when it is first opened, focus moved to <main> on every navigation.
import type { User } from '../../../domain/accounts.ts';
import { can as allowed } from '../../../domain/permissions.ts';
import { api } from '../api.ts';
import { setLang, t, type UiLang } from '../i18n.ts';
import { SCREENS, type AppState } from '../screens.ts';
import { announce, frame, languageSwitch, setTitle, type Frame } from './chrome.ts';
import { button, el } from './forms.ts';
import { BASE, findScreen, innerPath } from './router.ts';
import { refreshNoticeCount } from '../translate/notice-count.ts';

export interface AppOptions {
  root: HTMLElement;
  user: User;
  onSignedOut: (message: string) => void;
}

export function startApp(o: AppOptions): { stop(): void } {
  let user = o.user;
  let f: Frame;
  let cleanup: (() => void) | void;
  let serial = 0;

  const state: AppState = {
    get user() {
      return user;
    },
    can: (action) => allowed({ kind: 'user', user }, action),
    navigate: (path) => go(path.startsWith(BASE) ? path : BASE + (path.startsWith('/') ? path : '/' + path)),
    announce,
    updateUser: (u) => {
      // The header follows (name, navigation); the screen itself stays as it is.
      user = u;
      f.header.querySelector('.who')!.textContent = t('shell.signedInAs', { name: user.name, role: t('role.' + user.role) });
      refreshNav();
    },
  };

  function nav(): HTMLElement {
    const current = innerPath(location.pathname);
    const links = SCREENS.filter((s) => s.nav && (!s.needs || state.can(s.needs))).map((s) => {
      const href = BASE + (s.path === '/' ? '/' : s.path);
      const active = findScreen([s], current) != null || (s.path !== '/' && current.startsWith(s.path + '/'));
      return el('li', {}, el('a', { href, 'aria-current': active ? 'page' : null }, t(s.title)));
    });
    return el('nav', { 'aria-label': t('shell.nav') }, el('ul', {}, ...links));
  }

  async function switchLanguage(l: UiLang) {
    setLang(l);
    try {
      user = await api<User>('PUT', '/me', { uiLanguage: l });
    } catch {
      // The choice still holds for this page; it is saved next time.
    }
    build();
    await show(false);
    (document.getElementById('ui-language') as HTMLElement | null)?.focus();
  }

  async function signOut() {
    try {
      await api('DELETE', '/session');
    } finally {
      stop();
      o.onSignedOut(t('shell.signedOut'));
    }
  }

  function build() {
    const who = el('p', { class: 'who' }, t('shell.signedInAs', { name: user.name, role: t('role.' + user.role) }));
    const tools = el('div', { class: 'tools' }, who, languageSwitch((l) => void switchLanguage(l)), el('a', { href: '/', class: 'public-site' }, t('shell.publicSite')), button(t('shell.signOut'), () => void signOut()));
    f = frame(o.root, [nav(), tools]);
  }

  function refreshNav() {
    f.header.querySelector('nav')?.replaceWith(nav());
    refreshNoticeCount();
  }

  async function show(focus: boolean) {
    const mine = ++serial;
    shown = location.pathname + location.search;
    if (typeof cleanup === 'function') cleanup();
    cleanup = undefined;
    refreshNav();
    const found = findScreen(SCREENS, innerPath(location.pathname));
    f.body.replaceChildren(el('p', { class: 'loading' }, t('shell.loading')));
    if (!found) {
      setTitle(f, t('shell.notFound'));
      f.body.replaceChildren(el('p', {}, t('shell.notFoundText')), el('p', {}, el('a', { href: BASE + '/' }, t('shell.home'))));
    } else if (found.screen.needs && !state.can(found.screen.needs)) {
      setTitle(f, t('shell.refused'));
      f.body.replaceChildren(el('p', {}, t('shell.refusedText')));
    } else {
      setTitle(f, t(found.screen.title));
      try {
        const mod = await found.screen.load();
        if (mine !== serial) return;
        const root = el('div', {});
        f.body.replaceChildren(root);
        const done = await mod.render(root, found.params, state);
        if (mine !== serial) {
          if (typeof done === 'function') done();
          return;
        }
        cleanup = done;
      } catch (err) {
        if (mine !== serial) return;
        f.body.replaceChildren(el('p', { role: 'alert', class: 'error' }, t('shell.loadFailed', { error: err instanceof Error ? err.message : String(err) })));
      }
    }
    if (focus) f.main.focus();
  }

  function go(href: string) {
    const url = new URL(href, location.href);
    if (url.pathname + url.search !== location.pathname + location.search) history.pushState(null, '', url.pathname + url.search + url.hash);
    void show(true);
  }

  function onClick(ev: MouseEvent) {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    const a = (ev.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || !(url.pathname === BASE || url.pathname.startsWith(BASE + '/'))) return;
    if (/^\/newsroom\/(preview|assets|link)\//.test(url.pathname)) return;
    if (url.pathname === location.pathname && url.hash) return;
    ev.preventDefault();
    go(url.href);
  }
  // A fragment link (the skip link) fires popstate too: the screen is the same, nothing to load.
  let shown = location.pathname + location.search;
  const onPop = () => {
    if (location.pathname + location.search === shown) return;
    void show(true);
  };

  document.addEventListener('click', onClick);
  window.addEventListener('popstate', onPop);
  build();
  void show(false);

  function stop() {
    if (typeof cleanup === 'function') cleanup();
    cleanup = undefined;
    serial++;
    document.removeEventListener('click', onClick);
    window.removeEventListener('popstate', onPop);
  }
  return { stop };
}
