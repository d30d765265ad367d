// The body's toolbar: one labelled button per command, aria-pressed telling whether it applies where the
// cursor is. A toolbar (role=toolbar) is one tab stop; arrow keys move between its buttons.
import type { Editor } from '@tiptap/core';
import { t } from '../i18n.ts';
import { el } from '../ingest/dom.ts';
import { pickImage } from '../media/picker.ts';
import { askEmbed, askLink } from './link-dialog.ts';

interface Tool {
  key: string;
  text: string;
  run(editor: Editor): void | Promise<void>;
  active?(editor: Editor): boolean;
}

const TOOLS: Tool[] = [
  { key: 'h2', text: 'H2', run: (e) => void e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive('heading', { level: 2 }) },
  { key: 'h3', text: 'H3', run: (e) => void e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive('heading', { level: 3 }) },
  { key: 'bold', text: 'B', run: (e) => void e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
  { key: 'italic', text: 'I', run: (e) => void e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
  {
    key: 'link',
    text: '↗',
    active: (e) => e.isActive('link'),
    run: async (e) => {
      const href = await askLink((e.getAttributes('link').href as string | undefined) ?? '');
      if (href === null) return void e.commands.focus();
      if (href === '') return void e.chain().focus().extendMarkRange('link').unsetLink().run();
      e.chain().focus().extendMarkRange('link').setLink({ href }).run();
    },
  },
  { key: 'bullets', text: '•', run: (e) => void e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
  { key: 'numbers', text: '1.', run: (e) => void e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
  { key: 'quote', text: '“', run: (e) => void e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive('blockquote') },
  {
    key: 'image',
    text: '▦',
    run: async (e) => {
      const picked = await pickImage(t('editor.tool.image'));
      if (!picked) return void e.commands.focus();
      const { media, alt, credit, caption } = picked;
      e.chain().focus().insertContent({ type: 'image', attrs: { src: media.url, alt, width: media.width, height: media.height, caption, credit } }).run();
    },
  },
  {
    key: 'embed',
    text: '▶',
    run: async (e) => {
      const embed = await askEmbed();
      if (!embed) return void e.commands.focus();
      e.chain().focus().insertContent({ type: 'embed', attrs: embed }).run();
    },
  },
];

export function toolbar(editor: Editor): HTMLElement {
  const bar = el('div', { role: 'toolbar', 'aria-label': t('editor.toolbar'), class: 'toolbar' });
  const buttons = TOOLS.map((tool, i) => {
    // The glyph is drawn by CSS (::before): the button's name is its label, and there is no second, visible text to disagree with it.
    const b = el('button', { type: 'button', 'aria-label': t(`editor.tool.${tool.key}`), title: t(`editor.tool.${tool.key}`), tabindex: i === 0 ? 0 : -1, 'data-tool': tool.key, 'data-glyph': tool.text });
    if (tool.active) b.setAttribute('aria-pressed', 'false');
    // A pointer press leaves focus (and the selection) in the body: Tiptap refocuses it only on the next frame, and a
    // key typed before then would land on the button, where a space presses it again.
    b.addEventListener('mousedown', (ev) => ev.preventDefault());
    b.addEventListener('click', () => void tool.run(editor));
    return b;
  });
  bar.append(...buttons);
  bar.addEventListener('keydown', (ev) => {
    const i = buttons.indexOf(ev.target as HTMLButtonElement);
    if (i < 0) return;
    const to = ev.key === 'ArrowRight' ? (i + 1) % buttons.length : ev.key === 'ArrowLeft' ? (i - 1 + buttons.length) % buttons.length : ev.key === 'Home' ? 0 : ev.key === 'End' ? buttons.length - 1 : -1;
    if (to < 0) return;
    ev.preventDefault();
    buttons[i].tabIndex = -1;
    buttons[to].tabIndex = 0;
    buttons[to].focus();
  });
  const sync = () => TOOLS.forEach((tool, i) => tool.active && buttons[i].setAttribute('aria-pressed', String(tool.active(editor))));
  editor.on('transaction', sync);
  sync();
  return bar;
}
