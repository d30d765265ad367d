// The second step of sign-in: a code from an authenticator app, a recovery code, or a passkey
// (WebAuthn through @simplewebauthn/browser, loaded only when used).
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { button, el, onSubmit, section, showError, textField } from '../shell/forms.ts';
import type { GateContext } from '../shell/gate.ts';
import type { SessionAnswer } from '../shell/session.ts';

function codeForm(ctx: GateContext, path: string, label: string, hint: string, submit: string, numeric: boolean): HTMLFormElement {
  const code = textField({
    label,
    name: 'code',
    required: true,
    hint,
    autocomplete: numeric ? 'one-time-code' : 'off',
    attrs: numeric ? { inputmode: 'numeric', pattern: '[0-9 ]*', maxlength: 8 } : { spellcheck: 'false', maxlength: 64 },
  });
  const form = el('form', { class: 'stack', novalidate: true }, code.field, el('button', { type: 'submit' }, submit));
  onSubmit(form, async (v) => {
    const answer = await api<Partial<SessionAnswer>>('POST', path, { code: v.code.trim() });
    ctx.done({ ...ctx.session!, ...answer } as SessionAnswer);
  });
  return form;
}

export function render(root: HTMLElement, ctx: GateContext): void {
  const s = ctx.session!;
  root.append(el('p', {}, t('account.second.intro', { email: s.user.email })));
  if (s.methods.includes('passkey')) {
    const box = el('div', { class: 'stack' }, el('p', {}, t('account.second.passkeyIntro')));
    const b = button(t('account.second.passkey'), async () => {
      b.disabled = true;
      try {
        const { startAuthentication } = await import('@simplewebauthn/browser');
        const optionsJSON = await api('POST', '/session/passkey/options');
        const response = await startAuthentication({ optionsJSON });
        const answer = await api<Partial<SessionAnswer>>('POST', '/session/passkey', { response });
        ctx.done({ ...s, ...answer } as SessionAnswer);
      } catch (err) {
        showError(box, err);
      } finally {
        b.disabled = false;
      }
    });
    box.append(b);
    root.append(section(t('account.second.passkey'), box));
  }
  if (s.methods.includes('totp'))
    root.append(section(t('account.totp'), codeForm(ctx, '/session/totp', t('account.second.totp'), t('account.second.totpHint'), t('account.second.totpSubmit'), true)));
  if (s.methods.includes('recovery'))
    root.append(section(t('account.recovery'), codeForm(ctx, '/session/recovery', t('account.second.recovery'), t('account.second.recoveryHint'), t('account.second.recoverySubmit'), false)));
  root.append(
    el('p', {}, button(t('account.second.cancel'), async () => {
      await api('DELETE', '/session').catch(() => {});
      ctx.restart();
    })),
  );
}
