// Shown instead of the newsroom while the owner requires two-factor sign-in and this account has none:
// the same authenticator-app and passkey parts as the account screen, then on to the newsroom.
import type { User } from '../../../domain/accounts.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { button, el } from '../shell/forms.ts';
import type { GateContext } from '../shell/gate.ts';
import type { SessionAnswer } from '../shell/session.ts';
import { passkeySection } from './passkeys.ts';
import { totpSection } from './two-factor.ts';

export function render(root: HTMLElement, ctx: GateContext): void {
  const next = el('p', {});
  const go = button(t('account.enrol.continue'), async () => ctx.done(await api<SessionAnswer>('GET', '/session')));
  const changed = (u: User) => {
    if (u.totpEnabled || u.passkeys > 0) next.replaceChildren(go);
  };
  const tf = { user: ctx.session!.user, announce: ctx.announce, changed };
  root.append(el('p', {}, t('account.enrol.intro')), totpSection(tf), passkeySection(tf), next);
}
