// The review workflow: the translator submits; an editor, or a reviewer named for the language pair,
// comments, returns or approves; an editor publishes. Approved pairs go into the translation memory. Each
// step leaves a notice for whom it concerns.
import type { AppContext } from '../context.ts';
import { actorLabel, actorUserId, type Actor } from '../domain/accounts.ts';
import { can } from '../domain/permissions.ts';
import { ForbiddenError, InputError, NotFoundError } from '../domain/types.ts';
import { editArticle, publishArticle, submitArticle } from '../publish/articles.ts';
import { snapshotOf } from '../domain/article-snapshot.ts';
import { requireCan } from '../publish/guard.ts';
import { findSegment, insertComment, segmentsOf, updateSegment } from '../store/segments.ts';
import { atomically } from '../store/transaction.ts';
import { updateTranslation, type TranslationRow } from '../store/translations.ts';
import { remember } from './memory.ts';
import type { SegmentComment, TranslationView } from '../domain/translation.ts';
import { notify, reviewersOf, editors, type PendingMail } from './notices.ts';
import { reviewFacts } from './review-facts.ts';
import { saveFromSegments } from './rebuild-article.ts';
import { commentView } from './views.ts';
import { getTranslation, loadTranslation } from './workspace.ts';

const actorName = (a: Actor) => (a.kind === 'user' ? a.user.name : a.kind === 'token' ? (a.user?.name ?? a.name) : a.name);
const others = (ids: (number | null)[], actor: Actor) => ids.filter((id): id is number => id != null && id !== actorUserId(actor));

async function step(ctx: AppContext, id: number, fn: (tx: AppContext) => Promise<PendingMail | null>): Promise<TranslationView> {
  const mail = await atomically(ctx.store, (store) => fn({ ...ctx, store }));
  await mail?.send();
  return getTranslation(ctx, id);
}

/** The translator hands the translation to the editors (the article goes to 'review' when it is a draft). */
export async function submitTranslation(ctx: AppContext, id: number, actor: Actor): Promise<TranslationView> {
  return step(ctx, id, async (tx) => {
    const { t, article } = await loadTranslation(tx, id);
    requireCan(actor, 'article.submit', article);
    if (t.state === 'in-review') throw new InputError(`translation #${id} is already in review`, 'status', 409);
    if (t.state === 'approved' && !t.pending_update) throw new InputError(`translation #${id} is already approved`, 'status', 409);
    if (article.status === 'draft') await submitArticle(tx, id, actor);
    await updateTranslation(tx.store.db, id, { state: 'in-review', updated_at: tx.now().toISOString() });
    const to = (await reviewersOf(tx, t)).filter((uid) => uid !== t.translator_user_id);
    return notify(tx, others(to, actor), 'submitted', id, `${actorName(actor)} submitted the translation “${article.title}” (${t.source_language} → ${t.target_language}) for review.`);
  });
}

/** The reviewer sends it back to the translator, with an optional comment (kept on the translation). */
export async function returnTranslation(ctx: AppContext, id: number, input: { comment?: string }, actor: Actor): Promise<TranslationView> {
  requireCan(actor, 'translation.review');
  const comment = typeof input?.comment === 'string' ? input.comment.trim() : '';
  if (comment.length > 5000) throw new InputError('comment is longer than 5000 characters', 'comment');
  return step(ctx, id, async (tx) => {
    const { t, article } = await loadTranslation(tx, id);
    if (t.state !== 'in-review') throw new InputError(`only a translation in review can be returned (translation #${id} is ${t.state})`, 'status', 409);
    requireCan(actor, 'translation.review', await reviewFacts(tx, t, article));
    // A named reviewer may not edit the article: its move back to draft is the workflow's, made on their
    // behalf (and recorded as such) once the permission table has allowed the return.
    const mover: Actor = can(actor, 'article.edit', article) ? actor : { kind: 'system', name: `review by ${actorLabel(actor)}` };
    if (article.status === 'review') await editArticle(tx, id, { ...snapshotOf(article), status: 'draft' }, mover);
    const now = tx.now().toISOString();
    if (comment) await insertComment(tx.store.db, { article_id: id, segment_id: null, user_id: actorUserId(actor), author: actorName(actor), text: comment, created_at: now });
    await updateTranslation(tx.store.db, id, { state: 'in-translation', updated_at: now });
    return notify(tx, others([t.translator_user_id], actor), 'returned', id, `${actorName(actor)} returned the translation “${article.title}”${comment ? `: ${comment}` : ''}`);
  });
}

/** Approved pairs of the translation, for the memory. */
async function rememberApproved(tx: AppContext, t: TranslationRow): Promise<void> {
  const rows = await segmentsOf(tx.store.db, t.article_id);
  const done = rows.filter((r) => r.target_text.trim() && (r.status === 'translated' || r.status === 'reviewed'));
  await remember(tx, t.source_language, t.target_language, done.map((r) => ({ source: r.source_text, target: r.target_text, articleId: t.article_id })));
}

/**
 * The reviewer approves: every segment must have a target; translated segments become reviewed. A named
 * reviewer approves only a translation in review (an editor also one not submitted yet); when the approver
 * may not publish, the editors are told it is ready.
 */
export async function approveTranslation(ctx: AppContext, id: number, actor: Actor): Promise<TranslationView> {
  requireCan(actor, 'translation.review');
  return step(ctx, id, async (tx) => {
    const { t, article } = await loadTranslation(tx, id);
    if (t.state === 'approved') throw new InputError(`translation #${id} is already approved`, 'status', 409);
    requireCan(actor, 'translation.review', await reviewFacts(tx, t, article));
    const rows = await segmentsOf(tx.store.db, id);
    const missing = rows.filter((r) => r.status === 'untranslated').length;
    if (missing) throw new InputError(`${missing} segment${missing > 1 ? 's are' : ' is'} not translated yet`, 'status', 409);
    const now = tx.now().toISOString();
    for (const r of rows) if (r.status !== 'reviewed') await updateSegment(tx.store.db, r.id, { status: 'reviewed', updated_at: now });
    await rememberApproved(tx, t);
    await updateTranslation(tx.store.db, id, { state: 'approved', updated_at: now });
    const to = can(actor, 'article.publish') ? [t.translator_user_id] : [t.translator_user_id, ...(await editors(tx))];
    return notify(tx, others(to, actor), 'approved', id, `${actorName(actor)} approved the translation “${article.title}”${can(actor, 'article.publish') ? '' : ' (ready to publish)'}.`);
  });
}

/**
 * Publishes the translation from its segments: the way an update of a published translation goes live
 * (its text changed only in the segments until now). `at` schedules, as for any article.
 */
export async function publishTranslation(ctx: AppContext, id: number, actor: Actor, at?: string): Promise<TranslationView> {
  requireCan(actor, 'article.publish');
  return step(ctx, id, async (tx) => {
    const { t } = await loadTranslation(tx, id);
    await saveFromSegments(tx, t, actor);
    await publishArticle(tx, id, actor, at);
    await rememberApproved(tx, t);
    await updateTranslation(tx.store.db, id, { state: 'approved', pending_update: 0, updated_at: tx.now().toISOString() });
    return null;
  });
}

/** A comment on a segment (or on the whole translation when segmentId is null), by its translator, an editor or a named reviewer. */
export async function addComment(ctx: AppContext, id: number, segmentId: number | null, text: unknown, actor: Actor): Promise<SegmentComment> {
  const body = typeof text === 'string' ? text.trim() : '';
  if (!body) throw new InputError('text is required', 'text');
  if (body.length > 5000) throw new InputError('text is longer than 5000 characters', 'text');
  let comment: SegmentComment | null = null;
  const mail = await atomically(ctx.store, async (store) => {
    const tx: AppContext = { ...ctx, store };
    const { t, article } = await loadTranslation(tx, id);
    if (!can(actor, 'article.edit', article) && !can(actor, 'article.publish') && !can(actor, 'translation.review', await reviewFacts(tx, t, article)))
      throw new ForbiddenError('you may not comment on this translation');
    if (segmentId != null && !(await findSegment(store.db, id, segmentId))) throw new NotFoundError(`article #${id} has no segment ${segmentId}`);
    const row = await insertComment(store.db, { article_id: id, segment_id: segmentId, user_id: actorUserId(actor), author: actorName(actor), text: body, created_at: ctx.now().toISOString() });
    comment = commentView(row);
    const to = actorUserId(actor) === t.translator_user_id ? await reviewersOf(tx, t) : [t.translator_user_id];
    return notify(tx, others(to, actor), 'comment', id, `${actorName(actor)} commented on “${article.title}”: ${body.slice(0, 200)}`);
  });
  await mail.send();
  return comment!;
}
