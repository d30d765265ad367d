// One received webmention as a table row: its source (title and address), author and date from the
// source's h-entry when it had one, its status in words, and — for those who may edit articles — the
// moderation buttons (approve, mark as spam, back to pending), each named with the source it acts on.
import type { Webmention } from '../../../follow/webmention/moderation.ts';
import { api } from '../api.ts';
import { lang, t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { button, el, showError, type Child } from '../shell/forms.ts';
import './follow-strings.ts';

const ACTIONS = [
  ['approved', 'wm.approve'],
  ['spam', 'wm.spam'],
  ['pending', 'wm.back'],
] as const;

const date = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(lang(), { dateStyle: 'medium', timeZone: 'UTC' });
};

function statusText(m: Webmention): string {
  const v = m.verification === 'refused' ? t('wm.v.refused', { why: m.refusal ?? '' }) : t(`wm.v.${m.verification}`);
  return `${t(`wm.m.${m.moderation}`)} · ${v}`;
}

export interface MentionRowOptions {
  app: AppState;
  /** A cell naming the article (the moderation screen lists every article's mentions). */
  article?: (m: Webmention) => Child;
}

export function mentionRow(initial: Webmention, o: MentionRowOptions): HTMLTableRowElement {
  let m = initial;
  const row = el('tr', { 'data-webmention': m.id });
  const draw = () => {
    const author = m.author.name ? (m.author.url ? el('a', { href: m.author.url, rel: 'nofollow ugc noopener', target: '_blank' }, m.author.name) : m.author.name) : '—';
    const cells: Child[] = [
      el('span', {}, el('a', { href: m.source, rel: 'nofollow ugc noopener', target: '_blank' }, m.title ?? m.source), m.title ? el('br') : null, m.title ? el('small', {}, m.source) : null),
      ...(o.article ? [o.article(m)] : []),
      author,
      el('span', {}, m.published ? el('time', { datetime: m.published }, date(m.published)) : null, m.published ? el('br') : null, el('small', {}, t('wm.received', { when: date(m.receivedAt) }))),
      el('span', { class: `wm-status wm-${m.moderation}` }, statusText(m)),
    ];
    if (o.app.can('article.edit')) cells.push(el('div', { class: 'actions', role: 'group', 'aria-label': t('wm.actionLabel', { action: t('wm.actions'), source: m.title ?? m.source }) }, ...actions()));
    row.replaceChildren(...cells.map((c) => el('td', {}, c)));
  };
  const actions = () =>
    ACTIONS.filter(([to]) => to !== m.moderation).map(([to, key]) =>
      button(t(key), async (ev) => {
        const b = ev.currentTarget as HTMLButtonElement;
        b.disabled = true;
        try {
          m = await api<Webmention>('PUT', `/webmentions/${m.id}`, { moderation: to });
          draw();
          o.app.announce(t('wm.done', { source: m.title ?? m.source, status: t(`wm.m.${m.moderation}`) }));
          row.querySelector<HTMLButtonElement>('button')?.focus();
        } catch (err) {
          b.disabled = false;
          showError(row.lastElementChild as HTMLElement, err);
        }
      }, { 'aria-label': t('wm.actionLabel', { action: t(key), source: m.title ?? m.source }) }),
    );
  draw();
  return row;
}

export function mentionHeadings(withArticle: boolean, app: AppState): string[] {
  return [t('wm.source'), ...(withArticle ? [t('wm.article')] : []), t('wm.author'), t('wm.date'), t('wm.status'), ...(app.can('article.edit') ? [t('wm.actions')] : [])];
}

export function mentionTable(mentions: Webmention[], o: MentionRowOptions): HTMLElement {
  if (!mentions.length) return el('p', {}, t('wm.none'));
  return el(
    'table',
    { class: 'webmentions' },
    el('caption', {}, t('wm.caption', { n: mentions.length })),
    el('thead', {}, el('tr', {}, ...mentionHeadings(!!o.article, o.app).map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...mentions.map((m) => mentionRow(m, o))),
  );
}
