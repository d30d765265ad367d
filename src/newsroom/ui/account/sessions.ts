// One's active sessions: where and since when, sign one out, or every other one.
import type { SessionInfo } from '../../../domain/accounts.ts';
import { api } from '../api.ts';
import { lang, t } from '../i18n.ts';
import { button, el, section, showError, table, when } from '../shell/forms.ts';

/** "Firefox on Linux" rather than a whole user-agent string. */
export function deviceName(ua: string): string {
  if (!ua) return t('account.session.unknownDevice');
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chromium' : /Safari\//.test(ua) ? 'Safari' : null;
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Mac OS X/.test(ua) ? 'macOS' : /Windows/.test(ua) ? 'Windows' : /Linux/.test(ua) ? 'Linux' : null;
  return browser && os ? `${browser}, ${os}` : browser ?? os ?? ua.slice(0, 60);
}

export function sessionsSection(announce: (m: string) => void): HTMLElement {
  const list = el('div', {});
  const load = async () => {
    try {
      const sessions = await api<SessionInfo[]>('GET', '/me/sessions');
      const rows = sessions.map((s) => {
        const device = deviceName(s.userAgent);
        const action = s.current
          ? el('strong', {}, t('account.session.current'))
          : button(t('account.session.revoke', { device }), async () => {
              try {
                await api('DELETE', `/me/sessions/${encodeURIComponent(s.id)}`);
                announce(t('account.session.revoked'));
                await load();
              } catch (err) {
                showError(list, err);
              }
            });
        return [el('span', { title: s.userAgent }, device), when(s.createdAt, lang()), when(s.lastSeenAt, lang()), action];
      });
      list.replaceChildren(table(t('account.sessions'), [t('account.session.device'), t('account.session.created'), t('account.session.lastSeen'), t('account.session.actions')], rows));
    } catch (err) {
      showError(list, err);
    }
  };
  const others = button(t('account.session.others'), async () => {
    try {
      const { revoked } = await api<{ revoked: number }>('POST', '/me/sessions/revoke-others');
      announce(t('account.session.othersDone', { n: revoked }));
      await load();
    } catch (err) {
      showError(list, err);
    }
  });
  void load();
  return section(t('account.sessions'), list, el('p', {}, others));
}
