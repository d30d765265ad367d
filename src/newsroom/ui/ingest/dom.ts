// What the ingest and people screens add to shell/forms.ts (whose el/uid/button they use): a field around a
// control built elsewhere, a message area, dates, inert HTML-to-text. Text always goes in as text nodes.
import { ApiError } from '../api.ts';
import { lang, t } from '../i18n.ts';
import { el, uid } from '../shell/forms.ts';

export { button, el, uid } from '../shell/forms.ts';

/** A labelled control: `<div class="field"><label for=id>…</label> control [hint]</div>`. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLDivElement {
  if (!control.id) control.id = uid('f');
  const wrap = el('div', { class: 'field' }, el('label', { for: control.id }, label), control);
  if (hint) {
    const h = el('small', { id: uid('hint'), class: 'hint' }, hint);
    control.setAttribute('aria-describedby', h.id);
    wrap.append(h);
  }
  return wrap;
}

/** The server's own message for a failed request (it names the reason), else the error's text. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.field ? `${err.message} (${err.field})` : err.message;
  return err instanceof Error ? err.message : String(err);
}

/** A region that shows one message at a time: errors as role=alert, the rest as role=status. */
export function messageArea(): { node: HTMLDivElement; error(err: unknown): void; info(text: string): void; clear(): void } {
  const node = el('div', { class: 'messages' });
  const show = (role: string, cls: string, text: string) => node.replaceChildren(el('p', { role, class: cls }, text));
  return {
    node,
    error: (err) => show('alert', 'error', errorText(err)),
    info: (text) => show('status', 'info', text),
    clear: () => node.replaceChildren(),
  };
}

export function time(iso: string | null | undefined): string {
  if (!iso) return t('ingest.never');
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** The text of sanitised HTML, read in an inert document (nothing in it loads or runs). */
export function textOf(html: string | null | undefined): string {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Runs `work` with the button disabled and marked busy, so a double click does not send twice. */
export async function busy<T>(b: HTMLButtonElement, work: () => Promise<T>): Promise<T> {
  b.disabled = true;
  b.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    b.disabled = false;
    b.removeAttribute('aria-busy');
  }
}
