// Article operations: the one place where articles are created, changed and published.
// The API, the CLI, the importer and the demo all call these, each naming who acts: every operation asks
// the permission table with the article it loaded, writes a revision, and audits publishing decisions,
// all in one transaction.
import type { AppContext } from '../context.ts';
import { actorUserId, type Actor } from '../domain/accounts.ts';
import type { Action } from '../domain/permissions.ts';
import { InputError, NotFoundError, type Article, type ArticleInput, type ArticleStatus } from '../domain/types.ts';
import { deleteArticle, findArticleById, findDerivedArticles, insertArticle, updateArticle } from '../store/articles.ts';
import type { RevisionKind } from '../store/revisions.ts';
import { atomically } from '../store/transaction.ts';
import { buildArticleData } from './article-data.ts';
import { conflictError, StaleVersion } from './conflict.ts';
import { requireCan } from './guard.ts';
import { auditArticle, recordRevision } from './history.ts';
import { isoTime } from './validate.ts';
import { flagSourceChanges } from '../translate/source-changes.ts';
import { indexArticleCopy, removeArticleCopies } from '../copies/index-doc.ts';
import { onArticleSaved } from '../follow/on-publish.ts';
import { purgeArticleChange } from '../cdn/article-change.ts';

export interface SaveOptions {
  /** The version the caller's copy was made from: a save over a newer one is refused (ConflictError, 409). */
  expectedVersion?: number;
  /** What the revision is called ('import' for the importer, 'autosave', 'restore'); default 'save'. */
  kind?: RevisionKind;
  /** Extra facts for the audit row (a restore names its revision). */
  detail?: Record<string, unknown>;
}

const live = (s: ArticleStatus | null | undefined) => s === 'published' || s === 'scheduled';

/** What changing the status from `from` to `to` asks of the actor, and how the change is recorded. */
function transition(from: ArticleStatus | null, to: ArticleStatus): { action: Action; kind: RevisionKind; audit: string | null } | null {
  if (from === to) return null;
  if (live(to)) return { action: 'article.publish', kind: to === 'scheduled' ? 'schedule' : 'publish', audit: `article.${to === 'scheduled' ? 'schedule' : 'publish'}` };
  if (live(from)) return { action: 'article.publish', kind: 'unpublish', audit: 'article.unpublish' };
  if (to === 'review') return { action: 'article.submit', kind: 'submit', audit: null };
  return null;
}

function requireObject(input: unknown): asserts input is ArticleInput {
  if (input == null || typeof input !== 'object' || Array.isArray(input)) throw new InputError('an article object is required');
}

async function load(ctx: AppContext, id: number): Promise<Article> {
  const a = await findArticleById(ctx.store.db, id);
  if (!a) throw new NotFoundError(`no article with id ${id}`);
  return a;
}

export async function createArticle(ctx: AppContext, input: ArticleInput, actor: Actor, opts: Pick<SaveOptions, 'kind'> = {}): Promise<Article> {
  requireCan(actor, 'article.create');
  requireObject(input);
  const created = await atomically(ctx.store, async (store) => {
    const tx: AppContext = { ...ctx, store };
    const data = await buildArticleData(tx, input, null);
    const createdBy = actorUserId(actor);
    const step = transition(null, data.status);
    if (step) requireCan(actor, step.action, { ...data, createdBy, status: 'draft' });
    const id = await insertArticle(store.db, { ...data, createdBy });
    const article = await load(tx, id);
    await indexArticleCopy(store.db, article);
    await onArticleSaved(store.db, article, ctx.now());
    await recordRevision(store.db, actor, article, opts.kind ?? step?.kind ?? 'save', data.updatedAt);
    if (step?.audit) await auditArticle(store.db, actor, step.audit, article, data.updatedAt, { publishedAt: article.publishedAt });
    return article;
  });
  purgeArticleChange(ctx, null, created);
  return created;
}

/** Saves the whole article (omitted lists and provenance become empty; the slug stays unless given). */
export async function editArticle(ctx: AppContext, id: number, input: ArticleInput, actor: Actor, opts: SaveOptions = {}): Promise<Article> {
  requireObject(input);
  try {
    const [before, after] = await atomically(ctx.store, async (store) => {
      const tx: AppContext = { ...ctx, store };
      const existing = await load(tx, id);
      requireCan(actor, 'article.edit', existing);
      if (opts.expectedVersion != null && existing.version !== opts.expectedVersion) throw new StaleVersion();
      const data = await buildArticleData(tx, input, existing);
      const step = transition(existing.status, data.status);
      if (step) requireCan(actor, step.action, existing);
      const version = await updateArticle(store.db, id, { ...data, createdBy: existing.createdBy }, opts.expectedVersion ?? existing.version);
      if (version == null) throw new StaleVersion();
      const article = await load(tx, id);
      await flagSourceChanges(store.db, article, data.updatedAt);
      await indexArticleCopy(store.db, article);
      await onArticleSaved(store.db, article, ctx.now());
      const kind = opts.kind ?? step?.kind ?? 'save';
      await recordRevision(store.db, actor, article, kind, data.updatedAt);
      const audit = kind === 'restore' ? 'article.restore' : step?.audit;
      if (audit) await auditArticle(store.db, actor, audit, article, data.updatedAt, { ...opts.detail, status: article.status, publishedAt: article.publishedAt });
      return [existing, article] as const;
    });
    purgeArticleChange(ctx, before, after);
    return after;
  } catch (err) {
    if (err instanceof StaleVersion) throw await conflictError(ctx, id, input, actor, opts.expectedVersion);
    throw err;
  }
}

/** Changes the status only (publish, schedule, unpublish, submit): a new version, a revision, an audit row. */
async function changeStatus(ctx: AppContext, id: number, actor: Actor, check: (a: Article) => void, next: (a: Article, now: string) => Pick<Article, 'status' | 'publishedAt'>): Promise<Article> {
  const [before, after] = await atomically(ctx.store, async (store) => {
    const tx: AppContext = { ...ctx, store };
    const a = await load(tx, id);
    check(a);
    const now = ctx.now().toISOString();
    const { status, publishedAt } = next(a, now);
    const step = transition(a.status, status);
    if (step) requireCan(actor, step.action, a);
    const { id: _id, version: _v, corrections: _c, ...data } = a;
    if ((await updateArticle(store.db, id, { ...data, status, publishedAt, updatedAt: now })) == null) throw new NotFoundError(`no article with id ${id}`);
    const article = await load(tx, id);
    await recordRevision(store.db, actor, article, step?.kind ?? 'save', now);
    await indexArticleCopy(store.db, article);
    await onArticleSaved(store.db, article, ctx.now());
    if (step?.audit) await auditArticle(store.db, actor, step.audit, article, now, { publishedAt: article.publishedAt });
    return [a, article] as const;
  });
  purgeArticleChange(ctx, before, after);
  return after;
}

/** Publishes now, or schedules for a later time (`at` in the future); `at` in the past backdates. */
export async function publishArticle(ctx: AppContext, id: number, actor: Actor, at?: string): Promise<Article> {
  requireCan(actor, 'article.publish');
  const when = at ? isoTime(at, 'publishedAt') : null;
  return changeStatus(
    ctx,
    id,
    actor,
    () => {},
    (_a, now) => {
      const publishedAt = when ?? now;
      return { status: Date.parse(publishedAt) > Date.parse(now) ? 'scheduled' : 'published', publishedAt };
    },
  );
}

/** Back to draft: the page, its place in listings and in the feeds are gone until it is published again. */
export async function unpublishArticle(ctx: AppContext, id: number, actor: Actor): Promise<Article> {
  requireCan(actor, 'article.publish');
  return changeStatus(
    ctx,
    id,
    actor,
    (a) => {
      if (!live(a.status)) throw new InputError(`article #${id} is not published or scheduled (it is a ${a.status})`, 'status', 409);
    },
    () => ({ status: 'draft', publishedAt: null }),
  );
}

/** An author or translator hands a draft to the editors (status 'review'). */
export async function submitArticle(ctx: AppContext, id: number, actor: Actor): Promise<Article> {
  return changeStatus(
    ctx,
    id,
    actor,
    (a) => {
      requireCan(actor, 'article.submit', a);
      if (a.status !== 'draft') throw new InputError(`only a draft can be submitted for review (article #${id} is ${a.status})`, 'status', 409);
    },
    (a) => ({ status: 'review', publishedAt: a.publishedAt }),
  );
}

/**
 * Deletes an article. Refused while other articles are its translations or republications: deleting it
 * would silently cut their provenance chain.
 */
export async function removeArticle(ctx: AppContext, id: number, actor: Actor): Promise<void> {
  requireCan(actor, 'article.delete');
  const removed = await atomically(ctx.store, async (store) => {
    const a = await load({ ...ctx, store }, id);
    const derived = await findDerivedArticles(store.db, id);
    if (derived.length) {
      const list = derived.map((d) => `#${d.id} (${d.provenance.translationOfId === id ? 'translation' : 'republication'})`).join(', ');
      throw new InputError(`article #${id} is the source of ${list}: change their provenance first`, null, 409);
    }
    await removeArticleCopies(store.db, id);
    await deleteArticle(store.db, id);
    await auditArticle(store.db, actor, 'article.delete', a, ctx.now().toISOString(), { slug: a.slug, language: a.language, status: a.status });
    return a;
  });
  purgeArticleChange(ctx, removed, null);
}

/** True when a reader may see the article now (published, or scheduled and due). */
export function isVisible(a: Pick<Article, 'status' | 'publishedAt'>, now: Date): boolean {
  return (a.status === 'published' || a.status === 'scheduled') && a.publishedAt != null && a.publishedAt <= now.toISOString();
}
