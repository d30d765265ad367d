// Passkeys of one's account: list, add (WebAuthn registration through @simplewebauthn/browser, loaded
// only when used), remove.
import type { User } from '../../../domain/accounts.ts';
import { api } from '../api.ts';
import { lang, t } from '../i18n.ts';
import { button, el, onSubmit, section, showError, table, textField, when } from '../shell/forms.ts';
import { recoveryCodesBox } from './recovery.ts';
import type { TwoFactorContext } from './two-factor.ts';

interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export function passkeySection(ctx: TwoFactorContext): HTMLElement {
  const list = el('div', {});
  const extra = el('div', {});
  const name = textField({ label: t('account.passkeys.name'), name: 'name', required: true, hint: t('account.passkeys.nameHint'), attrs: { maxlength: 100 } });
  const form = el('form', { class: 'stack', novalidate: true }, name.field, el('button', { type: 'submit' }, t('account.passkeys.add')));
  const refreshUser = async () => ctx.changed(await api<User>('GET', '/me'));

  const load = async () => {
    try {
      const keys = await api<Passkey[]>('GET', '/me/passkeys');
      if (!keys.length) return list.replaceChildren(el('p', {}, t('account.passkeys.none')));
      const rows = keys.map((k) => [
        k.name,
        when(k.createdAt, lang()),
        when(k.lastUsedAt, lang(), t('account.never')),
        button(t('account.passkeys.remove', { name: k.name }), async () => {
          try {
            await api('DELETE', `/me/passkeys/${encodeURIComponent(k.id)}`);
            ctx.announce(t('account.passkeys.removed'));
            await refreshUser();
            await load();
          } catch (err) {
            showError(list, err);
          }
        }),
      ]);
      list.replaceChildren(table(t('account.passkeys'), [t('account.passkeys.name'), t('account.passkeys.created'), t('account.passkeys.lastUsed'), t('account.session.actions')], rows));
    } catch (err) {
      showError(list, err);
    }
  };

  onSubmit(form, async (v) => {
    if (!window.PublicKeyCredential) throw new Error(t('account.passkeys.unsupported'));
    const { startRegistration } = await import('@simplewebauthn/browser');
    const optionsJSON = await api('POST', '/me/passkeys/options');
    const response = await startRegistration({ optionsJSON });
    const saved = await api<{ recoveryCodes: string[] | null }>('POST', '/me/passkeys', { response, name: v.name });
    name.input.value = '';
    ctx.announce(t('account.passkeys.added'));
    if (saved.recoveryCodes) extra.replaceChildren(recoveryCodesBox(saved.recoveryCodes, ctx.announce));
    await refreshUser();
    await load();
  });

  void load();
  return section(t('account.passkeys'), list, form, extra);
}
