// My account: name and language, password, active sessions, two-factor (app, recovery codes, passkeys),
// API tokens.
import type { User } from '../../../domain/accounts.ts';
import { api } from '../api.ts';
import { setLang, t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { el, onSubmit, section, selectField, showInfo, textField } from '../shell/forms.ts';
import { passkeySection } from './passkeys.ts';
import { sessionsSection } from './sessions.ts';
import { tokensSection } from './tokens.ts';
import { recoverySection, totpSection, type TwoFactorContext } from './two-factor.ts';
import './strings.ts';

function profileSection(app: AppState): HTMLElement {
  const name = textField({ label: t('account.name'), name: 'name', value: app.user.name, required: true, autocomplete: 'name' });
  const email = textField({ label: t('account.email'), name: 'email', value: app.user.email, attrs: { readonly: true } });
  const language = selectField({ label: t('account.language'), name: 'uiLanguage', value: app.user.uiLanguage, options: [['fr', 'Français'], ['en', 'English']] });
  const form = el('form', { class: 'stack', novalidate: true }, email.field, name.field, language.field, el('button', { type: 'submit' }, t('account.save')));
  onSubmit(form, async (v) => {
    const before = app.user.uiLanguage;
    const user = await api<User>('PUT', '/me', { name: v.name, uiLanguage: v.uiLanguage });
    if (user.uiLanguage !== before) {
      // The whole interface follows: the simplest honest way is to load it again in the new language.
      setLang(user.uiLanguage);
      location.reload();
      return;
    }
    app.updateUser?.(user);
    showInfo(form, t('account.saved'));
    app.announce(t('account.saved'));
  });
  return section(t('account.profile'), form);
}

function passwordSection(app: AppState): HTMLElement {
  const fields = [];
  if (app.user.hasPassword) fields.push(textField({ label: t('account.currentPassword'), name: 'currentPassword', type: 'password', required: true, autocomplete: 'current-password' }).field);
  fields.push(textField({ label: t('account.newPassword'), name: 'newPassword', type: 'password', required: true, autocomplete: 'new-password', hint: t('account.passwordHint') }).field);
  const form = el('form', { class: 'stack', novalidate: true }, el('input', { type: 'hidden', name: 'username', autocomplete: 'username', value: app.user.email }), ...fields, el('button', { type: 'submit' }, t('account.changePasswordSubmit')));
  onSubmit(
    form,
    async (v) => {
      const user = await api<User>('PUT', '/me', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      app.updateUser?.(user);
      form.reset();
      showInfo(form, t('account.passwordChanged'));
      app.announce(t('account.passwordChanged'));
    },
    { password: 'newPassword' },
  );
  return section(t('account.changePassword'), form);
}

export function render(root: HTMLElement, _params: Record<string, string>, app: AppState): void {
  const tf: TwoFactorContext = { user: app.user, announce: app.announce, changed: (u) => app.updateUser?.(u) };
  root.append(profileSection(app), passwordSection(app), sessionsSection(app.announce), totpSection(tf), recoverySection(tf), passkeySection(tf), tokensSection(app.announce));
}
