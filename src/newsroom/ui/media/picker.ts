// The image picker: upload a new image or choose one from the library, then say what it shows (alt), whose
// it is (credit) and its caption: all three are required before the image is used.
import type { Media } from '../../../domain/media.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { busy, button, el, field, messageArea, uid } from '../ingest/dom.ts';
import { openModal } from './dialog.ts';
import { uploadImage, type MediaText } from './upload.ts';
import './strings.ts';

export interface PickedImage extends MediaText {
  media: Media;
}

/** Resolves with the picked image, or null when the dialog is closed without one. */
export function pickImage(title: string): Promise<PickedImage | null> {
  return new Promise((resolve) => {
    let result: PickedImage | null = null;
    const modal = openModal(title, () => resolve(result));
    const msg = messageArea();
    const file = el('input', { type: 'file', name: 'file', accept: 'image/jpeg,image/png,image/webp,image/avif,image/gif' });
    const q = el('input', { type: 'search', name: 'q', autocomplete: 'off' });
    const choices = el('fieldset', { class: 'media-choices' }, el('legend', {}, t('media.chooseExisting')));
    const alt = el('input', { type: 'text', name: 'alt', required: true, maxlength: 500 });
    const credit = el('input', { type: 'text', name: 'credit', required: true, maxlength: 300 });
    const caption = el('input', { type: 'text', name: 'caption', required: true, maxlength: 1000 });
    let items: Media[] = [];
    const chosen = () => items.find((m) => m.id === Number((choices.querySelector('input:checked') as HTMLInputElement | null)?.value));

    const list = async () => {
      try {
        items = (await api<{ items: Media[] }>('GET', `/media?page=1&pageSize=24${q.value.trim() ? `&q=${encodeURIComponent(q.value.trim())}` : ''}`)).items;
      } catch (err) {
        return msg.error(err);
      }
      choices.replaceChildren(el('legend', {}, t('media.chooseExisting')));
      if (!items.length) choices.append(el('p', {}, t('media.none')));
      for (const m of items) {
        const radio = el('input', { type: 'radio', name: 'media', value: m.id, id: uid('pick') });
        radio.addEventListener('change', () => {
          file.value = '';
          alt.value = m.alt;
          credit.value = m.credit;
          caption.value = m.caption;
        });
        choices.append(el('div', { class: 'media-choice' }, radio,
          el('label', { for: radio.id }, el('img', { src: m.thumbUrl, alt: '', width: 96 }), m.alt || m.originalName || t('media.untitled', { id: m.id }))));
      }
    };
    file.addEventListener('change', () => {
      for (const r of choices.querySelectorAll<HTMLInputElement>('input[type=radio]')) r.checked = false;
    });
    q.addEventListener('input', () => void list());

    const use = el('button', { type: 'submit' }, t('media.useImage'));
    const form = el('form', { class: 'media-picker' },
      field(t('media.uploadNew'), file),
      field(t('media.search'), q),
      choices,
      field(t('media.alt'), alt, t('media.altHint')),
      field(t('media.credit'), credit),
      field(t('media.caption'), caption),
      msg.node,
      el('div', { class: 'actions' }, use, button(t('media.cancel'), () => modal.close())),
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void busy(use, async () => {
        const text = { alt: alt.value.trim(), credit: credit.value.trim(), caption: caption.value.trim() };
        try {
          const f = file.files?.[0];
          let media = chosen();
          if (f) media = await uploadImage(f, text);
          else if (!media) return msg.error(new Error(t('media.pickOne')));
          // The library item gets the text only where it has none: other articles may show it with theirs.
          else if (!media.alt || !media.credit) media = await api<Media>('PUT', `/media/${media.id}`, text);
          result = { media, ...text };
          modal.close();
        } catch (err) {
          msg.error(err);
        }
      });
    });
    modal.body.append(form);
    void list();
    file.focus();
  });
}
