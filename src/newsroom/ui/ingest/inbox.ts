// /newsroom/inbox: the candidates the poller found in subscribed feeds. Filter by feed, language, date and
// state; open one; import as draft or dismiss, one at a time or the selected ones (a result per item).
import type { Outlet } from '../../../domain/types.ts';
import type { Feed, ImportCandidate } from '../../../ingest/subscriptions/index.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { busy, button, el, field, messageArea } from './dom.ts';
import { candidateRow, type RowHandle } from './inbox-row.ts';
import './strings.ts';

export async function render(root: HTMLElement, _params: Record<string, string>, app: AppState): Promise<void> {
  const msg = messageArea();
  const [feeds, outlets] = await Promise.all([
    api<{ items: Feed[] }>('GET', '/feeds').then((r) => r.items),
    api<{ items: Outlet[] }>('GET', '/outlets').then((r) => r.items).catch(() => [] as Outlet[]),
  ]);
  // Candidates carry no language of their own: a feed's language is its outlet's.
  const outletLang = new Map(outlets.map((o) => [o.id, o.language]));
  const feedLang = new Map(feeds.map((f) => [f.id, f.outletId != null ? (outletLang.get(f.outletId) ?? null) : null]));
  const feedName = new Map(feeds.map((f) => [f.id, f.title ?? f.url]));

  const feedSel = el('select', { name: 'feed' }, el('option', { value: '' }, t('inbox.allFeeds')), ...feeds.map((f) => el('option', { value: f.id }, f.title ?? f.url)));
  const langs = [...new Set([...feedLang.values()].filter(Boolean))] as string[];
  const langSel = el('select', { name: 'language' }, el('option', { value: '' }, t('inbox.allLanguages')), ...langs.map((l) => el('option', { value: l }, l)));
  const stateSel = el('select', { name: 'state' }, ...['new', 'imported', 'dismissed', ''].map((s) => el('option', { value: s }, t(`inbox.state.${s || 'all'}`))));
  const from = el('input', { type: 'date', name: 'from' });
  const to = el('input', { type: 'date', name: 'to' });
  const filters = el('form', { class: 'filters', 'aria-label': t('inbox.filters') },
    field(t('inbox.feed'), feedSel), field(t('inbox.language'), langSel), field(t('inbox.stateLabel'), stateSel),
    field(t('inbox.from'), from), field(t('inbox.to'), to),
    el('button', { type: 'submit' }, t('inbox.apply')),
  );

  const list = el('div', { class: 'candidate-list' });
  let rows: RowHandle[] = [];
  const selectAll = el('input', { type: 'checkbox', id: 'inbox-select-all' });
  selectAll.addEventListener('change', () => rows.forEach((r) => (r.check.checked = selectAll.checked)));

  const inRange = (c: ImportCandidate) => {
    const day = (c.publishedAt ?? c.createdAt).slice(0, 10);
    return (!from.value || day >= from.value) && (!to.value || day <= to.value);
  };
  const refresh = async () => {
    msg.clear();
    const q = new URLSearchParams({ limit: '500' });
    if (stateSel.value) q.set('state', stateSel.value);
    if (feedSel.value) q.set('feed', feedSel.value);
    try {
      const { items } = await api<{ items: ImportCandidate[] }>('GET', `/candidates?${q}`);
      const shown = items.filter((c) => inRange(c) && (!langSel.value || (c.feedId != null && feedLang.get(c.feedId) === langSel.value)));
      rows = shown.map((c) => candidateRow(c, c.feedId != null ? (feedName.get(c.feedId) ?? '') : '', app));
      selectAll.checked = false;
      if (!rows.length) return list.replaceChildren(el('p', {}, t('inbox.none')));
      const head = el('tr', {}, el('td', {}, el('label', { for: selectAll.id, class: 'visually-hidden' }, t('inbox.selectAll')), selectAll),
        ...['inbox.col.entry', 'inbox.col.feed', 'inbox.col.date', 'inbox.col.state', 'inbox.col.actions'].map((k) => el('th', { scope: 'col' }, t(k))));
      list.replaceChildren(el('table', {}, el('caption', {}, t('inbox.caption', { n: rows.length })), el('thead', {}, head), el('tbody', {}, ...rows.flatMap((r) => [r.row, r.details]))));
    } catch (err) {
      msg.error(err);
    }
  };
  filters.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void refresh();
  });

  const bulk = (what: 'import' | 'dismiss', b: HTMLButtonElement) =>
    void busy(b, async () => {
      const chosen = rows.filter((r) => r.check.checked);
      if (!chosen.length) return msg.error(new Error(t('inbox.noneSelected')));
      let ok = 0;
      for (const r of chosen) if (await (what === 'import' ? r.importIt() : r.dismissIt())) ok++;
      const text = t(`inbox.bulk.${what}`, { ok, n: chosen.length });
      msg.info(text);
    });
  const importSel: HTMLButtonElement = button(t('inbox.importSelected'), () => bulk('import', importSel));
  const dismissSel: HTMLButtonElement = button(t('inbox.dismissSelected'), () => bulk('dismiss', dismissSel));
  const reload: HTMLButtonElement = button(t('inbox.refresh'), () => void busy(reload, refresh));

  root.replaceChildren(filters, el('div', { class: 'actions bulk', role: 'group', 'aria-label': t('inbox.bulkLabel') }, importSel, dismissSel, reload), msg.node, list);
  await refresh();
}
