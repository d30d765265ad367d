// The parts of the page every screen shares: the header (name, navigation, language, sign out, public
// site), <main id="main">, and the one live region. Built again on a language change.
import { t, lang, type UiLang } from '../i18n.ts';
import { el } from './forms.ts';

let announcer: HTMLElement | null = null;

/** The live region (role=status) that AppState.announce writes to; kept across re-renders. */
export function liveRegion(): HTMLElement {
  if (!announcer) {
    announcer = el('div', { role: 'status', 'aria-live': 'polite', class: 'visually-hidden', id: 'announcer' });
    document.body.append(announcer);
  }
  return announcer;
}

export function announce(message: string): void {
  const region = liveRegion();
  // Emptied first, so the same message said twice is read twice.
  region.textContent = '';
  setTimeout(() => (region.textContent = message), 50);
}

export function languageSwitch(onChange: (l: UiLang) => void): HTMLElement {
  const select = el('select', { id: 'ui-language', name: 'uiLanguage' }, el('option', { value: 'fr', lang: 'fr' }, 'Français'), el('option', { value: 'en', lang: 'en' }, 'English'));
  select.value = lang();
  select.addEventListener('change', () => onChange(select.value as UiLang));
  return el('div', { class: 'language-switch' }, el('label', { for: 'ui-language' }, t('shell.language')), select);
}

export interface Frame {
  header: HTMLElement;
  main: HTMLElement;
  heading: HTMLHeadingElement;
  body: HTMLElement;
}

/** Replaces the app root's content by a header (given parts) and an empty main with its h1. */
export function frame(app: HTMLElement, headerParts: Node[]): Frame {
  const brand = el('a', { href: '/newsroom/', class: 'brand' }, t('shell.newsroom'));
  const header = el('header', { class: 'top' }, brand, ...headerParts);
  const heading = el('h1', { id: 'screen-title' });
  const body = el('div', { class: 'screen' });
  const main = el('main', { id: 'main', tabindex: -1, 'aria-labelledby': 'screen-title' }, heading, body);
  app.replaceChildren(header, main);
  liveRegion();
  return { header, main, heading, body };
}

export function setTitle(f: Frame, title: string): void {
  f.heading.textContent = title;
  document.title = `${title} · ${t('shell.newsroom')}`;
}
