// A translator (or reviewer) saves one segment: the target is checked against the source's placeholders,
// the segment's status and origin recorded, and the article saved from its segments, unless the article
// is live: a published translation keeps its text until the update is published (review.ts).
import type { AppContext } from '../context.ts';
import { actorUserId, type Actor } from '../domain/accounts.ts';
import { can } from '../domain/permissions.ts';
import { ForbiddenError, InputError, NotFoundError } from '../domain/types.ts';
import { requireCan } from '../publish/guard.ts';
import { findSegment, updateSegment } from '../store/segments.ts';
import { atomically } from '../store/transaction.ts';
import { updateTranslation } from '../store/translations.ts';
import { remember } from './memory.ts';
import { SEGMENT_STATUSES, type SegmentStatus, type SegmentView, type TranslationView } from '../domain/translation.ts';
import { placeholderProblem } from './placeholders.ts';
import { saveFromSegments } from './rebuild-article.ts';
import { markupOf } from './views.ts';
import { getSegments, getTranslation, loadTranslation } from './workspace.ts';

export const ORIGINS = ['human', 'memory', 'machine'] as const;
export const MAX_SEGMENT_CHARS = 20_000;

export interface SegmentChange {
  target: string;
  status?: SegmentStatus;
  /** Where the text came from: 'machine' when a machine suggestion was accepted (recorded and disclosed). */
  origin?: (typeof ORIGINS)[number];
}

function check(change: SegmentChange): void {
  if (change == null || typeof change !== 'object') throw new InputError('a JSON object {target, status} is required');
  if (typeof change.target !== 'string') throw new InputError('target is required (a string, empty for none)', 'target');
  if (change.target.length > MAX_SEGMENT_CHARS) throw new InputError(`target is longer than ${MAX_SEGMENT_CHARS} characters`, 'target');
  if (change.status !== undefined && !(SEGMENT_STATUSES as readonly string[]).includes(change.status))
    throw new InputError(`status must be one of ${SEGMENT_STATUSES.join(', ')}`, 'status');
  if (change.origin !== undefined && !(ORIGINS as readonly string[]).includes(change.origin)) throw new InputError(`origin must be one of ${ORIGINS.join(', ')}`, 'origin');
}

export interface SegmentSaved {
  segment: SegmentView;
  translation: TranslationView;
  article: { id: number; version: number | undefined; status: string };
}

export async function saveSegment(ctx: AppContext, articleId: number, segmentId: number, change: SegmentChange, actor: Actor, env: NodeJS.ProcessEnv = process.env): Promise<SegmentSaved> {
  check(change);
  const article = await atomically(ctx.store, async (store) => {
    const tx: AppContext = { ...ctx, store };
    const { t, article } = await loadTranslation(tx, articleId);
    requireCan(actor, 'article.edit', article);
    const seg = await findSegment(store.db, articleId, segmentId);
    if (!seg) throw new NotFoundError(`article #${articleId} has no segment ${segmentId}`);
    const target = change.target.replace(/\r\n?/g, '\n').replace(/[ \t]*\n[ \t]*/g, seg.kind === 'code' ? '\n' : ' ').trim();
    const problem = placeholderProblem(target, markupOf(seg));
    if (problem) throw new InputError(problem, 'target');
    if (!target && change.status && change.status !== 'untranslated') throw new InputError(`an empty target is untranslated, not ${change.status}`, 'status');
    if (target && change.status === 'untranslated') throw new InputError('a segment with a target is draft, translated or reviewed, not untranslated (send an empty target to clear it)', 'status');
    const status: SegmentStatus = !target ? 'untranslated' : (change.status ?? (seg.status === 'untranslated' ? 'draft' : (seg.status as SegmentStatus)));
    if (status === 'reviewed' && seg.status !== 'reviewed' && !can(actor, 'article.publish'))
      throw new ForbiddenError('only an editor or the owner may mark a segment reviewed');
    const now = ctx.now().toISOString();
    const machine = change.origin === 'machine' && target !== '';
    const origin = !target ? null : machine ? 'machine' : (change.origin ?? (target === seg.target_text ? seg.origin : 'human'));
    await updateSegment(store.db, seg.id, {
      target_text: target, status, origin, source_changed: 0, previous_source_text: null, updated_by: actorUserId(actor), updated_at: now,
    });
    if (status === 'reviewed') await remember(tx, t.source_language, t.target_language, [{ source: seg.source_text, target, articleId }]);
    const set: Parameters<typeof updateTranslation>[2] = { updated_at: now };
    if (machine) {
      const provider = seg.mt_provider ?? env.RELAIS_MT ?? 'machine';
      const known = t.machine_provider ? t.machine_provider.split(', ') : [];
      if (!known.includes(provider)) set.machine_provider = [...known, provider].join(', ');
    }
    const live = article.status === 'published' || article.status === 'scheduled';
    // A change after approval (or to a published text) is work again, to be submitted and approved.
    if (t.state === 'to-translate' || t.state === 'approved') set.state = 'in-translation';
    if (live) set.pending_update = 1;
    await updateTranslation(store.db, articleId, set);
    return live ? article : saveFromSegments(tx, { ...t, ...set }, actor);
  });
  const segment = (await getSegments(ctx, articleId)).find((s) => s.id === segmentId)!;
  return { segment, translation: await getTranslation(ctx, articleId), article: { id: article.id, version: article.version, status: article.status } };
}
