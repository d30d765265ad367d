// What the permission table needs to decide whether an account may review a translation: its state, its
// translator and the reviewers named for its pair (src/domain/permissions.ts, 'translation.review').
import type { AppContext } from '../context.ts';
import type { ArticleFacts } from '../domain/permissions.ts';
import type { Article } from '../domain/types.ts';
import { reviewerIdsOf } from '../store/reviewers.ts';
import type { TranslationRow } from '../store/translations.ts';

export async function reviewFacts(ctx: AppContext, t: TranslationRow, article: Article): Promise<ArticleFacts> {
  const reviewerIds = await reviewerIdsOf(ctx.store.db, t.source_language, t.target_language);
  return { ...article, review: { state: t.state, translatorUserId: t.translator_user_id, reviewerIds } };
}
