// "My work": the translations assigned to the signed-in user, and those awaiting their review (as an editor,
// or as a reviewer named for the pair).
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { el, section } from '../shell/forms.ts';
import type { TranslationView } from './common.ts';
import { translationsTable } from './list-table.ts';

type Page = { items: TranslationView[]; total: number };

export async function render(root: HTMLElement, _params: Record<string, string>, app: AppState): Promise<void> {
  const [mine, toReview] = await Promise.all([
    api<Page>('GET', '/translations?assignee=me&pageSize=100'),
    app.can('translation.review') ? api<Page>('GET', '/translations?reviewer=me&pageSize=100') : null,
  ]);
  const reviewPart = toReview && (toReview.total > 0 || app.can('article.publish')) ? section(t('tr.toReview'), el('p', {}, t('tr.toReviewIntro')), translationsTable(toReview.items, toReview.total)) : null;
  root.replaceChildren(...(reviewPart ? [reviewPart] : []), section(t('tr.mineAssigned'), el('p', {}, t('tr.mineIntro')), translationsTable(mine.items, mine.total)));
}
