// The body's two special nodes. An image is a <figure> with its alt text, caption and credit (the credit
// in <small>, which the sanitiser keeps, so the stored HTML reads back the same). An embed is an <iframe>
// from an allowed host; in the editor it shows as a labelled box, not a live frame.
import { Node } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { embedSrc } from './embed-hosts.ts';

export const FigureImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      caption: { default: null, rendered: false },
      credit: { default: null, rendered: false },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (node: HTMLElement) => {
          const img = node.querySelector('img');
          if (!img?.getAttribute('src')) return false;
          const cap = node.querySelector('figcaption');
          const small = cap?.querySelector('small');
          const credit = small?.textContent?.trim() || null;
          small?.remove();
          return { src: img.getAttribute('src'), alt: img.getAttribute('alt'), width: img.getAttribute('width'), height: img.getAttribute('height'), caption: cap?.textContent?.trim() || null, credit };
        },
      },
      ...(this.parent?.() ?? []),
    ];
  },
  renderHTML({ node, HTMLAttributes }) {
    const { caption, credit } = node.attrs as { caption: string | null; credit: string | null };
    if (!caption && !credit) return ['img', HTMLAttributes];
    const text: (string | [string, Record<string, string>, string])[] = [];
    if (caption) text.push(caption);
    if (caption && credit) text.push(' ');
    if (credit) text.push(['small', {}, credit]);
    return ['figure', {}, ['img', HTMLAttributes], ['figcaption', {}, ...text]];
  },
});

export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { src: { default: null }, title: { default: null } };
  },
  parseHTML() {
    return [{ tag: 'iframe[src]', getAttrs: (node: HTMLElement) => (embedSrc(node.getAttribute('src') ?? '') ? { src: node.getAttribute('src'), title: node.getAttribute('title') } : false) }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['iframe', { src: HTMLAttributes.src, title: HTMLAttributes.title ?? '', width: '560', height: '315', allowfullscreen: 'true' }];
  },
  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('div');
      dom.className = 'embed-placeholder';
      dom.setAttribute('role', 'img');
      const label = `${node.attrs.title || 'embed'} — ${new URL(node.attrs.src).hostname}`;
      dom.setAttribute('aria-label', label);
      dom.textContent = label;
      return { dom };
    };
  },
});
