// /newsroom/link/:token — an invitation, a password reset or a one-time sign-in link: the invitee sets a
// password (when the account has none, or it is a reset), and the link signs them in (single use).
import { api, ApiError } from '../api.ts';
import { t } from '../i18n.ts';
import { button, el, onSubmit, textField } from '../shell/forms.ts';
import type { GateContext } from '../shell/gate.ts';
import type { SessionAnswer } from '../shell/session.ts';

interface LinkInfo {
  purpose: 'sign-in' | 'invite' | 'reset';
  email: string;
  name: string;
  needsPassword: boolean;
}

export async function render(root: HTMLElement, ctx: GateContext): Promise<void> {
  const token = ctx.params.token;
  let info: LinkInfo;
  try {
    info = await api<LinkInfo>('GET', `/links/${encodeURIComponent(token)}`);
  } catch (err) {
    const gone = err instanceof ApiError && (err.status === 404 || err.status === 400);
    root.append(el('p', { role: 'alert', class: 'error' }, gone ? t('account.link.gone') : err instanceof Error ? err.message : String(err)), el('p', {}, button(t('account.link.toSignIn'), () => (history.replaceState(null, '', '/newsroom/'), ctx.restart()))));
    return;
  }
  const who = { name: info.name, email: info.email };
  const text = info.purpose === 'invite' ? t('account.link.invite', who) : info.purpose === 'reset' ? t('account.link.reset', who) : t('account.link.signIn', who);
  const form = el('form', { class: 'stack', novalidate: true });
  // The account name for password managers, next to the new password.
  form.append(el('input', { type: 'hidden', name: 'username', autocomplete: 'username', value: info.email }));
  if (info.needsPassword) {
    const pw = textField({ label: t('account.newPassword'), name: 'password', type: 'password', required: true, autocomplete: 'new-password', hint: t('account.passwordHint'), attrs: { minlength: 12 } });
    form.append(pw.field);
  }
  form.append(el('button', { type: 'submit' }, info.needsPassword ? t('account.link.setPassword') : t('account.link.submit')));
  onSubmit(form, async (v) => {
    ctx.done(await api<SessionAnswer>('POST', `/links/${encodeURIComponent(token)}`, info.needsPassword ? { password: v.password } : {}));
  });
  root.append(el('p', {}, text), form);
}
