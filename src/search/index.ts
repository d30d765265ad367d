// Full-text search over articles, for readers (published only) and the newsroom (everything), on one
// index (store/search-index.ts). See README.md for the query syntax and what is stemmed.
import type { AppContext } from '../context.ts';
import { InputError, type Article, type ArticleStatus } from '../domain/types.ts';
import { findArticlesByIds } from '../store/articles.ts';
import { htmlToText } from '../text/html-text.ts';
import { alternatives, queryLanguages } from './expression.ts';
import { COUNT_LIMIT, type RankedIds, type SearchFilter } from './filter.ts';
import { searchPostgres } from './postgres.ts';
import { parseQuery, type Clause } from './query.ts';
import { highlight, matcherFor, snippet, type Matcher } from './snippet.ts';
import { searchSqlite } from './sqlite.ts';

export { COUNT_LIMIT } from './filter.ts';
export { MAX_QUERY_LENGTH, MAX_QUERY_WORDS, QueryError, type QueryProblem } from './query.ts';

export interface SearchOptions {
  q: string;
  /** Only articles in this language (and the query stemmed as this language). */
  language?: string;
  /** Newsroom only: articles in this status. */
  status?: ArticleStatus;
  /** Readers: only what is published and due. */
  publicOnly: boolean;
  limit: number;
  offset: number;
}

export interface SearchHit {
  article: Article;
  /** Higher is better; comparable within one result list only. */
  score: number;
  /** HTML: escaped text around the matches, matches in <mark>. */
  snippet: string;
  /** HTML: the escaped title, matches in <mark>. */
  titleHtml: string;
}

export interface SearchResult {
  items: SearchHit[];
  /** Matching articles, counted up to COUNT_LIMIT. */
  total: number;
  /** False when there are more than COUNT_LIMIT matches (total is then COUNT_LIMIT). */
  totalExact: boolean;
}

export const MAX_SEARCH_PAGE_SIZE = 100;
// Snippets come from the start of very long bodies only: a 2 MB body would cost more than the search.
const SNIPPET_SOURCE_LIMIT = 100_000;

async function ranked(ctx: AppContext, clauses: Clause[], opts: SearchOptions, maxLimit: number): Promise<RankedIds> {
  if (!Number.isInteger(opts.limit) || opts.limit < 1 || opts.limit > maxLimit) throw new InputError(`limit must be between 1 and ${maxLimit}`, 'limit');
  if (!Number.isInteger(opts.offset) || opts.offset < 0) throw new InputError('offset must be 0 or more', 'offset');
  const alts = alternatives(clauses, queryLanguages(opts.language));
  const filter: SearchFilter = { publicOnly: opts.publicOnly, now: ctx.now().toISOString(), language: opts.language, status: opts.status };
  const { db, dialect } = ctx.store;
  return dialect === 'postgres' ? searchPostgres(db, alts, filter, opts.limit, opts.offset) : searchSqlite(db, alts, filter, opts.limit, opts.offset);
}

/**
 * Only the ids, best first (up to COUNT_LIMIT at once), for lists that filter and sort on their own
 * (the newsroom's article list). Same rules and errors as searchArticles.
 */
export async function searchArticleIds(ctx: AppContext, opts: SearchOptions): Promise<{ ids: number[]; total: number; totalExact: boolean }> {
  const r = await ranked(ctx, parseQuery(opts.q), opts, COUNT_LIMIT);
  return { ids: r.hits.map((h) => h.id), total: r.total, totalExact: r.totalExact };
}

/** Throws InputError (400) for an empty, oversized or punctuation-only query and bad paging. */
export async function searchArticles(ctx: AppContext, opts: SearchOptions): Promise<SearchResult> {
  const clauses = parseQuery(opts.q);
  const { db } = ctx.store;
  const page = await ranked(ctx, clauses, opts, MAX_SEARCH_PAGE_SIZE);
  const articles = new Map((await findArticlesByIds(db, page.hits.map((h) => h.id))).map((a) => [a.id, a]));
  const items: SearchHit[] = [];
  const matchers = new Map<string, Matcher>();
  for (const { id, score } of page.hits) {
    const article = articles.get(id);
    if (!article) continue;
    let matches = matchers.get(article.language);
    if (!matches) matchers.set(article.language, (matches = matcherFor(clauses, article.language)));
    items.push({
      article,
      score,
      snippet: snippet([htmlToText(article.bodyHtml.slice(0, SNIPPET_SOURCE_LIMIT)), article.summary], matches),
      titleHtml: highlight(article.title, matches),
    });
  }
  return { items, total: page.total, totalExact: page.totalExact };
}
