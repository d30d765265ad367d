// Tags: a list of the article's tags, each with a remove button, and a field to add one with completion
// from the tags already in use (GET /api/tags, offered through a <datalist>).
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { button, el, field, uid } from '../ingest/dom.ts';

export interface TagsField {
  node: HTMLElement;
  value(): string[];
  fill(tags: string[]): void;
}

export function tagsField(): TagsField {
  let tags: string[] = [];
  const list = el('datalist', { id: uid('tags') });
  const input = el('input', { type: 'text', name: 'tag', list: list.id, autocomplete: 'off' });
  const chips = el('ul', { class: 'tags', 'aria-label': t('editor.tagsList') });
  const node = el('fieldset', { class: 'tags-field' }, el('legend', {}, t('editor.tags')));

  const draw = () => {
    chips.replaceChildren(...tags.map((tag) => el('li', {}, tag, ' ',
      button('×', () => {
        tags = tags.filter((x) => x !== tag);
        draw();
        node.dispatchEvent(new Event('change', { bubbles: true }));
        input.focus();
      }, { 'aria-label': t('editor.tagRemove', { tag }) }))));
  };
  const add = () => {
    const v = input.value.trim().replace(/,+$/, '');
    input.value = '';
    if (!v || tags.some((x) => x.toLowerCase() === v.toLowerCase())) return;
    tags = [...tags, v];
    draw();
    node.dispatchEvent(new Event('change', { bubbles: true }));
  };
  let asked = 0;
  input.addEventListener('input', async () => {
    const n = ++asked;
    try {
      const found = await api<{ slug: string; name: string; count: number }[]>('GET', `/tags?q=${encodeURIComponent(input.value.trim())}`);
      if (n === asked) list.replaceChildren(...found.map((x) => el('option', { value: x.name }, `${x.name} (${x.count})`)));
    } catch {
      // Completion is a help; typing a tag still works without it.
    }
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ',') {
      ev.preventDefault();
      add();
    }
  });
  node.append(chips, field(t('editor.tagAdd'), input, t('editor.tagHint')), list, button(t('editor.tagAddButton'), add));
  return { node, value: () => [...tags], fill: (v) => ((tags = [...v]), draw()) };
}
