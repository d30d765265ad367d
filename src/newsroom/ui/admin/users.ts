// Users (owner): the accounts with their role, status and credited person; invite by email (a copyable,
// single-use link), change role or person, disable or enable, a new sign-in link.
import type { User } from '../../../domain/accounts.ts';
import { ROLES } from '../../../domain/accounts.ts';
import type { Person } from '../../../domain/types.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { button, copyable, el, onSubmit, section, selectField, showError, textField } from '../shell/forms.ts';
import './strings.ts';

const roleOptions = (): Array<[string, string]> => ROLES.map((r) => [r, t('role.' + r)]);
const personOptions = (people: Person[]): Array<[string, string]> => [['', t('admin.noPerson')], ...people.map((p): [string, string] => [String(p.id), p.name])];

function userRow(u: User, people: Person[], app: AppState, reload: () => Promise<void>): HTMLTableRowElement {
  const role = selectField({ label: t('admin.roleOf', { name: u.name }), name: 'role', value: u.role, options: roleOptions() });
  const person = selectField({ label: t('admin.personOf', { name: u.name }), name: 'personId', value: u.personId == null ? '' : String(u.personId), options: personOptions(people) });
  const form = el('form', { class: 'row-form', novalidate: true }, role.field, person.field, el('button', { type: 'submit' }, t('admin.saveUser', { name: u.name })));
  onSubmit(form, async (v) => {
    await api('PUT', `/users/${u.id}`, { role: v.role, personId: v.personId ? Number(v.personId) : null });
    app.announce(t('admin.savedUser', { name: u.name }));
    await reload();
  });
  const out = el('div', {});
  const toggle = button(u.status === 'active' ? t('admin.disable', { name: u.name }) : t('admin.enable', { name: u.name }), async () => {
    try {
      await api('PUT', `/users/${u.id}`, { status: u.status === 'active' ? 'disabled' : 'active' });
      await reload();
    } catch (err) {
      showError(out, err);
    }
  });
  const reset = button(t('admin.reset', { name: u.name }), async () => {
    try {
      const { link } = await api<{ link: string }>('POST', `/users/${u.id}/reset`);
      out.replaceChildren(el('p', {}, t('admin.resetDone', { email: u.email })), copyable(t('admin.link', { email: u.email }), link, t('account.copy'), t('account.copied'), app.announce));
      out.querySelector('input')?.focus();
    } catch (err) {
      showError(out, err);
    }
  });
  const cells = [
    el('th', { scope: 'row' }, u.name),
    el('td', {}, u.email),
    el('td', {}, t('admin.status.' + u.status)),
    el('td', {}, u.totpEnabled || u.passkeys > 0 ? t('admin.yes') : t('admin.no')),
    el('td', {}, form),
    el('td', {}, el('div', { class: 'actions' }, toggle, reset), out),
  ];
  return el('tr', { class: u.status === 'disabled' ? 'disabled' : null }, ...cells);
}

function inviteForm(people: Person[], app: AppState, reload: () => Promise<void>): HTMLElement {
  const email = textField({ label: t('account.email'), name: 'email', type: 'email', required: true, autocomplete: 'off' });
  const name = textField({ label: t('account.name'), name: 'name', required: true, autocomplete: 'off' });
  const role = selectField({ label: t('admin.role'), name: 'role', value: 'author', options: roleOptions() });
  const person = selectField({ label: t('admin.person'), name: 'personId', value: '', options: personOptions(people) });
  const shown = el('div', {});
  const form = el('form', { class: 'stack', novalidate: true }, email.field, name.field, role.field, person.field, el('button', { type: 'submit' }, t('admin.inviteSubmit')));
  onSubmit(form, async (v) => {
    const made = await api<{ user: User; link: string }>('POST', '/users', { email: v.email.trim(), name: v.name.trim(), role: v.role, personId: v.personId ? Number(v.personId) : null });
    form.reset();
    shown.replaceChildren(el('p', { class: 'notice' }, t('admin.invited', { email: made.user.email })), copyable(t('admin.link', { email: made.user.email }), made.link, t('account.copy'), t('account.copied'), app.announce));
    app.announce(t('admin.invited', { email: made.user.email }));
    await reload();
    shown.querySelector('input')?.focus();
  });
  return section(t('admin.invite'), form, shown);
}

export async function render(root: HTMLElement, _params: Record<string, string>, app: AppState): Promise<void> {
  const list = el('div', { class: 'table-wrap' });
  let people: Person[] = [];
  try {
    people = (await api<{ items: Person[] }>('GET', '/people')).items;
  } catch {
    // Without the people list, accounts can still be managed; the person column then offers none.
  }
  const reload = async () => {
    try {
      const users = await api<User[]>('GET', '/users');
      const head = [t('account.name'), t('account.email'), t('admin.status'), t('admin.twoFactor'), `${t('admin.role')} / ${t('admin.person')}`, t('admin.actions')];
      list.replaceChildren(
        el('table', {}, el('caption', {}, t('admin.usersTable')), el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, ...users.map((u) => userRow(u, people, app, reload)))),
      );
    } catch (err) {
      showError(list, err);
    }
  };
  root.append(inviteForm(people, app, reload), section(t('admin.usersTable'), list));
  await reload();
}
