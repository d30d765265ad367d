// The workspace's keyboard: Alt+N next untranslated segment, Ctrl+Enter mark translated and go on,
// Alt+C copy the source. Listed on screen (and as aria-keyshortcuts on the buttons).
import { t } from '../i18n.ts';
import { el, section } from '../shell/forms.ts';
import type { Row } from './segment-row.ts';

export function shortcuts(): HTMLElement {
  return section(t('tr.shortcuts'), el('ul', { class: 'tr-shortcuts' }, ...['tr.sc.next', 'tr.sc.confirm', 'tr.sc.copy', 'tr.sc.save'].map((k) => el('li', {}, t(k)))));
}

export function workspaceKeys(grid: HTMLElement, rows: Row[]): () => void {
  const current = () => rows.findIndex((r) => r.node.contains(document.activeElement));
  const focus = (r: Row | undefined) => {
    if (!r) return;
    r.target.focus();
    r.node.scrollIntoView({ block: 'nearest' });
  };
  const nextUntranslated = (from: number) => {
    const after = [...rows.slice(from + 1), ...rows.slice(0, from + 1)];
    return after.find((r) => r.seg.status === 'untranslated' || !r.target.value.trim());
  };
  const onKey = (ev: KeyboardEvent) => {
    const i = current();
    if (ev.altKey && !ev.ctrlKey && ev.code === 'KeyN') {
      ev.preventDefault();
      focus(nextUntranslated(i));
    } else if (ev.altKey && !ev.ctrlKey && ev.code === 'KeyC' && i >= 0) {
      ev.preventDefault();
      rows[i].copySource();
    } else if ((ev.ctrlKey || ev.metaKey) && ev.key === 'Enter' && i >= 0) {
      ev.preventDefault();
      void rows[i].confirm().then((ok) => ok && focus(nextUntranslated(i) ?? rows[i + 1]));
    }
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
