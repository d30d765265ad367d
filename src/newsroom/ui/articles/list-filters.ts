// The list's filters (status, language, section, author, translator, dates, search) and sorting, kept in
// the address's query string so a filtered list can be reloaded, bookmarked and shared.
import { ARTICLE_STATUSES } from '../../../domain/types.ts';
import { lang, t } from '../i18n.ts';
import { el, field } from '../ingest/dom.ts';
import { sectionName, type Refs } from './refs.ts';

export const FILTER_KEYS = ['q', 'status', 'language', 'section', 'author', 'translator', 'from', 'to', 'sort', 'order'] as const;

const opt = (value: string, label: string) => el('option', { value }, label);

export function filtersForm(refs: Refs, query: URLSearchParams, apply: (q: URLSearchParams) => void): HTMLFormElement {
  const controls: Record<string, HTMLInputElement | HTMLSelectElement> = {
    q: el('input', { type: 'search', name: 'q', autocomplete: 'off' }),
    status: el('select', { name: 'status' }, opt('', t('list.any')), ...ARTICLE_STATUSES.map((s) => opt(s, t(`status.${s}`)))),
    language: el('input', { type: 'text', name: 'language', pattern: '[a-z]{2,3}', maxlength: 3, autocomplete: 'off' }),
    section: el('select', { name: 'section' }, opt('', t('list.any')), ...refs.sections.map((s) => opt(s.slug, sectionName(s, lang())))),
    author: el('select', { name: 'author' }, opt('', t('list.any')), ...refs.people.map((p) => opt(String(p.id), p.name))),
    translator: el('select', { name: 'translator' }, opt('', t('list.any')), ...refs.people.map((p) => opt(String(p.id), p.name))),
    from: el('input', { type: 'date', name: 'from' }),
    to: el('input', { type: 'date', name: 'to' }),
    sort: el('select', { name: 'sort' }, opt('updated', t('list.sort.updated')), opt('published', t('list.sort.published')), opt('title', t('list.sort.title'))),
    order: el('select', { name: 'order' }, opt('desc', t('list.order.desc')), opt('asc', t('list.order.asc'))),
  };
  for (const k of FILTER_KEYS) controls[k].value = query.get(k) ?? (k === 'sort' ? 'updated' : k === 'order' ? 'desc' : '');
  const form = el('form', { role: 'search', class: 'filters', 'aria-label': t('list.filters') },
    field(t('list.q'), controls.q),
    ...(['status', 'language', 'section', 'author', 'translator', 'from', 'to', 'sort', 'order'] as const).map((k) => field(t(`list.f.${k}`), controls[k])),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, t('list.apply')), el('button', { type: 'reset' }, t('list.clear'))));
  const values = () => {
    const q = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const v = controls[k].value.trim();
      if (v && !(k === 'sort' && v === 'updated') && !(k === 'order' && v === 'desc')) q.set(k, v);
    }
    return q;
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    apply(values());
  });
  form.addEventListener('reset', () => setTimeout(() => apply(values())));
  for (const k of ['status', 'section', 'author', 'translator', 'sort', 'order']) controls[k].addEventListener('change', () => apply(values()));
  return form;
}
