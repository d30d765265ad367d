// Whether the signed-in user may return or approve this translation: the server's permission table
// ('translation.review') asked with the translation's facts, so the buttons match what the server allows.
import { can } from '../../../domain/permissions.ts';
import type { Article } from '../../../domain/types.ts';
import type { AppState } from '../screens.ts';
import type { TranslationView } from './common.ts';

export function mayReview(v: TranslationView, app: AppState): boolean {
  const translatorIds = v.translator?.personId != null ? [v.translator.personId] : [];
  const review = { state: v.status, translatorUserId: v.translator?.userId ?? null, reviewerIds: v.reviewerIds };
  return can({ kind: 'user', user: app.user }, 'translation.review', { status: v.articleStatus as Article['status'], translatorIds, review });
}
