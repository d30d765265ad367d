// API tokens: create one with a name and a scope (its value is shown once), list with last use, revoke.
import type { ApiTokenInfo } from '../../../domain/accounts.ts';
import { TOKEN_SCOPES } from '../../../domain/accounts.ts';
import { api } from '../api.ts';
import { lang, t } from '../i18n.ts';
import { button, copyable, el, onSubmit, section, selectField, showError, table, textField, when } from '../shell/forms.ts';

export function tokensSection(announce: (m: string) => void): HTMLElement {
  const list = el('div', {});
  const shown = el('div', {});
  const name = textField({ label: t('account.tokens.name'), name: 'name', required: true, attrs: { maxlength: 100 } });
  const scope = selectField({ label: t('account.tokens.scope'), name: 'scope', value: 'read', options: TOKEN_SCOPES.map((s) => [s, t('account.tokens.scope.' + s)]) });
  const form = el('form', { class: 'stack', novalidate: true }, name.field, scope.field, el('button', { type: 'submit' }, t('account.tokens.create')));

  const load = async () => {
    try {
      const tokens = await api<ApiTokenInfo[]>('GET', '/tokens');
      if (!tokens.length) return list.replaceChildren(el('p', {}, t('account.tokens.none')));
      const rows = tokens.map((k) => [
        k.name,
        k.scope,
        when(k.createdAt, lang()),
        when(k.lastUsedAt, lang(), t('account.never')),
        k.revokedAt ? t('account.tokens.revokedAt', { when: when(k.revokedAt, lang()) }) : t('account.tokens.active'),
        k.revokedAt
          ? ''
          : button(t('account.tokens.revoke', { name: k.name }), async () => {
              try {
                await api('DELETE', `/tokens/${k.id}`);
                announce(t('account.tokens.revoked'));
                await load();
              } catch (err) {
                showError(list, err);
              }
            }),
      ]);
      list.replaceChildren(
        table(t('account.tokens'), [t('account.tokens.name'), t('account.tokens.scope'), t('account.tokens.created'), t('account.tokens.lastUsed'), t('account.tokens.status'), t('account.session.actions')], rows),
      );
    } catch (err) {
      showError(list, err);
    }
  };

  onSubmit(form, async (v) => {
    const made = await api<{ token: string; info: ApiTokenInfo }>('POST', '/tokens', { name: v.name.trim(), scope: v.scope });
    name.input.value = '';
    shown.replaceChildren(el('p', { class: 'notice' }, t('account.tokens.shown')), copyable(t('account.tokens.value'), made.token, t('account.copy'), t('account.copied'), announce));
    announce(t('account.tokens.shown'));
    await load();
    shown.querySelector<HTMLInputElement>('input')?.focus();
  });

  void load();
  return section(t('account.tokens'), el('p', {}, t('account.tokens.intro')), list, form, shown);
}
