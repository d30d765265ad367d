// /newsroom/people: the people credited on articles (writers and translators, with or without an account):
// a list, and a form to create or edit one (name, slug, bio, photo from the media library, links).
import type { Person } from '../../../domain/types.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { button, el, messageArea } from '../ingest/dom.ts';
import { personForm } from './person-form.ts';
import './strings.ts';

export async function render(root: HTMLElement, _params: Record<string, string>, app: AppState): Promise<void> {
  const msg = messageArea();
  const list = el('div', { class: 'people-list' });
  const editor = el('div', { class: 'person-editor' });

  const edit = (p: Person | null) => {
    editor.replaceChildren(personForm(p, app, async (saved) => {
      editor.replaceChildren();
      await refresh();
      msg.info(t(p ? 'people.saved' : 'people.created', { name: saved.name }));
      (list.querySelector(`[data-person="${saved.id}"]`) as HTMLElement | null)?.focus();
    }, () => editor.replaceChildren()));
    (editor.querySelector('input') as HTMLInputElement | null)?.focus();
  };

  const refresh = async () => {
    try {
      const { items } = await api<{ items: Person[] }>('GET', '/people');
      if (!items.length) return list.replaceChildren(el('p', {}, t('people.none')));
      const head = el('tr', {}, ...['people.col.name', 'people.col.slug', 'people.col.links', 'people.col.actions'].map((k) => el('th', { scope: 'col' }, t(k))));
      list.replaceChildren(el('table', {}, el('caption', {}, t('people.caption', { n: items.length })), el('thead', {}, head),
        el('tbody', {}, ...items.map((p) =>
          el('tr', {},
            el('th', { scope: 'row' }, p.name),
            el('td', {}, p.slug),
            el('td', {}, String(p.links.length)),
            el('td', {}, button(t('people.edit'), () => edit(p), { 'aria-label': t('people.editOf', { name: p.name }), 'data-person': p.id })),
          ),
        )),
      ));
    } catch (err) {
      msg.error(err);
    }
  };

  root.replaceChildren(el('div', { class: 'actions' }, button(t('people.new'), () => edit(null))), msg.node, editor,
    el('section', { 'aria-labelledby': 'people-h' }, el('h2', { id: 'people-h' }, t('people.listHeading')), list));
  await refresh();
}
