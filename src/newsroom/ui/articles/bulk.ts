// Bulk actions on the checked articles: publish, unpublish, move to sections. The server answers which
// were done and which were refused (with why), and both are shown.
import { lang, t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { busy, el, field, messageArea } from '../ingest/dom.ts';
import { choices } from './choices.ts';
import { api } from '../api.ts';
import { sectionName, type Refs } from './refs.ts';

interface BulkResult {
  done: number[];
  refused: { id: number; error: string }[];
}

export function bulkBar(refs: Refs, app: AppState, selected: () => number[], titleOf: (id: number) => string, done: () => Promise<void>): HTMLElement {
  const msg = messageArea();
  const actions = [...(app.can('article.publish') ? ['publish', 'unpublish'] : []), 'move'];
  const action = el('select', { name: 'bulkAction' }, ...actions.map((a) => el('option', { value: a }, t(`bulk.${a}`))));
  const sections = choices(t('bulk.sections'), 'bulkSections', refs.sections.map((s) => ({ id: s.id, label: sectionName(s, lang()) })), t('editor.noSections'));
  const apply = el('button', { type: 'submit' }, t('bulk.apply'));
  const result = el('div', { class: 'bulk-result' });
  const showSections = () => (sections.node.hidden = action.value !== 'move');
  action.addEventListener('change', showSections);
  showSections();
  const form = el('form', { class: 'bulk', 'aria-label': t('bulk.label') }, field(t('bulk.action'), action), sections.node, apply, msg.node, result);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const ids = selected();
    if (!ids.length) return msg.error(new Error(t('bulk.none')));
    void busy(apply, async () => {
      try {
        const body = action.value === 'move' ? { ids, action: 'move', sectionIds: sections.value() } : { ids, action: action.value };
        const r = await api<BulkResult>('POST', '/articles/bulk', body);
        msg.info(t('bulk.result', { done: r.done.length, refused: r.refused.length }));
        app.announce(t('bulk.result', { done: r.done.length, refused: r.refused.length }));
        result.replaceChildren(r.refused.length
          ? el('ul', { class: 'refused', 'aria-label': t('bulk.refusedList') }, ...r.refused.map((x) => el('li', {}, `${titleOf(x.id)} (#${x.id}): ${x.error}`)))
          : '');
        await done();
      } catch (err) {
        msg.error(err);
      }
    });
  });
  return form;
}
