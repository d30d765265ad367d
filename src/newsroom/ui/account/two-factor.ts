// The authenticator app (TOTP) part of one's account: set up with a QR code (the server's SVG, shown as
// an <img> data: URL so no markup from anywhere enters the page), confirm with a code, recovery codes
// shown once; turn off with the current password; new recovery codes.
import type { User } from '../../../domain/accounts.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { button, copyable, el, onSubmit, section, showError, textField } from '../shell/forms.ts';
import { recoveryCodesBox } from './recovery.ts';

export interface TwoFactorContext {
  user: User;
  announce(m: string): void;
  /** Called after the user's second factors changed, with the fresh user. */
  changed(user: User): void;
}

export function totpSection(ctx: TwoFactorContext): HTMLElement {
  const body = el('div', { class: 'stack' });
  const box = section(t('account.totp'), body);
  const refresh = async () => ctx.changed(await api<User>('GET', '/me'));

  const draw = (user: User) => {
    body.replaceChildren(el('p', {}, user.totpEnabled ? t('account.totp.on') : t('account.totp.off')));
    if (!user.totpEnabled) {
      const start = button(t('account.totp.start'), async () => {
        try {
          const setup = await api<{ secret: string; uri: string; qrSvg: string }>('POST', '/me/totp/setup');
          confirmStep(setup);
        } catch (err) {
          showError(body, err);
        }
      });
      body.append(start);
    } else {
      const pw = textField({ label: t('account.currentPassword'), name: 'currentPassword', type: 'password', required: true, autocomplete: 'current-password' });
      const off = el('form', { class: 'stack', novalidate: true }, pw.field, el('button', { type: 'submit' }, t('account.totp.disable')));
      onSubmit(off, async (v) => {
        await api('DELETE', '/me/totp', { currentPassword: v.currentPassword });
        ctx.announce(t('account.totp.disabled'));
        await refresh();
        draw({ ...user, totpEnabled: false });
      });
      body.append(off);
    }
  };

  const confirmStep = (setup: { secret: string; uri: string; qrSvg: string }) => {
    const img = el('img', { src: 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(setup.qrSvg), alt: t('account.totp.qr'), width: 200, height: 200, class: 'qr' });
    const code = textField({ label: t('account.totp.code'), name: 'code', required: true, autocomplete: 'one-time-code', attrs: { inputmode: 'numeric', maxlength: 8 } });
    const form = el('form', { class: 'stack', novalidate: true }, code.field, el('button', { type: 'submit' }, t('account.totp.confirm')));
    onSubmit(form, async (v) => {
      const { recoveryCodes } = await api<{ recoveryCodes: string[] }>('POST', '/me/totp/confirm', { code: v.code.replace(/\s+/g, '') });
      await refresh();
      body.replaceChildren(el('p', {}, t('account.totp.on')), recoveryCodesBox(recoveryCodes, ctx.announce));
      ctx.announce(t('account.totp.on'));
    });
    body.replaceChildren(el('p', {}, t('account.totp.scan')), img, copyable(t('account.totp.key'), setup.secret, t('account.copy'), t('account.copied'), ctx.announce), form);
    code.input.focus();
  };

  draw(ctx.user);
  return box;
}

export function recoverySection(ctx: TwoFactorContext): HTMLElement {
  const body = el('div', { class: 'stack' });
  const make = button(t('account.recovery.new'), async () => {
    try {
      const { recoveryCodes } = await api<{ recoveryCodes: string[] }>('POST', '/me/recovery-codes');
      body.replaceChildren(recoveryCodesBox(recoveryCodes, ctx.announce));
    } catch (err) {
      showError(body, err);
    }
  });
  body.append(make);
  return section(t('account.recovery'), body);
}
