// Shows a difference between two versions: changed fields (before → after) and the body's text with
// insertions and deletions marked (<ins>/<del>, which screen readers announce).
import type { ArticleDiff } from '../../../domain/types.ts';
import { t } from '../i18n.ts';
import { el } from '../ingest/dom.ts';

function show(v: unknown): string {
  if (v == null || v === '') return t('diff.empty');
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

export function diffView(diff: ArticleDiff, labels: { before: string; after: string }): HTMLElement {
  const node = el('div', { class: 'diff' });
  const fields = diff.fields;
  if (fields.length) {
    node.append(el('table', {},
      el('caption', {}, t('diff.fields')),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('diff.field')), el('th', { scope: 'col' }, labels.before), el('th', { scope: 'col' }, labels.after))),
      el('tbody', {}, ...fields.map((f) => el('tr', {}, el('th', { scope: 'row' }, t(`diff.f.${f.field}`) === `diff.f.${f.field}` ? f.field : t(`diff.f.${f.field}`)), el('td', {}, show(f.before)), el('td', {}, show(f.after))))),
    ));
  }
  const changedBody = diff.body.some((c) => c.op !== 'equal');
  if (changedBody) {
    const p = el('div', { class: 'diff-body', 'aria-label': t('diff.body') });
    for (const c of diff.body) p.append(c.op === 'insert' ? el('ins', {}, c.text) : c.op === 'delete' ? el('del', {}, c.text) : c.text);
    node.append(el('h3', {}, t('diff.body')), p);
  }
  if (!fields.length && !changedBody) node.append(el('p', {}, t('diff.same')));
  return node;
}
