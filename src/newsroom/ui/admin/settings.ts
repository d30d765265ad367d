// Settings (owner): whether every account must sign in with a second factor; the reviewers named per
// language pair (reviewers.ts).
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { checkboxField, el, onSubmit, showError, showInfo } from '../shell/forms.ts';
import { reviewersSection } from './reviewers.ts';
import './strings.ts';

export async function render(root: HTMLElement, _params: Record<string, string>, app: AppState): Promise<void> {
  const form = el('form', { class: 'stack', novalidate: true });
  root.append(form);
  try {
    const s = await api<{ requireTwoFactor: boolean }>('GET', '/settings');
    const box = checkboxField({ label: t('admin.requireTwoFactor'), name: 'requireTwoFactor', checked: s.requireTwoFactor, hint: t('admin.requireTwoFactorHint') });
    form.append(box.field);
    if (!app.user.totpEnabled && !app.user.passkeys) form.append(el('p', { class: 'notice' }, t('admin.ownFactorFirst')));
    form.append(el('button', { type: 'submit' }, t('admin.saveSettings')));
    onSubmit(form, async () => {
      const saved = await api<{ requireTwoFactor: boolean }>('PUT', '/settings', { requireTwoFactor: box.input.checked });
      box.input.checked = saved.requireTwoFactor;
      showInfo(form, t('admin.settingsSaved'));
      app.announce(t('admin.settingsSaved'));
    });
  } catch (err) {
    showError(form, err);
  }
  root.append(await reviewersSection(app));
}
