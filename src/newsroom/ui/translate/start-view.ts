// The workspace address of an article that is not a translation: "Translate into…" and its translations.
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { el, section } from '../shell/forms.ts';
import type { TranslationView } from './common.ts';
import { translationsTable } from './list-table.ts';
import { startForm } from './start-form.ts';

export async function startView(root: HTMLElement, id: number, app: AppState): Promise<() => void> {
  const [article, list] = await Promise.all([
    api<{ id: number; title: string; language: string }>('GET', `/articles/${id}`),
    api<{ items: TranslationView[]; total: number }>('GET', `/articles/${id}/translations`),
  ]);
  const parts: Node[] = [el('p', {}, el('a', { href: `/newsroom/articles/${id}`, lang: article.language, dir: 'auto' }, article.title))];
  if (app.can('article.create')) parts.push(section(t('tr.start'), await startForm(app, article, list.items.map((v) => v.to))));
  parts.push(section(t('tr.existing'), list.items.length ? translationsTable(list.items, list.total) : el('p', {}, t('tr.noneYet'))));
  root.replaceChildren(...parts);
  return () => {};
}
