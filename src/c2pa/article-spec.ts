// What a manifest says about an article, from its credits: the kind of hop, who wrote, translated and
// published it, and its ingredients (the nearest earlier hop; an imported original by URL, title, the hash of
// its verbatim copy and, when that page carried one, its own manifest).
import { createHash } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Article } from '../domain/types.ts';
import { urls } from '../domain/urls.ts';
import type { Credits } from '../provenance/credits.ts';
import { findOriginalSnapshot } from '../store/originals.ts';
import { latestRevision } from '../store/revisions.ts';
import { findImportedCredentials } from '../store/imported-credentials.ts';
import type { IngredientSpec, ManifestSpec } from './spec.ts';

export type ParentStore = (articleId: number) => Promise<Uint8Array | null>;

async function outsideIngredient(ctx: AppContext, a: Article, credits: Credits): Promise<IngredientSpec | null> {
  const link = credits.source;
  const snapshot = await findOriginalSnapshot(ctx.store.db, a.id);
  if (!link && !snapshot) return null;
  const ingredient: IngredientSpec = {
    title: link?.title ?? snapshot?.title ?? 'original',
    url: link?.url ?? snapshot?.url ?? null,
    format: 'text/html',
    sha256: snapshot ? createHash('sha256').update(snapshot.html).digest('hex') : null,
    manifestStore: null,
    validation: null,
  };
  const theirs = await findImportedCredentials(ctx.store.db, a.id);
  if (theirs && theirs.status !== 'malformed') {
    ingredient.manifestStore = theirs.store;
    const ok = theirs.status === 'intact' || theirs.status === 'untrusted';
    ingredient.validation = { success: ok ? ['claimSignature.validated', 'assertion.dataHash.match'] : [], failure: theirs.failures };
  }
  return ingredient;
}

export async function articleSpec(
  ctx: AppContext,
  a: Article,
  credits: Credits,
  opts: { format: ManifestSpec['format']; anchors: string[]; parentStore: ParentStore },
): Promise<ManifestSpec> {
  const revision = await latestRevision(ctx.store.db, a.id);
  const ingredients: IngredientSpec[] = [];
  const source = credits.source;
  if (source?.articleId != null) {
    ingredients.push({
      title: source.title ?? '',
      url: source.url,
      format: opts.format,
      sha256: null,
      manifestStore: await opts.parentStore(source.articleId),
      validation: { success: ['claimSignature.validated'], failure: [] },
      namedByManifest: true,
    });
  } else {
    const outside = await outsideIngredient(ctx, a, credits);
    if (outside) ingredients.push(outside);
  }
  const kind: ManifestSpec['kind'] = credits.isTranslation ? 'translation' : source ? 'republication' : 'original';
  return {
    title: a.title,
    url: urls.article(ctx.site, a),
    language: a.language,
    format: opts.format,
    instanceId: `xmp:iid:relais-${a.id}-${a.version ?? 0}-${a.updatedAt}-${opts.format === 'text/html' ? 'html' : 'text'}`,
    kind,
    authors: credits.authorNames,
    translators: credits.translators.map((p) => p.name),
    editor: revision?.userName ?? (revision?.actor || null),
    publisher: ctx.site.name,
    licence: credits.licence,
    fromLanguage: credits.isTranslation ? (source?.language ?? null) : null,
    updated: !!a.publishedAt && a.updatedAt > a.publishedAt,
    publishedAt: a.publishedAt,
    ingredients,
  };
}
