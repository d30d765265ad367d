// /newsroom/feeds: subscribe by URL, the subscriptions with their last poll, pause/resume/check now/remove,
// OPML in (file → POST /api/feeds/opml as XML) and out (GET /api/feeds.opml).
import type { Feed } from '../../../ingest/subscriptions/index.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { busy, button, el, field, messageArea, time } from './dom.ts';
import { opmlSection } from './opml.ts';
import './strings.ts';

export function render(root: HTMLElement, _params: Record<string, string>, app: AppState): void {
  const msg = messageArea();
  const list = el('div', { class: 'feed-list' });

  const url = el('input', { type: 'url', name: 'feedUrl', required: true, autocomplete: 'off', placeholder: 'https://' });
  const folder = el('input', { type: 'text', name: 'folder', autocomplete: 'off' });
  const add = el('button', { type: 'submit' }, t('feeds.subscribe'));
  const form = el('form', { 'aria-labelledby': 'feeds-sub-h' },
    el('h2', { id: 'feeds-sub-h' }, t('feeds.subscribeHeading')),
    field(t('feeds.url'), url, t('feeds.urlHint')),
    field(t('feeds.folder'), folder),
    add,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(add, async () => {
      try {
        const body: Record<string, string> = { url: url.value.trim() };
        if (folder.value.trim()) body.folder = folder.value.trim();
        const r = await api<{ feed: Feed; created: boolean; candidates?: number }>('POST', '/feeds', body);
        const name = r.feed.title ?? r.feed.url;
        msg.info(t(r.created ? 'feeds.subscribed' : 'feeds.already', { name }));
        url.value = '';
        await refresh();
      } catch (err) {
        msg.error(err);
      }
    });
  });

  const act = async (feed: Feed, path: string, done: string, method = 'POST') => {
    try {
      await api(method, path, method === 'POST' ? {} : undefined);
      await refresh();
      msg.info(t(done, { name: feed.title ?? feed.url }));
    } catch (err) {
      msg.error(err);
    }
  };

  const row = (f: Feed): HTMLTableRowElement => {
    const name = f.title ?? f.url;
    const actions = el('td', { class: 'actions' });
    const paused = f.status === 'paused';
    actions.append(
      paused
        ? button(t('feeds.resume'), () => void act(f, `/feeds/${f.id}/resume`, 'feeds.resumed'), { 'aria-label': t('feeds.resumeOf', { name }) })
        : button(t('feeds.pause'), () => void act(f, `/feeds/${f.id}/pause`, 'feeds.paused'), { 'aria-label': t('feeds.pauseOf', { name }) }),
      button(t('feeds.check'), () => void act(f, `/feeds/${f.id}/check`, 'feeds.checking'), { 'aria-label': t('feeds.checkOf', { name }) }),
    );
    // Removing also drops the feed's waiting candidates: it asks once more, in the row, before it does.
    const remove = button(t('feeds.remove'), () => {
      const yes = button(t('feeds.confirmRemove'), () => void act(f, `/feeds/${f.id}`, 'feeds.removed', 'DELETE'), { 'aria-label': t('feeds.confirmRemoveOf', { name }) });
      const no = button(t('feeds.cancel'), () => void refresh());
      remove.replaceWith(el('span', { role: 'group', 'aria-label': t('feeds.removeQuestion', { name }) }, t('feeds.removeQuestion', { name }), ' ', yes, ' ', no));
      yes.focus();
    }, { 'aria-label': t('feeds.removeOf', { name }) });
    actions.append(remove);
    const poll = f.lastCheckedAt
      ? `${time(f.lastCheckedAt)}${f.lastStatus != null ? ` · HTTP ${f.lastStatus}` : ''}`
      : t('feeds.notPolled');
    return el('tr', {},
      el('th', { scope: 'row' }, el('span', { class: 'feed-title' }, name), el('br'), el('a', { href: f.url, rel: 'noopener noreferrer', target: '_blank' }, f.url), f.folder ? el('small', {}, ` · ${f.folder}`) : null),
      el('td', {}, t(`feeds.status.${f.status}`), f.pauseReason ? el('small', {}, ` (${f.pauseReason})`) : null),
      el('td', {}, poll, el('br'), el('small', {}, t('feeds.next', { at: time(f.nextCheckAt) }))),
      el('td', { class: f.lastError ? 'error' : '' }, f.lastError ? `${f.lastError}${f.errorCount > 1 ? ` (×${f.errorCount})` : ''}` : '—'),
      actions,
    );
  };

  const refresh = async () => {
    try {
      const { items } = await api<{ items: Feed[] }>('GET', '/feeds');
      if (!items.length) return list.replaceChildren(el('p', {}, t('feeds.none')));
      const head = el('tr', {}, ...['feeds.col.feed', 'feeds.col.status', 'feeds.col.poll', 'feeds.col.error', 'feeds.col.actions'].map((k) => el('th', { scope: 'col' }, t(k))));
      list.replaceChildren(el('table', {}, el('caption', {}, t('feeds.caption', { n: items.length })), el('thead', {}, head), el('tbody', {}, ...items.map(row))));
    } catch (err) {
      msg.error(err);
    }
  };

  const reload = button(t('feeds.refresh'), () => void busy(reload, refresh));
  root.replaceChildren(form, msg.node, el('section', { 'aria-labelledby': 'feeds-list-h' }, el('h2', { id: 'feeds-list-h' }, t('feeds.listHeading')), reload, list), opmlSection(msg, refresh));
  void refresh();
}
