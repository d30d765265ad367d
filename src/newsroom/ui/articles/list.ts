// /newsroom/articles: the articles, filtered, searched, sorted and paged, with checkboxes for bulk actions.
import type { Article, Page } from '../../../domain/types.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { button, el, messageArea, time, uid } from '../ingest/dom.ts';
import { bulkBar } from './bulk.ts';
import { filtersForm } from './list-filters.ts';
import { loadRefs } from './refs.ts';
import './strings.ts';

const PAGE_SIZE = 20;

export async function render(root: HTMLElement, _params: Record<string, string>, app: AppState): Promise<void> {
  const msg = messageArea();
  const refs = await loadRefs();
  let query = new URLSearchParams(location.search);
  let items: Article[] = [];
  const table = el('div', { class: 'articles-table' });
  const pager = el('nav', { 'aria-label': t('list.pages') });
  const people = new Map(refs.people.map((p) => [p.id, p.name]));

  const selected = () => [...table.querySelectorAll<HTMLInputElement>('input[name=select]:checked')].map((b) => Number(b.value));
  const refresh = async () => {
    const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
    const qs = new URLSearchParams(query);
    qs.set('page', String(page));
    qs.set('pageSize', String(PAGE_SIZE));
    let res: Page<Article>;
    try {
      res = await api<Page<Article>>('GET', `/articles?${qs}`);
    } catch (err) {
      return msg.error(err);
    }
    items = res.items;
    const all = el('input', { type: 'checkbox', id: uid('all'), 'aria-label': t('list.selectAll') });
    all.addEventListener('change', () => table.querySelectorAll<HTMLInputElement>('input[name=select]').forEach((b) => (b.checked = all.checked)));
    const head = el('tr', {}, el('th', { scope: 'col' }, all), ...['title', 'status', 'language', 'authors', 'updated', 'published'].map((k) => el('th', { scope: 'col' }, t(`list.col.${k}`))));
    table.replaceChildren(items.length
      ? el('table', {}, el('caption', {}, t('list.caption', { n: res.total })), el('thead', {}, head),
        el('tbody', {}, ...items.map((a) => el('tr', {},
          el('td', {}, el('input', { type: 'checkbox', name: 'select', value: a.id, 'aria-label': t('list.select', { title: a.title }) })),
          el('th', { scope: 'row' }, el('a', { href: `/newsroom/articles/${a.id}` }, a.title || t('list.untitled', { id: a.id }))),
          el('td', {}, t(`status.${a.status}`)),
          el('td', {}, a.language),
          el('td', {}, a.authorIds.map((id) => people.get(id) ?? `#${id}`).join(', ')),
          el('td', {}, time(a.updatedAt)),
          el('td', {}, a.publishedAt ? time(a.publishedAt) : '—')))))
      : el('p', {}, t('list.none')));
    const pages = Math.max(1, Math.ceil(res.total / PAGE_SIZE));
    const go = (p: number) => () => {
      query.set('page', String(p));
      update();
    };
    pager.replaceChildren(
      button(t('list.prev'), go(page - 1), { disabled: page <= 1 }),
      el('span', {}, t('list.pageOf', { page, pages })),
      button(t('list.next'), go(page + 1), { disabled: page >= pages }));
  };
  const update = () => {
    const s = query.toString();
    history.replaceState(history.state, '', `/newsroom/articles${s ? `?${s}` : ''}`);
    void refresh();
  };

  const filters = filtersForm(refs, query, (q) => {
    query = q;
    update();
  });
  const titleOf = (id: number) => items.find((a) => a.id === id)?.title ?? `#${id}`;
  root.replaceChildren(
    app.can('article.create') ? el('div', { class: 'actions' }, button(t('list.new'), () => app.navigate('/articles/new'))) : '',
    filters, msg.node,
    app.can('article.edit') ? bulkBar(refs, app, selected, titleOf, refresh) : '',
    table, pager);
  await refresh();
}
