// Notices (assigned, submitted, returned, approved, comments): the list, newest first; opening one marks it read.
import { api } from '../api.ts';
import { lang, t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { button, el, when } from '../shell/forms.ts';
import { BASE } from '../shell/router.ts';
import { refreshNoticeCount } from './notice-count.ts';

interface Notice {
  id: number;
  kind: string;
  articleId: number | null;
  text: string;
  createdAt: string;
  readAt: string | null;
}

export async function render(root: HTMLElement, _p: Record<string, string>, app: AppState): Promise<void> {
  const { items } = await api<{ items: Notice[]; unread: number }>('GET', '/notices?limit=100');
  if (!items.length) return void root.replaceChildren(el('p', {}, t('tr.noticesEmpty')));
  const read = async (n: Notice) => {
    if (n.readAt) return;
    await api('POST', `/notices/${n.id}/read`);
    n.readAt = new Date().toISOString();
    refreshNoticeCount();
  };
  const list = el(
    'ul',
    { class: 'tr-notices' },
    ...items.map((n) => {
      const li = el('li', { class: n.readAt ? 'read' : 'unread' }, n.readAt ? null : el('strong', { class: 'tr-unread' }, t('tr.unreadTag') + ' · '), el('span', {}, n.text), ' ', el('small', {}, when(n.createdAt, lang())));
      if (n.articleId) {
        const a = el('a', { href: `${BASE}/articles/${n.articleId}/translate` }, t('tr.open'));
        a.addEventListener('click', () => void read(n));
        li.append(' ', a);
      }
      if (!n.readAt) {
        const b = button(t('tr.markRead'), async () => {
          await read(n);
          li.className = 'read';
          li.querySelector('.tr-unread')?.remove();
          b.remove();
          app.announce(t('tr.markRead'));
        });
        li.append(' ', b);
      }
      return li;
    }),
  );
  root.replaceChildren(list);
}
