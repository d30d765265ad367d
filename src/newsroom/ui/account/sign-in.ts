// Sign-in with email and password. Wrong passwords are rate-limited by the server (per account and per
// address); its 429 answer says for how long, and so does this screen.
import { api, ApiError } from '../api.ts';
import { t } from '../i18n.ts';
import { el, onSubmit, textField } from '../shell/forms.ts';
import type { GateContext } from '../shell/gate.ts';
import type { SessionAnswer } from '../shell/session.ts';

function explain(err: unknown): unknown {
  if (!(err instanceof ApiError)) return err;
  if (err.status === 429) {
    const minutes = Math.max(1, Math.ceil(Number(err.body?.retryAfter ?? 60) / 60));
    return new ApiError(429, t('account.signIn.tooMany', { minutes }), null, err.body);
  }
  if (err.status === 401) return new ApiError(401, t('account.signIn.wrong'), 'password', err.body);
  return err;
}

export function render(root: HTMLElement, ctx: GateContext): void {
  const email = textField({ label: t('account.email'), name: 'email', type: 'email', required: true, autocomplete: 'username' });
  const password = textField({ label: t('account.password'), name: 'password', type: 'password', required: true, autocomplete: 'current-password' });
  const form = el('form', { class: 'stack', novalidate: true }, email.field, password.field, el('button', { type: 'submit' }, t('account.signIn.submit')));
  onSubmit(form, async (v) => {
    try {
      ctx.done(await api<SessionAnswer>('POST', '/session', { email: v.email, password: v.password }));
    } catch (err) {
      password.input.value = '';
      throw explain(err);
    }
  });
  root.append(form);
}
