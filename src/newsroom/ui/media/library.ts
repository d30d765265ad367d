// /newsroom/media: the media library. Upload an image (with its alt, credit, caption), see the library as
// thumbnails, search it, correct an item's text, delete an item (refused by the server while an article shows it).
import type { Media } from '../../../domain/media.ts';
import type { Page } from '../../../domain/types.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { busy, button, el, field, messageArea } from '../ingest/dom.ts';
import { mediaCard } from './media-card.ts';
import { uploadImage } from './upload.ts';
import './strings.ts';

const PAGE_SIZE = 24;

export async function render(root: HTMLElement, _params: Record<string, string>, app: AppState): Promise<void> {
  const msg = messageArea();
  const file = el('input', { type: 'file', name: 'file', required: true, accept: 'image/jpeg,image/png,image/webp,image/avif,image/gif' });
  const alt = el('input', { type: 'text', name: 'alt', required: true, maxlength: 500 });
  const credit = el('input', { type: 'text', name: 'credit', required: true, maxlength: 300 });
  const caption = el('input', { type: 'text', name: 'caption', maxlength: 2000 });
  const send = el('button', { type: 'submit' }, t('media.upload'));
  const drop = el('div', { class: 'drop-zone' }, t('media.dropHint'));
  const upload = el('form', { class: 'media-upload', 'aria-labelledby': 'media-up-h' },
    el('h2', { id: 'media-up-h' }, t('media.uploadHeading')),
    field(t('media.file'), file, t('media.fileHint')), drop,
    field(t('media.alt'), alt, t('media.altHint')), field(t('media.credit'), credit), field(t('media.caption'), caption), send);

  const q = el('input', { type: 'search', name: 'q', autocomplete: 'off' });
  const grid = el('ul', { class: 'media-grid' });
  const pager = el('nav', { 'aria-label': t('media.pages') });
  let page = 1;

  const refresh = async () => {
    try {
      const qs = `page=${page}&pageSize=${PAGE_SIZE}${q.value.trim() ? `&q=${encodeURIComponent(q.value.trim())}` : ''}`;
      const res = await api<Page<Media>>('GET', `/media?${qs}`);
      grid.replaceChildren(...res.items.map((m) => el('li', {}, mediaCard(m, msg, refresh))));
      if (!res.items.length) grid.replaceChildren(el('li', {}, t('media.none')));
      const pages = Math.max(1, Math.ceil(res.total / PAGE_SIZE));
      const prev = button(t('media.prev'), () => ((page -= 1), void refresh()), { disabled: page <= 1 });
      const next = button(t('media.next'), () => ((page += 1), void refresh()), { disabled: page >= pages });
      pager.replaceChildren(prev, el('span', {}, t('media.pageOf', { page, pages, total: res.total })), next);
    } catch (err) {
      msg.error(err);
    }
  };

  drop.addEventListener('dragover', (ev) => ev.preventDefault());
  drop.addEventListener('drop', (ev) => {
    ev.preventDefault();
    if (ev.dataTransfer?.files.length) file.files = ev.dataTransfer.files;
  });
  upload.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = file.files?.[0];
    if (!f) return;
    void busy(send, async () => {
      try {
        const m = await uploadImage(f, { alt: alt.value.trim(), credit: credit.value.trim(), caption: caption.value.trim() });
        upload.reset();
        msg.info(t('media.uploaded', { name: m.originalName || m.file }));
        app.announce(t('media.uploaded', { name: m.originalName || m.file }));
        page = 1;
        await refresh();
      } catch (err) {
        msg.error(err);
      }
    });
  });
  q.addEventListener('input', () => ((page = 1), void refresh()));

  const canUpload = app.can('media.upload');
  root.replaceChildren(
    canUpload ? upload : '',
    msg.node,
    el('section', { 'aria-labelledby': 'media-list-h' }, el('h2', { id: 'media-list-h' }, t('media.listHeading')), field(t('media.search'), q), grid, pager),
  );
  await refresh();
}
