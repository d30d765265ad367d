// Checks a page or feed entry against the index and records the copies it holds (copies_found), with
// whether each credits the article. The article's own site is not a copy of it.
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import type { SiteConfig } from '../domain/types.ts';
import type { Database } from '../store/schema.ts';
import { recordFoundCopy, type FoundCopyInput } from '../store/copies-found.ts';
import { creditFacts } from './credit.ts';
import { findCopies } from './match.ts';
import { suspectFromHtml, suspectFromText, type Suspect } from './suspect.ts';
import { htmlToText } from '../text/html-text.ts';

export interface CopySource {
  source: FoundCopyInput['source'];
  url: string | null;
  candidateId?: number | null;
  title?: string | null;
}

function hostOf(url: string | null | undefined): string | null {
  try {
    return url ? new URL(url).host.toLowerCase() : null;
  } catch {
    return null;
  }
}

const sameAddress = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.replace(/[#?].*$/, '').replace(/\/+$/, '').replace(/^https?:\/\/(www\.)?/i, '').toLowerCase() === b.replace(/[#?].*$/, '').replace(/\/+$/, '').replace(/^https?:\/\/(www\.)?/i, '').toLowerCase();

/** The names a credit may give (writers, translators, the original's authors) and the original's address. */
async function creditsOf(db: Kysely<Database>, articleId: number): Promise<{ names: string[]; originalUrl: string | null }> {
  const people = await db.selectFrom('article_people').innerJoin('people', 'people.id', 'article_people.person_id').select('people.name').where('article_people.article_id', '=', articleId).execute();
  const prov = await db.selectFrom('provenance').select(['original_authors_json', 'original_url']).where('article_id', '=', articleId).executeTakeFirst();
  const original = prov ? (JSON.parse(prov.original_authors_json) as unknown[]).filter((n): n is string => typeof n === 'string') : [];
  return { names: [...people.map((p) => p.name), ...original], originalUrl: prov?.original_url ?? null };
}

/** Records each copy of a Relais article found in the suspect; answers what was recorded. */
export async function checkSuspect(db: Kysely<Database>, site: SiteConfig | null, s: Suspect, src: CopySource, now: Date): Promise<FoundCopyInput[]> {
  if (site && hostOf(src.url) && hostOf(src.url) === hostOf(site.baseUrl)) return [];
  const matches = (await findCopies(db, s)).filter((m) => m.kind === 'article');
  const out: FoundCopyInput[] = [];
  for (const m of matches) {
    const path = `/${m.articleLanguage}/${m.slug}`;
    const credits = await creditsOf(db, m.articleId);
    // The article's own original (what it translates or republishes) is its source, not a copy of it.
    if (sameAddress(src.url, credits.originalUrl)) continue;
    const facts = creditFacts(s.raw, { id: m.articleId, path, articleUrl: site ? `${site.baseUrl}${path}` : null, names: credits.names });
    const row: FoundCopyInput = {
      articleId: m.articleId,
      source: src.source,
      url: src.url,
      candidateId: src.candidateId ?? null,
      title: src.title ?? s.title,
      language: s.language,
      similarity: m.similarity,
      crossLanguage: m.crossLanguage,
      passages: m.passages,
      ...facts,
    };
    await recordFoundCopy(db, row, now);
    out.push(row);
  }
  return out;
}

/** The hook for pages seen elsewhere (a republishing page the pixel reveals, an imported page). */
export async function checkPageForCopies(ctx: AppContext, page: { url: string; html: string; source?: CopySource['source'] }): Promise<FoundCopyInput[]> {
  return checkSuspect(ctx.store.db, ctx.site, suspectFromHtml(page.html, page.url), { source: page.source ?? 'page', url: page.url }, ctx.now());
}

export interface CheckedEntry {
  id: number;
  link: string | null;
  title: string | null;
  contentHtml: string | null;
  summary: string | null;
}

/** Feed entries the poller brought in: their own text (full content, else summary) is checked. */
export async function checkEntriesForCopies(db: Kysely<Database>, entries: readonly CheckedEntry[], now: Date): Promise<void> {
  for (const e of entries) {
    const html = e.contentHtml ?? e.summary;
    if (!html) continue;
    const s = suspectFromText(htmlToText(html));
    await checkSuspect(db, null, { ...s, raw: html }, { source: 'feed', url: e.link, candidateId: e.id, title: e.title }, now);
  }
}

