// Who sees what: readers only published articles (and scheduled ones once due); the newsroom everything,
// optionally narrowed to a status and a language.
import { sql, type RawBuilder } from 'kysely';
import type { ArticleStatus } from '../domain/types.ts';

export interface SearchFilter {
  publicOnly: boolean;
  /** ISO time: what is due for readers. */
  now: string;
  language?: string;
  status?: ArticleStatus;
}

/** SQL conditions on `articles a`, or null when nothing is filtered. */
export function articleConditions(f: SearchFilter): RawBuilder<unknown> | null {
  const parts: RawBuilder<unknown>[] = [];
  if (f.publicOnly) parts.push(sql`a.status IN ('published', 'scheduled') AND a.published_at <= ${f.now}`);
  if (f.status) parts.push(sql`a.status = ${f.status}`);
  if (f.language) parts.push(sql`a.language = ${f.language}`);
  return parts.length ? sql.join(parts, sql` AND `) : null;
}

export interface RankedIds {
  hits: Array<{ id: number; score: number }>;
  /** Matches counted up to COUNT_LIMIT. */
  total: number;
  totalExact: boolean;
}

/** Counting every match of a very broad query would cost more than finding the page: beyond this, "more than". */
export const COUNT_LIMIT = 1_000;
