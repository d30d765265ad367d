// The translations list: by status and target language, newest change first; "Translate into…" above it.
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { el, section, selectField } from '../shell/forms.ts';
import { languageName, translateConfig, type TranslationView } from './common.ts';
import { translationsTable } from './list-table.ts';
import { startForm } from './start-form.ts';

const STATUSES = ['to-translate', 'in-translation', 'in-review', 'approved', 'published'];

export async function render(root: HTMLElement, _params: Record<string, string>, app: AppState): Promise<void> {
  const cfg = await translateConfig();
  const q = new URLSearchParams(location.search);
  const status = selectField({ label: t('tr.filterStatus'), name: 'status', value: q.get('status') ?? '', options: [['', t('tr.any')], ...STATUSES.map((s): [string, string] => [s, t('tr.status.' + s)])] });
  const language = selectField({ label: t('tr.filterLanguage'), name: 'language', value: q.get('language') ?? '', options: [['', t('tr.any')], ...cfg.languages.map((l): [string, string] => [l, languageName(l)])] });
  const filters = el('form', { class: 'tr-filters', role: 'search', 'aria-label': t('tr.filterStatus') }, status.field, language.field, el('button', { type: 'submit' }, t('tr.apply')));
  const results = el('div', { class: 'tr-results' });
  async function load() {
    const p = new URLSearchParams({ pageSize: '100' });
    if (status.input.value) p.set('status', status.input.value);
    if (language.input.value) p.set('language', language.input.value);
    const page = await api<{ items: TranslationView[]; total: number }>('GET', `/translations?${p}`);
    results.replaceChildren(translationsTable(page.items, page.total));
  }
  filters.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    if (status.input.value) p.set('status', status.input.value);
    if (language.input.value) p.set('language', language.input.value);
    history.replaceState(null, '', location.pathname + (p.size ? `?${p}` : ''));
    void load();
  });
  const parts: Node[] = [];
  if (app.can('article.create')) parts.push(section(t('tr.start'), await startForm(app, null)));
  parts.push(section(t('nav.translations'), filters, results));
  root.replaceChildren(...parts);
  await load();
}
