// Labelled fields and error display every newsroom screen can reuse. Text always goes in as text nodes
// (never HTML), so nothing a user or the server sent can become markup.
import { ApiError } from '../api.ts';

export type Child = Node | string | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

let serial = 0;
/** A page-unique id (`prefix-N`). */
export function uid(prefix = 'f'): string {
  return `${prefix}-${++serial}`;
}

export interface FieldOptions {
  label: string;
  /** The name the server uses for the field (ApiError.field), so its error lands on this control. */
  name: string;
  type?: string;
  value?: string;
  required?: boolean;
  autocomplete?: string;
  hint?: string;
  attrs?: Attrs;
}

function wrap(label: string, control: HTMLElement, hint?: string): HTMLDivElement {
  if (!control.id) control.id = uid('f');
  const box = el('div', { class: 'field' }, el('label', { for: control.id }, label), control);
  if (hint) {
    const h = el('small', { id: uid('hint'), class: 'hint' }, hint);
    control.setAttribute('aria-describedby', h.id);
    control.dataset.hint = h.id;
    box.append(h);
  }
  return box;
}

/** `<div class=field><label>…</label><input></div>`; returns the wrapper and the input. */
export function textField(o: FieldOptions): { field: HTMLDivElement; input: HTMLInputElement } {
  const input = el('input', { type: o.type ?? 'text', name: o.name, required: o.required, autocomplete: o.autocomplete, ...o.attrs });
  if (o.value !== undefined) input.value = o.value;
  return { field: wrap(o.label, input, o.hint), input };
}

export function textArea(o: FieldOptions & { rows?: number }): { field: HTMLDivElement; input: HTMLTextAreaElement } {
  const input = el('textarea', { name: o.name, required: o.required, rows: o.rows ?? 4, ...o.attrs });
  if (o.value !== undefined) input.value = o.value;
  return { field: wrap(o.label, input, o.hint), input };
}

/** `options`: [value, label] pairs. */
export function selectField(o: FieldOptions & { options: Array<[string, string]> }): { field: HTMLDivElement; input: HTMLSelectElement } {
  // The given value is the default too (`selected`), so form.reset() comes back to it, not to the first option.
  const input = el('select', { name: o.name, required: o.required, ...o.attrs }, ...o.options.map(([v, l]) => el('option', { value: v, selected: v === o.value }, l)));
  if (o.value !== undefined) input.value = o.value;
  return { field: wrap(o.label, input, o.hint), input };
}

export function checkboxField(o: { label: string; name: string; checked?: boolean; hint?: string }): { field: HTMLDivElement; input: HTMLInputElement } {
  const input = el('input', { type: 'checkbox', name: o.name });
  input.checked = !!o.checked;
  input.id = uid('f');
  const box = el('div', { class: 'field checkbox' }, input, el('label', { for: input.id }, o.label));
  if (o.hint) {
    const h = el('small', { id: uid('hint'), class: 'hint' }, o.hint);
    input.setAttribute('aria-describedby', h.id);
    input.dataset.hint = h.id;
    box.append(h);
  }
  return { field: box, input };
}

export function button(text: string, onClick: (ev: MouseEvent) => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, text);
  b.addEventListener('click', onClick);
  return b;
}

/** The server's own message (it names the reason), else the error's text. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

/** The form's message area (created on first use, at the top of the form). */
function messageBox(form: HTMLElement): HTMLElement {
  let box = form.querySelector<HTMLElement>(':scope > .form-messages');
  if (!box) {
    box = el('div', { class: 'form-messages' });
    form.prepend(box);
  }
  return box;
}

/** Removes the form's messages and every field's invalid mark. */
export function clearErrors(form: HTMLElement): void {
  form.querySelector(':scope > .form-messages')?.replaceChildren();
  for (const c of form.querySelectorAll<HTMLElement>('[aria-invalid="true"]')) {
    c.removeAttribute('aria-invalid');
    const hint = c.dataset.hint;
    if (hint) c.setAttribute('aria-describedby', hint);
    else c.removeAttribute('aria-describedby');
  }
}

/**
 * Shows an error in the form (role=alert). When the server names a field (ApiError.field) and the form has a
 * control of that name, the control is marked aria-invalid, described by the message, and focused.
 */
export function showError(form: HTMLElement, err: unknown, fieldNames: Record<string, string> = {}): void {
  clearErrors(form);
  const msg = el('p', { role: 'alert', class: 'error', id: uid('err') }, errorText(err));
  messageBox(form).replaceChildren(msg);
  const field = err instanceof ApiError ? err.field : null;
  const name = field ? (fieldNames[field] ?? field) : null;
  const control = name ? form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`) : null;
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [msg.id, control.dataset.hint].filter(Boolean).join(' '));
    control.focus();
  }
}

/** A message that is not an error (role=status), in the form's message area. */
export function showInfo(form: HTMLElement, text: string): void {
  clearErrors(form);
  messageBox(form).replaceChildren(el('p', { role: 'status', class: 'info' }, text));
}

/**
 * Wires a form's submit: runs `work` with its submit buttons disabled and busy, shows any error with
 * showError. `work` gets the form's values by name. `fieldNames` maps a server field name to the control's
 * name where they differ (e.g. `{ password: 'newPassword' }`).
 */
export function onSubmit(form: HTMLFormElement, work: (values: Record<string, string>) => Promise<void>, fieldNames: Record<string, string> = {}): void {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const buttons = [...form.querySelectorAll<HTMLButtonElement>('button[type=submit]')];
    for (const b of buttons) {
      b.disabled = true;
      b.setAttribute('aria-busy', 'true');
    }
    clearErrors(form);
    try {
      const values: Record<string, string> = {};
      for (const [k, v] of new FormData(form)) if (typeof v === 'string') values[k] = v;
      await work(values);
    } catch (err) {
      showError(form, err, fieldNames);
    } finally {
      for (const b of buttons) {
        b.disabled = false;
        b.removeAttribute('aria-busy');
      }
    }
  });
}

/** A heading-led section: `<section aria-labelledby><h2>title</h2>…</section>`. */
export function section(title: string, ...children: Child[]): HTMLElement {
  const h = el('h2', { id: uid('h') }, title);
  return el('section', { 'aria-labelledby': h.id }, h, ...children);
}

/** A table with a caption and column headings scoped to their columns. */
export function table(caption: string, headings: string[], rows: Child[][]): HTMLTableElement {
  return el(
    'table',
    {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...headings.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, c))))),
  );
}

/** A date and time in the interface's language. */
export function when(iso: string | null | undefined, lang: string, none = '—'): string {
  if (!iso) return none;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A value to copy (a new token, an invitation link): a labelled read-only field, selected on focus, and a
 * Copy button that says "Copied." through `announce`.
 */
export function copyable(label: string, value: string, copyText: string, copiedText: string, announce: (m: string) => void): HTMLDivElement {
  const { field, input } = textField({ label, name: 'copy', value, attrs: { readonly: true, spellcheck: 'false', class: 'copy-value' } });
  input.addEventListener('focus', () => input.select());
  const b = button(copyText, async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      document.execCommand?.('copy');
    }
    announce(copiedText);
  });
  b.setAttribute('aria-label', `${copyText}: ${label}`);
  field.append(b);
  return field;
}
