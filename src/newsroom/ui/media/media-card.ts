// One library item: its thumbnail, its text fields (alt, credit, caption) to correct, and delete.
import type { Media } from '../../../domain/media.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { busy, button, el, field } from '../ingest/dom.ts';

type Messages = { error(err: unknown): void; info(text: string): void };

export function mediaCard(m: Media, msg: Messages, changed: () => Promise<void>): HTMLElement {
  const name = m.originalName || t('media.untitled', { id: m.id });
  const alt = el('input', { type: 'text', name: 'alt', value: m.alt, maxlength: 500 });
  const credit = el('input', { type: 'text', name: 'credit', value: m.credit, maxlength: 300 });
  const caption = el('input', { type: 'text', name: 'caption', value: m.caption, maxlength: 2000 });
  const save = el('button', { type: 'submit', 'aria-label': t('media.saveOf', { name }) }, t('media.save'));
  const remove = button(t('media.delete'), () => {
    void busy(remove, async () => {
      try {
        await api('DELETE', `/media/${m.id}`);
        msg.info(t('media.deleted', { name }));
        await changed();
      } catch (err) {
        msg.error(err);
      }
    });
  }, { 'aria-label': t('media.deleteOf', { name }) });
  const form = el('form', { class: 'media-card', 'aria-label': name },
    el('img', { src: m.thumbUrl, alt: m.alt, width: 160, loading: 'lazy' }),
    el('p', { class: 'media-meta' }, `${name} · ${m.width}×${m.height} · ${Math.round(m.bytes / 1024)} KB`),
    field(t('media.alt'), alt), field(t('media.credit'), credit), field(t('media.caption'), caption),
    el('div', { class: 'actions' }, save, remove));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(save, async () => {
      try {
        await api('PUT', `/media/${m.id}`, { alt: alt.value.trim(), credit: credit.value.trim(), caption: caption.value.trim() });
        msg.info(t('media.saved', { name }));
      } catch (err) {
        msg.error(err);
      }
    });
  });
  return form;
}
