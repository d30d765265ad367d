// "My work": the translations assigned to the signed-in user.
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { el } from '../shell/forms.ts';
import type { TranslationView } from './common.ts';
import { translationsTable } from './list-table.ts';

export async function render(root: HTMLElement): Promise<void> {
  const page = await api<{ items: TranslationView[]; total: number }>('GET', '/translations?assignee=me&pageSize=100');
  root.replaceChildren(el('p', {}, t('tr.mineIntro')), translationsTable(page.items, page.total));
}
