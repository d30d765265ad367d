// /newsroom/webmentions — every received webmention, filtered by moderation and verification status, with
// the moderation buttons (the server refuses them to anyone without article.edit).
import type { Webmention } from '../../../follow/webmention/moderation.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { el, selectField, showError } from '../shell/forms.ts';
import { mentionTable } from './mention-row.ts';
import './follow-strings.ts';

const choice = (values: string[], prefix: string): Array<[string, string]> => [['', t('wm.all')], ...values.map((v): [string, string] => [v, t(`${prefix}${v}`)])];

export function render(root: HTMLElement, _params: Record<string, string>, app: AppState): void {
  const moderation = selectField({ label: t('wm.moderation'), name: 'moderation', value: '', options: choice(['pending', 'approved', 'spam'], 'wm.m.') });
  const verification = selectField({ label: t('wm.verification'), name: 'verification', value: '', options: choice(['pending', 'verified', 'refused'], 'wm.vf.') });
  const filters = el('form', { class: 'filters', 'aria-label': t('wm.filters') }, moderation.field, verification.field, el('button', { type: 'submit' }, t('wm.apply')));
  const out = el('div', {});
  const article = (m: Webmention) => (m.articleId ? el('a', { href: `/newsroom/articles/${m.articleId}/stats` }, new URL(m.target).pathname) : m.target);
  const load = async () => {
    const q = new URLSearchParams({ limit: '500' });
    if (moderation.input.value) q.set('moderation', moderation.input.value);
    if (verification.input.value) q.set('verification', verification.input.value);
    try {
      const { webmentions } = await api<{ webmentions: Webmention[] }>('GET', `/webmentions?${q}`);
      out.replaceChildren(mentionTable(webmentions, { app, article }));
      app.announce(t('wm.caption', { n: webmentions.length }));
    } catch (err) {
      showError(out, err);
    }
  };
  filters.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void load();
  });
  root.append(el('p', {}, t('wm.onPage')), filters, out);
  void load();
}
