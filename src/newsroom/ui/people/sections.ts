// /newsroom/sections: sections in their order, each with its slug, default name and a name per language;
// move up/down renumbers the order; a form adds one at the end.
import type { Section, SectionInput } from '../../../domain/types.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { busy, button, el, field, messageArea } from '../ingest/dom.ts';
import './strings.ts';

/** The site's languages are not in the API: the ones sections already name, and the two of the interface. */
function languagesOf(sections: Section[]): string[] {
  const all = new Set<string>(['fr', 'en']);
  for (const s of sections) for (const l of Object.keys(s.names ?? {})) all.add(l);
  return [...all].sort();
}

function sectionFields(s: Section | null, langs: string[]) {
  const slug = el('input', { type: 'text', name: 'slug', value: s?.slug ?? '', pattern: '[a-z0-9]+(-[a-z0-9]+)*' });
  const name = el('input', { type: 'text', name: 'name', required: true, value: s?.name ?? '' });
  const names = langs.map((l) => ({ l, input: el('input', { type: 'text', name: `name-${l}`, lang: l, value: s?.names?.[l] ?? '' }) }));
  const nodes = [
    field(t('sections.name'), name),
    field(t('sections.slug'), slug, s ? undefined : t('sections.slugHint')),
    ...names.map(({ l, input }) => field(t('sections.nameIn', { lang: l }), input)),
  ];
  const input = (position: number): SectionInput => {
    const v: SectionInput = { name: name.value.trim(), names: {}, position };
    for (const { l, input } of names) if (input.value.trim()) v.names![l] = input.value.trim();
    if (slug.value.trim()) v.slug = slug.value.trim();
    return v;
  };
  return { nodes, input };
}

export async function render(root: HTMLElement, _params: Record<string, string>, app: AppState): Promise<void> {
  const msg = messageArea();
  const list = el('ol', { class: 'section-list' });
  let sections: Section[] = [];

  const say = (text: string) => {
    msg.info(text);
  };
  const inputOf = (s: Section, position: number): SectionInput => ({ slug: s.slug, name: s.name, names: s.names, position });

  const move = async (i: number, by: number) => {
    const order = [...sections];
    const [s] = order.splice(i, 1);
    order.splice(i + by, 0, s);
    try {
      for (const [n, x] of order.entries()) if (x.position !== n + 1) await api('PUT', `/sections/${x.id}`, inputOf(x, n + 1));
      await refresh();
      say(t('sections.moved', { name: s.name, n: i + by + 1 }));
      (list.querySelector(`[data-move="${s.id}:${by}"]`) as HTMLElement | null)?.focus();
    } catch (err) {
      msg.error(err);
    }
  };

  const item = (s: Section, i: number, langs: string[]) => {
    const f = sectionFields(s, langs);
    const save = el('button', { type: 'submit' }, t('sections.save'));
    const form = el('form', { 'aria-label': t('sections.formOf', { name: s.name }) }, ...f.nodes,
      el('div', { class: 'actions' }, save,
        button(t('sections.up'), () => void move(i, -1), { 'aria-label': t('sections.upOf', { name: s.name }), disabled: i === 0, 'data-move': `${s.id}:-1` }),
        button(t('sections.down'), () => void move(i, 1), { 'aria-label': t('sections.downOf', { name: s.name }), disabled: i === sections.length - 1, 'data-move': `${s.id}:1` }),
      ));
    save.setAttribute('aria-label', t('sections.saveOf', { name: s.name }));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void busy(save, async () => {
        try {
          const saved = await api<Section>('PUT', `/sections/${s.id}`, f.input(s.position));
          await refresh();
          say(t('sections.saved', { name: saved.name }));
        } catch (err) {
          msg.error(err);
        }
      });
    });
    return el('li', {}, form);
  };

  const addBox = el('div', {});
  const refresh = async () => {
    try {
      sections = (await api<{ items: Section[] }>('GET', '/sections')).items.sort((a, b) => a.position - b.position || a.id - b.id);
      const langs = languagesOf(sections);
      list.replaceChildren(...sections.map((s, i) => item(s, i, langs)));
      if (!sections.length) list.replaceChildren(el('li', {}, t('sections.none')));
      addBox.replaceChildren(addForm(langs));
    } catch (err) {
      msg.error(err);
    }
  };

  const addForm = (langs: string[]) => {
    const f = sectionFields(null, langs);
    const add = el('button', { type: 'submit' }, t('sections.add'));
    const form = el('form', { 'aria-labelledby': 'section-new-h' }, el('h2', { id: 'section-new-h' }, t('sections.newHeading')), ...f.nodes, add);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void busy(add, async () => {
        try {
          const last = sections.reduce((m, s) => Math.max(m, s.position), 0);
          const s = await api<Section>('POST', '/sections', f.input(last + 1));
          await refresh();
          say(t('sections.created', { name: s.name }));
        } catch (err) {
          msg.error(err);
        }
      });
    });
    return form;
  };

  root.replaceChildren(msg.node, el('section', { 'aria-labelledby': 'sections-h' }, el('h2', { id: 'sections-h' }, t('sections.listHeading')), list), addBox);
  await refresh();
}
