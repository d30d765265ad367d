// A modal dialog on the native <dialog> element: it traps focus, closes on Escape and gives focus back to
// whatever opened it. Named by its heading (aria-labelledby).
import { el, uid } from '../ingest/dom.ts';

export interface Modal {
  node: HTMLDialogElement;
  body: HTMLDivElement;
  close(): void;
}

export function openModal(title: string, onClose?: () => void): Modal {
  const opener = document.activeElement as HTMLElement | null;
  const h = el('h2', { id: uid('dlg') }, title);
  const body = el('div', { class: 'dialog-body' });
  const node = el('dialog', { 'aria-labelledby': h.id, class: 'modal' }, h, body);
  document.body.append(node);
  let closed = false;
  const finish = () => {
    if (closed) return;
    closed = true;
    node.remove();
    opener?.focus?.();
    onClose?.();
  };
  node.addEventListener('close', finish);
  node.showModal();
  return { node, body, close: () => (node.open ? node.close() : finish()) };
}
