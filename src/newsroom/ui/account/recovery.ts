// Recovery codes, shown once (after the first second factor is set up, or when new ones are made).
import { t } from '../i18n.ts';
import { button, el } from '../shell/forms.ts';

export function recoveryCodesBox(codes: string[], announce: (m: string) => void): HTMLElement {
  const id = `codes-${Math.random().toString(36).slice(2, 8)}`;
  const list = el('ol', { class: 'codes', id, 'aria-label': t('account.recovery.list') }, ...codes.map((c) => el('li', {}, el('code', {}, c))));
  const copy = button(t('account.recovery.copy'), async () => {
    await navigator.clipboard?.writeText(codes.join('\n')).catch(() => {});
    announce(t('account.copied'));
  });
  return el('div', { class: 'recovery-codes', role: 'group', 'aria-labelledby': id + '-intro' }, el('p', { id: id + '-intro', class: 'notice' }, t('account.recovery.intro')), list, copy);
}
