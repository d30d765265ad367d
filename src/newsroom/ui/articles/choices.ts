// A group of checkboxes in a fieldset (sections, authors, translators): one labelled box per choice.
import { el, uid } from '../ingest/dom.ts';

export interface Choices {
  node: HTMLFieldSetElement;
  value(): number[];
  fill(ids: number[]): void;
}

export function choices(legend: string, name: string, options: { id: number; label: string }[], empty: string): Choices {
  const node = el('fieldset', { class: 'choices' }, el('legend', {}, legend));
  const boxes = options.map((o) => {
    const box = el('input', { type: 'checkbox', name, value: o.id, id: uid(name) });
    node.append(el('div', { class: 'choice' }, box, el('label', { for: box.id }, o.label)));
    return box;
  });
  if (!options.length) node.append(el('p', {}, empty));
  let unknown: number[] = [];
  return {
    node,
    // Ids the list does not show (e.g. a person added meanwhile) are kept, not dropped.
    value: () => [...boxes.filter((b) => b.checked).map((b) => Number(b.value)), ...unknown],
    fill: (ids) => {
      for (const b of boxes) b.checked = ids.includes(Number(b.value));
      unknown = ids.filter((id) => !options.some((o) => o.id === id));
    },
  };
}
