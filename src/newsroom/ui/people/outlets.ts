// /newsroom/outlets: the publications outside Relais that originals come from (name, home address, language).
import type { Outlet, OutletInput } from '../../../domain/types.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { busy, el, field, messageArea } from '../ingest/dom.ts';
import './strings.ts';

function outletForm(o: Outlet | null, onSave: (input: OutletInput) => Promise<boolean>): HTMLFormElement {
  const name = el('input', { type: 'text', name: 'name', required: true, value: o?.name ?? '' });
  const homeUrl = el('input', { type: 'url', name: 'homeUrl', required: true, value: o?.homeUrl ?? '', placeholder: 'https://' });
  const language = el('input', { type: 'text', name: 'language', value: o?.language ?? '', size: 6, pattern: '[a-z]{2,3}(-[A-Za-z0-9]{2,8})*' });
  const submit = el('button', { type: 'submit', 'aria-label': o ? t('outlets.saveOf', { name: o.name }) : null }, t(o ? 'outlets.save' : 'outlets.add'));
  const form = el('form', o ? { 'aria-label': t('outlets.formOf', { name: o.name }) } : { 'aria-labelledby': 'outlet-new-h' },
    o ? null : el('h2', { id: 'outlet-new-h' }, t('outlets.newHeading')),
    field(t('outlets.name'), name),
    field(t('outlets.homeUrl'), homeUrl),
    field(t('outlets.language'), language, t('outlets.languageHint')),
    submit,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(submit, async () => {
      if ((await onSave({ name: name.value.trim(), homeUrl: homeUrl.value.trim(), language: language.value.trim() || null })) && !o) form.reset();
    });
  });
  return form;
}

export async function render(root: HTMLElement, _params: Record<string, string>, app: AppState): Promise<void> {
  const msg = messageArea();
  const list = el('ul', { class: 'outlet-list' });
  const saveWith = (method: string, path: string, done: string) => async (input: OutletInput) => {
    try {
      const o = await api<Outlet>(method, path, input);
      await refresh();
      msg.info(t(done, { name: o.name }));
      return true;
    } catch (err) {
      msg.error(err);
      return false;
    }
  };
  const refresh = async () => {
    try {
      const { items } = await api<{ items: Outlet[] }>('GET', '/outlets');
      list.replaceChildren(...items.map((o) => el('li', {}, outletForm(o, saveWith('PUT', `/outlets/${o.id}`, 'outlets.saved')))));
      if (!items.length) list.replaceChildren(el('li', {}, t('outlets.none')));
    } catch (err) {
      msg.error(err);
    }
  };
  root.replaceChildren(
    msg.node,
    outletForm(null, saveWith('POST', '/outlets', 'outlets.created')),
    el('section', { 'aria-labelledby': 'outlets-h' }, el('h2', { id: 'outlets-h' }, t('outlets.listHeading')), list),
  );
  await refresh();
}
