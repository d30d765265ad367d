// The newsroom's entry: asks the server whether a first owner is needed and who is signed in, then opens
// setup, sign-in, the second factor, two-factor enrolment, or the newsroom itself.
import { api, ApiError, onUnauthorized, setCsrfToken } from './api.ts';
import { setLang, t, type UiLang } from './i18n.ts';
import './shell/strings.ts';
import './account/strings.ts';
import './admin/strings.ts';
import './dashboard/strings.ts';
// Every area's strings up front: the navigation names all screens before any of them is loaded.
import './articles/strings.ts';
import './media/strings.ts';
import './ingest/strings.ts';
import './people/strings.ts';
import './translate/strings.ts';
import { startApp } from './shell/app.ts';
import { showGate } from './shell/gate.ts';
import { BASE, innerPath, matchPath } from './shell/router.ts';
import type { SessionAnswer } from './shell/session.ts';

const root = document.getElementById('app')!;
let running: { stop(): void } | null = null;
/** Where the user was going when asked to sign in. */
let wanted = location.pathname + location.search;

function toHome() {
  const target = /^\/newsroom\/(link\/|$)/.test(wanted) ? BASE + '/' : wanted;
  history.replaceState(null, '', target);
}

function enter(s: SessionAnswer | null, message?: string): void {
  running?.stop();
  running = null;
  if (!s) {
    setCsrfToken(null);
    void showGate(root, 'signIn', { session: null, params: {}, message, done: (n) => enter(n), restart: () => enter(null) });
    return;
  }
  setCsrfToken(s.csrfToken);
  setLang(s.user.uiLanguage);
  const ctx = { session: s, params: {}, done: (n: SessionAnswer) => enter(n), restart: () => enter(null) };
  if (s.secondFactor === 'pending') return void showGate(root, 'secondFactor', ctx);
  if (s.mustEnrolTwoFactor) return void showGate(root, 'enrol', ctx);
  toHome();
  running = startApp({ root, user: s.user, onSignedOut: (m) => ((wanted = BASE + '/'), enter(null, m)) });
}

async function session(): Promise<SessionAnswer | null> {
  try {
    return await api<SessionAnswer>('GET', '/session');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

async function boot(): Promise<void> {
  onUnauthorized((err) => {
    if (!running) return;
    if (err.status === 401) return enter(null, t('shell.sessionEnded'));
    // The owner turned on required two-factor (or the session is pending): ask again where to go.
    session().then((s) => enter(s), () => enter(null, t('shell.sessionEnded')));
  });
  const initial = document.documentElement.lang === 'fr' ? 'fr' : 'en';
  setLang(initial as UiLang);
  const link = matchPath('/link/:token', innerPath(location.pathname));
  if (link) {
    // The address keeps the token until the link is used (a reload still works); then it becomes /newsroom/.
    return showGate(root, 'link', { session: null, params: link, done: (s) => enter(s), restart: () => enter(null) });
  }
  const setup = await api<{ needsSetup: boolean }>('GET', '/setup');
  if (setup.needsSetup) return showGate(root, 'setup', { session: null, params: {}, done: (s) => enter(s), restart: () => enter(null) });
  enter(await session());
}

boot().catch((err) => {
  root.replaceChildren();
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = t('shell.loadFailed', { error: err instanceof Error ? err.message : String(err) });
  root.append(p);
});
