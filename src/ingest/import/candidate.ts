// Importing a feed candidate: the entry's page is fetched and imported like a URL; when the page cannot be
// fetched or extracted but the feed entry carries the full text, that text is imported instead. The
// candidate is marked 'imported' in the same transaction that writes the draft.
import type { AppContext } from '../../context.ts';
import { InputError, type Article } from '../../domain/types.ts';
import { findArticlesByOriginalUrl } from '../../store/articles.ts';
import type { Fetcher } from '../fetch/index.ts';
import { parseFeed, type ParsedEntry } from '../feedparse/index.ts';
import { entriesToCandidates, entryFullContent, getCandidate, getFeed, plainText, FEED_ACCEPT, type Feed, type ImportCandidate } from '../subscriptions/index.ts';
import { htmlToText } from '../../publish/sanitize.ts';
import { siteOf, type ImportedContent } from './draft.ts';
import { ImportError } from './errors.ts';
import { importContent, type ImportOptions, type ImportOutcome } from './import-article.ts';
import { normaliseUrl } from './normalise-url.ts';
import { contentFromUrl } from './sources.ts';

export type CandidateImportOutcome = ImportOutcome & {
  candidate: ImportCandidate;
  /** Where the text came from: the linked page, the feed entry itself, or nothing new (imported before). */
  from: 'page' | 'feed-entry' | 'earlier-import';
  /** Why the feed entry was used instead of the page, for the editor. */
  note: string | null;
};

/** Raised inside the transaction when another import marked the candidate first: that one wins. */
class CandidateTaken extends ImportError {}

/** Fetches the feed again and finds the candidate's entry in it (by GUID as stored, or by link). */
async function findEntry(fetcher: Pick<Fetcher, 'fetch'>, feed: Feed, cand: ImportCandidate): Promise<ParsedEntry | null> {
  const res = await fetcher.fetch(feed.url, { accept: FEED_ACCEPT });
  const parsed = parseFeed(res.body, { contentType: res.headers['content-type'] ?? '', url: res.url, headers: res.headers });
  if (!parsed.ok) throw new Error(`the feed is not usable now: ${parsed.error}`);
  for (const e of parsed.feed.entries) {
    const c = entriesToCandidates([e])[0];
    if (c && (c.guid === cand.guid || (cand.link && c.link === cand.link))) return e;
  }
  return null;
}

function contentFromEntry(cand: ImportCandidate, feed: Feed, entry: ParsedEntry, full: { html: string; text: string }): ImportedContent {
  return {
    kind: 'feed',
    sourceUrl: feed.url,
    originalUrl: cand.link,
    title: cand.title?.trim() || plainText(entry.title) || full.text.slice(0, 120),
    authors: cand.author ? [cand.author] : [],
    translators: [],
    publishedAt: cand.publishedAt,
    language: entry.language ?? entry.content?.[0]?.language ?? null,
    siteName: feed.title,
    summary: plainText(entry.summary) && entry.content?.length ? plainText(entry.summary).slice(0, 1000) : null,
    imageUrl: entry.media?.thumbnails?.[0]?.url ? String(entry.media.thumbnails[0].url) : null,
    html: full.html,
    text: full.text,
    via: null,
  };
}

function outletOf(feed: Feed | null): ImportOptions['outlet'] {
  if (!feed) return null;
  if (feed.outletId != null) return { id: feed.outletId };
  if (feed.siteUrl) {
    const site = siteOf(feed.siteUrl);
    return { name: feed.title ?? site.host, homeUrl: site.homeUrl };
  }
  return null;
}

async function earlierDraft(ctx: AppContext, cand: ImportCandidate): Promise<Article | null> {
  if (!cand.link) return null;
  return (await findArticlesByOriginalUrl(ctx.store.db, normaliseUrl(cand.link)))[0] ?? null;
}

/**
 * Imports candidate `id` as a draft. Importing an imported candidate again answers with its draft
 * (`kind: 'exists'`) unless `update` is set. Throws ImportError (nothing written) when neither the page nor
 * the feed entry gives an article, NotFoundError for an unknown id.
 */
export async function importCandidate(ctx: AppContext, fetcher: Fetcher, id: number, opts: { update?: boolean } = {}): Promise<CandidateImportOutcome> {
  const cand = await getCandidate(ctx, id);
  const source = `candidate #${cand.id}${cand.link ? ` (${cand.link})` : ''}`;
  if (cand.state === 'imported' && !opts.update) {
    const article = await earlierDraft(ctx, cand);
    if (article) return { kind: 'exists', article, reason: `candidate #${cand.id} was imported before`, candidate: cand, from: 'earlier-import', note: null };
  }
  const feed = cand.feedId != null ? await getFeed(ctx, cand.feedId).catch(() => null) : null;

  let content: ImportedContent | null = null;
  let from: CandidateImportOutcome['from'] = 'page';
  let note: string | null = null;
  let pageError: ImportError | null = null;
  if (cand.link) {
    try {
      const page = await contentFromUrl(fetcher, cand.link);
      content = {
        ...page,
        originalUrl: cand.link,
        // The feed's structured fields win over what extraction guessed; the page fills the gaps.
        authors: page.authors.length ? page.authors : cand.author ? [cand.author] : [],
        publishedAt: cand.publishedAt ?? page.publishedAt,
        title: page.title || cand.title || '',
        siteName: page.siteName ?? feed?.title ?? null,
      };
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      pageError = err;
    }
  }
  if (!content) {
    const why = pageError ? pageError.message.replace(/^Import of \S+ failed: /, '') : 'the entry has no link';
    if (cand.contentHtml) {
      // The entry carried the whole article when it was polled: no need for the feed to still list it.
      content = {
        kind: 'feed',
        sourceUrl: feed?.url ?? null,
        originalUrl: cand.link,
        title: cand.title?.trim() || '',
        authors: cand.author ? [cand.author] : [],
        translators: [],
        publishedAt: cand.publishedAt,
        language: null,
        siteName: feed?.title ?? null,
        summary: null,
        imageUrl: null,
        html: cand.contentHtml,
        text: htmlToText(cand.contentHtml),
        via: null,
      };
      if (!content.title) content.title = content.text.slice(0, 120);
      return finish(content, 'feed-entry', `imported from the feed entry's own content: ${why}`);
    }
    if (!feed) throw pageError ?? new ImportError(source, `${why}, and its feed is no longer subscribed`);
    let entry: ParsedEntry | null;
    try {
      entry = await findEntry(fetcher, feed, cand);
    } catch (err) {
      throw new ImportError(source, `${why}; the feed ${feed.url} could not be read for the entry's own text (${(err as Error).message})`, pageError?.status ?? 502);
    }
    const full = entry ? entryFullContent(entry) : null;
    if (!entry || !full)
      throw new ImportError(source, `${why}; ${entry ? 'the feed entry only carries a summary, not the full text' : 'the entry is no longer in the feed'}`, pageError?.status ?? 422);
    content = contentFromEntry(cand, feed, entry, full);
    from = 'feed-entry';
    note = `imported from the feed entry's own content: ${why}`;
  }

  return finish(content, from, note);

  async function finish(content: ImportedContent, from: CandidateImportOutcome['from'], note: string | null): Promise<CandidateImportOutcome> {
  try {
    const outcome = await importContent(ctx, content, {
      update: opts.update,
      fetcher,
      outlet: outletOf(feed),
      // The mark comes first and is conditional on the state read above: it holds the candidate's row for the
      // transaction, and a concurrent import of the same candidate that committed first makes this one stop
      // (nothing written) and answer with the other's draft.
      begin: async (tx) => {
        const r = await tx.store.db.updateTable('import_candidates').set({ state: 'imported' }).where('id', '=', cand.id).where('state', '=', cand.state).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw new CandidateTaken(source, 'it was imported meanwhile', 409);
      },
    });
    return { ...outcome, candidate: { ...cand, state: 'imported' }, from, note };
  } catch (err) {
    if (!(err instanceof CandidateTaken)) throw err;
    const article = await earlierDraft(ctx, cand);
    if (!article) throw err;
    return { kind: 'exists', article, reason: `candidate #${cand.id} was imported meanwhile`, candidate: { ...cand, state: 'imported' }, from: 'earlier-import', note: null };
  }
  }
}

/** Marks a candidate dismissed; an imported one stays imported (409), even when an import commits meanwhile. */
export async function dismissCandidate(ctx: AppContext, id: number): Promise<ImportCandidate> {
  await getCandidate(ctx, id);
  await ctx.store.db.updateTable('import_candidates').set({ state: 'dismissed' }).where('id', '=', id).where('state', '!=', 'imported').execute();
  const c = await getCandidate(ctx, id);
  if (c.state !== 'dismissed') throw new InputError(`candidate #${id} is already imported; delete its draft instead`, 'state', 409);
  return c;
}
