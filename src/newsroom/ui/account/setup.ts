// First run: creates the owner while no account exists (the server refuses it afterwards).
import { api } from '../api.ts';
import { lang, t } from '../i18n.ts';
import { el, onSubmit, textField } from '../shell/forms.ts';
import type { GateContext } from '../shell/gate.ts';
import type { SessionAnswer } from '../shell/session.ts';

export function render(root: HTMLElement, ctx: GateContext): void {
  const name = textField({ label: t('account.name'), name: 'name', required: true, autocomplete: 'name' });
  const email = textField({ label: t('account.email'), name: 'email', type: 'email', required: true, autocomplete: 'email' });
  const password = textField({ label: t('account.password'), name: 'password', type: 'password', required: true, autocomplete: 'new-password', hint: t('account.passwordHint'), attrs: { minlength: 12 } });
  const form = el('form', { class: 'stack', novalidate: true }, name.field, email.field, password.field, el('button', { type: 'submit' }, t('account.setup.submit')));
  onSubmit(form, async (v) => {
    ctx.done(await api<SessionAnswer>('POST', '/setup', { name: v.name, email: v.email, password: v.password, uiLanguage: lang() }));
  });
  root.append(el('p', {}, t('account.setup.intro')), form);
}
