// copies_found: the pages and feed entries found copying an article (src/copies/check.ts decides).
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { CopiesTables } from './schema-copies.ts';

type Db = Kysely<Database & CopiesTables>;
const asDb = (db: Kysely<Database>): Db => db as unknown as Db;

export interface FoundCopy {
  id: number;
  articleId: number;
  source: 'page' | 'feed' | 'import' | 'match';
  url: string | null;
  candidateId: number | null;
  title: string | null;
  language: string | null;
  similarity: number;
  crossLanguage: boolean;
  passages: string[];
  hasAttribution: boolean;
  hasToken: boolean;
  hasLink: boolean;
  hasCredits: boolean;
  /** Credited in one of those ways: a legitimate republication, listed but not flagged. */
  legitimate: boolean;
  /** Copied without any credit. */
  flagged: boolean;
  firstSeenAt: string;
  lastSeenAt: string;
}

export type FoundCopyInput = Omit<FoundCopy, 'id' | 'firstSeenAt' | 'lastSeenAt' | 'legitimate' | 'flagged'>;

const b = (v: boolean) => (v ? 1 : 0);

/** Records a sighting: a new row, or the known one (same article, same URL or candidate) brought up to date. */
export async function recordFoundCopy(dbIn: Kysely<Database>, c: FoundCopyInput, now: Date): Promise<void> {
  const stamp = now.toISOString();
  const legitimate = c.hasAttribution || c.hasToken || c.hasLink || c.hasCredits;
  const facts = {
    source: c.source,
    url: c.url,
    candidate_id: c.candidateId,
    title: c.title,
    language: c.language,
    similarity: c.similarity,
    cross_language: b(c.crossLanguage),
    passages_json: JSON.stringify(c.passages),
    has_attribution: b(c.hasAttribution),
    has_token: b(c.hasToken),
    has_link: b(c.hasLink),
    has_credits: b(c.hasCredits),
    legitimate: b(legitimate),
    flagged: b(!legitimate),
    last_seen_at: stamp,
  };
  const sourceKey = c.url ?? `candidate:${c.candidateId}`;
  await asDb(dbIn)
    .insertInto('copies_found')
    .values({ article_id: c.articleId, source_key: sourceKey, first_seen_at: stamp, ...facts })
    .onConflict((oc) => oc.columns(['article_id', 'source_key']).doUpdateSet(facts))
    .execute();
}

type Row = CopiesTables['copies_found'] & { id: number };
function toCopy(r: Row): FoundCopy {
  return {
    id: r.id,
    articleId: r.article_id,
    source: r.source as FoundCopy['source'],
    url: r.url,
    candidateId: r.candidate_id,
    title: r.title,
    language: r.language,
    similarity: Number(r.similarity),
    crossLanguage: r.cross_language === 1,
    passages: JSON.parse(r.passages_json) as string[],
    hasAttribution: r.has_attribution === 1,
    hasToken: r.has_token === 1,
    hasLink: r.has_link === 1,
    hasCredits: r.has_credits === 1,
    legitimate: r.legitimate === 1,
    flagged: r.flagged === 1,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
  };
}

export async function listFoundCopies(dbIn: Kysely<Database>, f: { articleId?: number; flagged?: boolean; limit?: number; offset?: number } = {}): Promise<FoundCopy[]> {
  let q = asDb(dbIn).selectFrom('copies_found').selectAll();
  if (f.articleId != null) q = q.where('article_id', '=', f.articleId);
  if (f.flagged != null) q = q.where('flagged', '=', b(f.flagged));
  const rows = await q.orderBy('last_seen_at', 'desc').orderBy('id', 'desc').limit(f.limit ?? 100).offset(f.offset ?? 0).execute();
  return (rows as Row[]).map(toCopy);
}
