// The body editor: Tiptap 3 on ProseMirror with the marks and blocks the sanitiser keeps. Pasted HTML never
// reaches the document as it came: it goes through the server's sanitiser (POST /api/sanitize), the same
// rule as stored bodies, and what comes back is inserted.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { api } from '../api.ts';
import { Embed, FigureImage } from './body-nodes.ts';

export interface BodyEditor {
  editor: Editor;
  html(): string;
  setHtml(html: string): void;
  destroy(): void;
}

const SAFE_LINK = /^(https?:|mailto:|\/|#)/i;

export function createBodyEditor(mount: HTMLElement, opts: { html: string; label: string; onChange: () => void; onError: (err: unknown) => void }): BodyEditor {
  let editor: Editor;
  let pasted: string | null = null;
  const pasteSanitised = async (html: string) => {
    try {
      const clean = await api<{ html: string }>('POST', '/sanitize', { html });
      if (clean.html) editor.chain().focus().insertContent(clean.html).run();
    } catch (err) {
      opts.onError(err);
    }
  };
  editor = new Editor({
    element: mount,
    content: opts.html,
    // Its styles are in prosemirror.css: the newsroom's CSP refuses the <style> element Tiptap would add.
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        codeBlock: false,
        link: {
          openOnClick: false,
          autolink: true,
          protocols: ['http', 'https', 'mailto'],
          defaultProtocol: 'https',
          isAllowedUri: (url) => SAFE_LINK.test(url),
        },
      }),
      FigureImage.configure({ inline: false, allowBase64: false }),
      Embed,
    ],
    editorProps: {
      attributes: { 'aria-label': opts.label, role: 'textbox', 'aria-multiline': 'true', class: 'body-editor' },
      // ProseMirror would parse the pasted HTML before handlePaste sees it; it gets nothing to parse, and the
      // HTML goes to the server's sanitiser instead (a clobbering payload cannot trip the parser either).
      transformPastedHTML: (html) => {
        pasted = html;
        return '';
      },
      handlePaste: (_view, event) => {
        const html = pasted ?? event.clipboardData?.getData('text/html');
        pasted = null;
        if (!html) return false; // plain text goes in as text
        event.preventDefault();
        void pasteSanitised(html);
        return true;
      },
      handleDrop: (_view, event, _slice, moved) => {
        // Dropped HTML from elsewhere would skip the sanitiser: refuse it (moving within the body is fine).
        if (moved) return false;
        const dt = (event as DragEvent).dataTransfer;
        return Boolean(dt && (dt.files.length || dt.types.includes('text/html')));
      },
    },
    onUpdate: () => opts.onChange(),
  });
  return {
    editor,
    html: () => (editor.isEmpty ? '' : editor.getHTML()),
    setHtml: (html) => editor.commands.setContent(html, { emitUpdate: false }),
    destroy: () => editor.destroy(),
  };
}
