// What the translate screens share: the server's languages and machine provider, language names and
// direction, status labels, the progress bar.
import { api } from '../api.ts';
import { lang, t } from '../i18n.ts';
import { el } from '../shell/forms.ts';
import type { TextChange } from '../../../domain/types.ts';
import type { Progress } from '../../../domain/translation.ts';

// The server's shapes (src/domain/translation.ts), under the names these screens use.
export type { Progress, TranslationView, SegmentComment as Comment } from '../../../domain/translation.ts';
export type Change = TextChange;

export interface TranslateConfig {
  languages: string[];
  defaultLanguage: string;
  machine: { provider: string } | null;
}

let config: Promise<TranslateConfig> | null = null;
export function translateConfig(): Promise<TranslateConfig> {
  config ??= api<TranslateConfig>('GET', '/translate/config').catch((err) => {
    config = null;
    throw err;
  });
  return config;
}

export { textDirection as dirOf } from '../../../domain/text-direction.ts';

/** "anglais", "English": a language's name in the interface's language. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([lang()], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export const doneCount = (p: Progress) => p.translated + p.reviewed;
export const percent = (p: Progress) => (p.total ? Math.round((doneCount(p) * 100) / p.total) : 0);

/** A labelled role=progressbar (native <progress> reads the same; the text beside it says the counts). */
export function progressBar(p: Progress, labelId?: string): HTMLElement {
  const pct = percent(p);
  const text = t('tr.progressText', { done: doneCount(p), total: p.total, pct });
  const bar = el('div', { class: 'tr-progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct, 'aria-valuetext': text, 'aria-labelledby': labelId ?? null, 'aria-label': labelId ? null : t('tr.progress') }, el('span', { class: 'tr-progress-fill' }));
  (bar.firstElementChild as HTMLElement).style.inlineSize = `${pct}%`;
  return el('div', { class: 'tr-progress-box' }, bar, el('span', { class: 'tr-progress-text' }, text));
}

export function statusTag(status: string, kind: 'tr.status' | 'tr.seg' = 'tr.status'): HTMLElement {
  return el('span', { class: `tr-status tr-status-${status}` }, t(`${kind}.${status}`));
}

/** A word diff as <ins>/<del> runs (text nodes only). */
export function diffView(changes: Change[], cls = 'tr-diff'): HTMLElement {
  return el('p', { class: cls }, ...changes.map((c) => (c.op === 'equal' ? c.text : el(c.op === 'insert' ? 'ins' : 'del', {}, c.text))));
}
