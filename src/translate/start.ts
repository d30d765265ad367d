// "Translate into …": a new draft in the target language, linked to its source (provenance.translationOfId),
// credits prefilled from the source, a translator assigned, and the source's segments ready to translate.
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { InputError, NotFoundError, type Article, type ArticleInput, type OriginalRef } from '../domain/types.ts';
import { urls } from '../domain/urls.ts';
import { createArticle } from '../publish/articles.ts';
import { requireCan } from '../publish/guard.ts';
import { findArticleById } from '../store/articles.ts';
import { insertSegments } from '../store/segments.ts';
import { atomically } from '../store/transaction.ts';
import { insertTranslation, translationsOfSource } from '../store/translations.ts';
import { findArticlesByIds } from '../store/articles.ts';
import { languageTag } from './languages.ts';
import { notify } from './notices.ts';
import { segmentArticle } from './segment.ts';
import { newSegmentRow } from './segment-rows.ts';
import { assignee, personFor } from './translator.ts';
import { isVisible } from '../publish/articles.ts';
import { findPeopleByIds } from '../store/people.ts';

export interface StartRequest {
  language: string;
  /** The account to assign (default: the acting user). */
  translatorUserId?: number | null;
}

/** The original to credit: the source's own original when it came from outside, else the source itself. */
async function originalOf(ctx: AppContext, source: Article): Promise<OriginalRef> {
  const o = source.provenance.original;
  if (o && (o.url || o.title)) return o;
  const people = await findPeopleByIds(ctx.store.db, source.authorIds);
  return {
    url: isVisible(source, ctx.now()) ? urls.article(ctx.site, source) : (o?.url ?? null),
    title: source.title,
    outletId: o?.outletId ?? null,
    authorNames: source.authorIds.map((id) => people.get(id)?.name).filter((n): n is string => !!n),
    language: source.language,
    publishedAt: source.publishedAt,
  };
}

export async function startTranslation(ctx: AppContext, sourceId: number, req: StartRequest, actor: Actor): Promise<Article> {
  requireCan(actor, 'article.create');
  if (req == null || typeof req !== 'object') throw new InputError('a JSON object {language} is required');
  const language = languageTag(req.language, 'language');
  if (!ctx.site.languages.includes(language))
    throw new InputError(`${language} is not a language of this site (${ctx.site.languages.join(', ')}; set RELAIS_LANGUAGES to add one)`, 'language');
  const result = await atomically(ctx.store, async (store) => {
    const tx: AppContext = { ...ctx, store };
    const source = await findArticleById(store.db, sourceId);
    if (!source) throw new NotFoundError(`no article with id ${sourceId}`);
    if (source.language === language) throw new InputError(`article #${sourceId} is already in ${language}`, 'language');
    const existing = (await findArticlesByIds(store.db, (await translationsOfSource(store.db, sourceId)).map((t) => t.article_id))).find((a) => a.language === language);
    if (existing) throw new InputError(`article #${sourceId} is already being translated into ${language}: article #${existing.id}`, 'language', 409);
    const user = await assignee(tx, actor, req.translatorUserId);
    const personId = user ? await personFor(tx, user) : null;
    const original = await originalOf(tx, source);
    const input: ArticleInput = {
      language,
      title: source.title,
      summary: '',
      bodyHtml: '',
      image: source.image,
      sectionIds: source.sectionIds,
      tags: source.tags,
      status: 'draft',
      authorIds: source.authorIds,
      translatorIds: personId != null ? [personId] : [],
      provenance: { translationOfId: source.id, original, via: source.provenance.via, licence: source.provenance.licence },
    };
    const article = await createArticle(tx, input, actor);
    const { segments, skeleton } = segmentArticle(source);
    const now = ctx.now().toISOString();
    await insertSegments(store.db, segments.map((s, i) => newSegmentRow(article.id, s, i, now)));
    await insertTranslation(store.db, {
      article_id: article.id, source_id: source.id, source_language: source.language, target_language: language, state: 'to-translate',
      translator_user_id: user?.id ?? null, skeleton_html: skeleton, source_version: source.version ?? 0, machine_provider: null,
      created_at: now, updated_at: now,
    });
    const notices = user && !(actor.kind === 'user' && actor.user.id === user.id)
      ? await notify(tx, [user.id], 'assigned', article.id, `You are assigned the translation of “${source.title}” into ${language} (article #${article.id}).`)
      : null;
    return { article: (await findArticleById(store.db, article.id))!, notices };
  });
  await result.notices?.send();
  return result.article;
}
