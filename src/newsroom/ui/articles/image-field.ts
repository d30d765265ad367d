// The featured image: chosen or uploaded through the media picker (alt, credit, caption required), with its
// focal point set by clicking on the picture (or typed as percentages, for the keyboard).
import type { ImageRef } from '../../../domain/types.ts';
import { t } from '../i18n.ts';
import { button, el, field } from '../ingest/dom.ts';
import { pickImage } from '../media/picker.ts';

export interface ImageField {
  node: HTMLElement;
  value(): ImageRef | null;
  fill(image: ImageRef | null): void;
}

/** Where the library serves a file (the API gives `url` for fresh picks; stored refs keep only `file`). */
function srcOf(image: ImageRef & { url?: string }): string {
  if (image.url) return image.url;
  return /^https?:\/\//.test(image.file) ? image.file : `/media/${image.file}`;
}

export function imageField(): ImageField {
  let image: (ImageRef & { url?: string }) | null = null;
  const node = el('fieldset', { class: 'image-field' }, el('legend', {}, t('editor.image')));
  const view = el('div', { class: 'image-view' });
  const fx = el('input', { type: 'number', name: 'focalX', min: 0, max: 100, step: 1 });
  const fy = el('input', { type: 'number', name: 'focalY', min: 0, max: 100, step: 1 });
  const changed = () => node.dispatchEvent(new Event('change', { bubbles: true }));

  const setFocal = (x: number, y: number) => {
    if (!image) return;
    const clamp = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 100) / 100;
    image = { ...image, focal: { x: clamp(x), y: clamp(y) } };
    draw();
    changed();
  };
  const draw = () => {
    if (!image) {
      view.replaceChildren(el('p', {}, t('editor.noImage')), button(t('editor.imageChoose'), () => void choose()));
      return;
    }
    const img = el('img', { src: srcOf(image), alt: image.alt, class: 'focal-target' });
    img.addEventListener('click', (ev) => {
      const r = img.getBoundingClientRect();
      setFocal((ev.clientX - r.left) / r.width, (ev.clientY - r.top) / r.height);
    });
    const f = image.focal ?? { x: 0.5, y: 0.5 };
    fx.value = String(Math.round(f.x * 100));
    fy.value = String(Math.round(f.y * 100));
    // Through the CSSOM: the newsroom's CSP refuses style attributes.
    const marker = el('span', { class: 'focal-marker', 'aria-hidden': 'true' });
    marker.style.left = `${f.x * 100}%`;
    marker.style.top = `${f.y * 100}%`;
    view.replaceChildren(
      el('div', { class: 'focal-frame' }, img, marker),
      el('p', { class: 'image-text' }, `${image.alt} — ${image.credit ?? ''}${image.caption ? ` — ${image.caption}` : ''}`),
      el('p', { class: 'hint' }, t('editor.focalHint')),
      el('div', { class: 'focal-inputs' }, field(t('editor.focalX'), fx), field(t('editor.focalY'), fy)),
      el('div', { class: 'actions' }, button(t('editor.imageReplace'), () => void choose()), button(t('editor.imageRemove'), () => ((image = null), draw(), changed()))),
    );
  };
  const typed = () => setFocal(Number(fx.value) / 100, Number(fy.value) / 100);
  fx.addEventListener('change', typed);
  fy.addEventListener('change', typed);

  const choose = async () => {
    const picked = await pickImage(t('editor.imageChoose'));
    if (!picked) return;
    const m = picked.media;
    image = { file: m.file, url: m.url, alt: picked.alt, credit: picked.credit, caption: picked.caption || null, width: m.width, height: m.height, mediaId: m.id, focal: null };
    draw();
    changed();
  };
  node.append(view);
  draw();
  return {
    node,
    value: () => {
      if (!image) return null;
      const { url: _url, ...ref } = image;
      return ref;
    },
    fill: (v) => ((image = v ? { ...v } : null), draw()),
  };
}
