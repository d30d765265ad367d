// The unread notices count beside "Notices" in the shell's navigation (asked again at each navigation).
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { el } from '../shell/forms.ts';
import { BASE } from '../shell/router.ts';

let asking = 0;

export function refreshNoticeCount(): void {
  const mine = ++asking;
  api<{ unread: number }>('GET', '/notices?unread=true&limit=1').then(
    ({ unread }) => {
      if (mine !== asking) return;
      const link = document.querySelector<HTMLAnchorElement>(`header.top nav a[href="${BASE}/notices"]`);
      if (!link) return;
      link.querySelector('.notice-count')?.remove();
      if (unread > 0) link.append(' ', el('span', { class: 'notice-count' }, el('span', { 'aria-hidden': 'true' }, String(unread)), el('span', { class: 'visually-hidden' }, t('tr.unread', { n: unread }))));
    },
    () => {},
  );
}
