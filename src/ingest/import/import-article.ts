// The import workflow: read a source, extract the article, and create a draft with its provenance,
// all or nothing. The CLI, the API and the feed-candidate importer call these.
import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Article } from '../../domain/types.ts';
import type { Actor } from '../../domain/accounts.ts';
import { atomically } from '../../store/transaction.ts';
import { findArticleById, findArticlesByOriginalUrl } from '../../store/articles.ts';
import { findPersonBySlug } from '../../store/people.ts';
import { findSnapshotByHash, saveOriginalSnapshot } from '../../store/originals.ts';
import { saveImportedCredentials } from '../../store/imported-credentials.ts';
import { checkImported } from '../../c2pa/imported.ts';
import { indexImportedOriginal } from '../../copies/import-hook.ts';
import { createArticle, editArticle } from '../../publish/articles.ts';
import { createPerson } from '../../publish/people.ts';
import { ensureOutlet } from '../../publish/outlets.ts';
import { slugify } from '../../publish/slug.ts';
import { draftInput, primaryLanguage, siteOf, type ImportedContent } from './draft.ts';
import { ImportError } from './errors.ts';
import { normaliseUrl } from './normalise-url.ts';
import type { Fetcher } from '../fetch/index.ts';
import { findOutletById } from '../../store/outlets.ts';
import { fetchImages } from './images.ts';
import { localiseImages } from './local-images.ts';

export interface ImportOptions {
  /** Refresh the draft when the same original was imported before (instead of reporting it). */
  update?: boolean;
  /** The original's outlet when the caller knows it better than the page does (a feed's outlet or site). */
  outlet?: { id: number } | { name: string; homeUrl: string } | null;
  /** The caller's own writes, run first inside the import's transaction: they and the draft stand or fall together. */
  begin?: (tx: AppContext) => Promise<void>;
  /** Who imports (the draft's creator, whose permissions apply); default: the system importer. */
  actor?: Actor;
  /** Fetches the article's pictures into the media library (default: the context's); without one they are dropped. */
  fetcher?: Fetcher;
}

export type ImportOutcome = (
  | { kind: 'created'; article: Article }
  | { kind: 'updated'; article: Article }
  | { kind: 'exists'; article: Article; reason: string }
) & { notes?: string[] };

const IMPORTER: Actor = { kind: 'system', name: 'import' };

function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex');
}

async function personFor(ctx: AppContext, name: string): Promise<number> {
  const existing = await findPersonBySlug(ctx.store.db, slugify(name));
  if (existing && existing.name.toLowerCase() === name.toLowerCase()) return existing.id;
  return (await createPerson(ctx, { name })).id;
}

/** The article already made from this original, by URL or by identical text. */
async function findExisting(ctx: AppContext, c: ImportedContent, hash: string): Promise<{ article: Article; reason: string } | null> {
  for (const url of [c.originalUrl, c.sourceUrl]) {
    if (!url) continue;
    const found = await findArticlesByOriginalUrl(ctx.store.db, url);
    if (found.length) return { article: found[0], reason: `${url} was imported before` };
  }
  const byHash = await findSnapshotByHash(ctx.store.db, hash);
  if (byHash != null) {
    const article = await findArticleById(ctx.store.db, byHash);
    if (article) return { article, reason: 'the same text was imported before' };
  }
  return null;
}

export async function importContent(ctx: AppContext, content: ImportedContent, opts: ImportOptions = {}): Promise<ImportOutcome> {
  const source = content.sourceUrl ?? content.originalUrl ?? `pasted text "${content.title.slice(0, 60)}"`;
  if (!content.text.trim()) throw new ImportError(source, 'no article text was found');
  let c: ImportedContent = {
    ...content,
    originalUrl: content.originalUrl ? normaliseUrl(content.originalUrl) : null,
    sourceUrl: content.sourceUrl ? normaliseUrl(content.sourceUrl) : null,
  };
  const hash = contentHash(c.text);
  const credentials = c.signed ? await checkImported(c.signed, ctx.credentials?.anchors ?? [], ctx.now()) : null;
  // Pictures are fetched before the transaction (no network inside one), unless the caller did it already
  // or the import will only report an earlier one.
  const fetcher = opts.fetcher ?? ctx.fetcher;
  if (!c.images && fetcher && (opts.update || !(await findExisting(ctx, c, hash)))) c = await fetchImages(ctx, fetcher, c);
  try {
    return await atomically(ctx.store, async (store) => {
      const tx: AppContext = { ...ctx, store };
      await opts.begin?.(tx);
      const existing = await findExisting(tx, c, hash);
      if (existing && !opts.update) return { kind: 'exists', ...existing };
      const site = c.originalUrl ?? c.sourceUrl;
      const outlet = opts.outlet && 'id' in opts.outlet
        ? opts.outlet
        : opts.outlet
          ? await ensureOutlet(tx, { ...opts.outlet, language: primaryLanguage(c.language) })
          : site
            ? await ensureOutlet(tx, { name: c.siteName ?? siteOf(site).host, homeUrl: siteOf(site).homeUrl, language: primaryLanguage(c.language) })
            : null;
      const authorIds: number[] = [];
      for (const name of c.authors) authorIds.push(await personFor(tx, name));
      const translatorIds: number[] = [];
      for (const name of c.translators) translatorIds.push(await personFor(tx, name));
      const input = draftInput(c, { outletId: outlet?.id ?? null, authorIds, translatorIds, defaultLanguage: ctx.site.defaultLanguage });
      // Pictures whose credit is unknown are credited to the outlet (or the site) they come from.
      const credit = c.siteName ?? (outlet ? (await findOutletById(tx.store.db, outlet.id))?.name : null) ?? (site ? siteOf(site).host : ctx.site.name);
      const local = await localiseImages(tx, c, credit);
      input.bodyHtml = local.html;
      input.image = local.image;
      if (existing && existing.article.status !== 'draft')
        throw new ImportError(source, `article #${existing.article.id} made from it is already ${existing.article.status}; edit it instead`, 409);
      const actor = opts.actor ?? IMPORTER;
      const article = existing
        ? await editArticle(tx, existing.article.id, input, actor, { kind: 'import' })
        : await createArticle(tx, input, actor, { kind: 'import' });
      await saveOriginalSnapshot(store.db, {
        articleId: article.id,
        url: c.originalUrl ?? c.sourceUrl,
        sourceKind: c.kind,
        fetchedAt: ctx.now().toISOString(),
        title: c.title,
        language: primaryLanguage(c.language),
        html: c.html,
        text: c.text,
        contentHash: hash,
      });
      if (credentials) await saveImportedCredentials(store.db, article.id, credentials);
      await indexImportedOriginal(tx, { articleId: article.id, url: c.originalUrl ?? c.sourceUrl, html: c.html, text: c.text, language: primaryLanguage(c.language) });
      return { kind: existing ? 'updated' : 'created', article, ...(c.notes?.length ? { notes: c.notes } : {}) };
    });
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(source, (err as Error).message, (err as { status?: number }).status ?? 422);
  }
}
