// One candidate in the inbox: a row (select, entry, feed, date, state and result, actions) and a details
// row opened by "Open". importIt/dismissIt write their result into the row and say whether it worked.
import type { ImportCandidate } from '../../../ingest/subscriptions/index.ts';
import { api, ApiError } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { candidateTranslateForm } from './candidate-translate.ts';
import { button, el, errorText, textOf, time, uid } from './dom.ts';

export interface RowHandle {
  row: HTMLTableRowElement;
  details: HTMLTableRowElement;
  check: HTMLInputElement;
  importIt(): Promise<boolean>;
  dismissIt(): Promise<boolean>;
}

export function candidateRow(c: ImportCandidate, feedName: string, app: AppState): RowHandle {
  const title = c.title || c.link || t('inbox.untitled');
  const check = el('input', { type: 'checkbox', name: 'candidate', value: c.id, 'aria-label': t('inbox.select', { title }) });
  const state = el('span', {}, t(`inbox.state.${c.state}`));
  const result = el('div', { class: 'result' });
  const detailsId = uid('cand');

  const draftLink = (id: number) => {
    const a = el('a', { href: `/newsroom/articles/${id}` }, t('inbox.openDraft', { id }));
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      app.navigate(`/articles/${id}`);
    });
    return a;
  };

  const importIt = async (): Promise<boolean> => {
    try {
      const r = await api<{ articleId: number; note?: string }>('POST', `/candidates/${c.id}/import`, {});
      state.textContent = t('inbox.state.imported');
      result.replaceChildren(el('span', {}, t('inbox.imported'), ' '), draftLink(r.articleId), r.note ? el('small', {}, ` (${r.note})`) : '');
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.body?.articleId) {
        state.textContent = t('inbox.state.imported');
        result.replaceChildren(el('span', {}, err.message, ' '), draftLink(err.body.articleId));
        return false;
      }
      result.replaceChildren(el('span', { class: 'error' }, errorText(err)));
      return false;
    }
  };
  const dismissIt = async (): Promise<boolean> => {
    try {
      await api('POST', `/candidates/${c.id}/dismiss`, {});
      state.textContent = t('inbox.state.dismissed');
      result.replaceChildren(el('span', {}, t('inbox.dismissed')));
      return true;
    } catch (err) {
      result.replaceChildren(el('span', { class: 'error' }, errorText(err)));
      return false;
    }
  };

  const body = textOf(c.contentHtml) || textOf(c.summary);
  const details = el('tr', { id: detailsId, class: 'candidate-details', hidden: true },
    el('td', { colspan: 6 },
      el('dl', {},
        el('dt', {}, t('inbox.link')), el('dd', {}, c.link ? el('a', { href: c.link, rel: 'noopener noreferrer', target: '_blank' }, c.link) : '—'),
        el('dt', {}, t('inbox.author')), el('dd', {}, c.author ?? '—'),
        el('dt', {}, t('inbox.seen')), el('dd', {}, time(c.createdAt)),
        el('dt', {}, t('inbox.text')), el('dd', {}, body ? (body.length > 1500 ? body.slice(0, 1500) + '…' : body) : '—'),
      ),
    ),
  );
  const open = button(t('inbox.open'), () => {
    details.hidden = !details.hidden;
    open.setAttribute('aria-expanded', String(!details.hidden));
  }, { 'aria-expanded': 'false', 'aria-controls': detailsId, 'aria-label': t('inbox.openOf', { title }) });

  // The language choice opens in the row's result cell, where an import's outcome shows too.
  const translate = app.can('feeds.manage') && app.can('article.create')
    ? button(t('inbox.translate'), () => void candidateTranslateForm(c, title, app).then((form) => {
        result.replaceChildren(form);
        form.querySelector('select')?.focus();
      }, (err) => result.replaceChildren(el('span', { class: 'error' }, errorText(err)))), { 'aria-label': t('inbox.translateOf', { title }) })
    : null;
  const row = el('tr', {},
    el('td', {}, check),
    el('th', { scope: 'row' }, title),
    el('td', {}, feedName),
    el('td', {}, time(c.publishedAt ?? c.createdAt)),
    el('td', {}, state, result),
    el('td', { class: 'actions' },
      open,
      button(t('inbox.import'), () => void importIt(), { 'aria-label': t('inbox.importOf', { title }) }),
      translate,
      button(t('inbox.dismiss'), () => void dismissIt(), { 'aria-label': t('inbox.dismissOf', { title }) }),
    ),
  );
  return { row, details, check, importIt, dismissIt };
}
