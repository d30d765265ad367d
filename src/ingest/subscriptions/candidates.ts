// Import candidates: the entries seen in feeds, waiting for an editor to import or dismiss them.
// One story is one candidate: unique per (feed, GUID), and across all feeds by link and by content hash
// (unique indexes, so concurrent pollers cannot insert a duplicate either).
import { createHash } from 'node:crypto';
import { decodeHTML } from 'entities';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import { InputError, NotFoundError } from '../../domain/types.ts';
import type { Database, ImportCandidatesTable } from '../../store/schema.ts';
import type { ParsedEntry, TextConstruct } from '../feedparse/index.ts';
import { checkEntriesForCopies } from '../../copies/check.ts';

export const CANDIDATE_STATES = ['new', 'imported', 'dismissed'] as const;
export type CandidateState = (typeof CANDIDATE_STATES)[number];

/** A candidate before it is stored. */
export interface CandidateInput {
  guid: string;
  link: string | null;
  title: string | null;
  publishedAt: string | null;
  contentHash: string | null;
  summary: string | null;
  author: string | null;
  /** The entry's own full text (sanitised HTML), kept when the feed carries the whole article. */
  contentHtml: string | null;
}

export interface ImportCandidate extends CandidateInput {
  id: number;
  feedId: number | null;
  state: CandidateState;
  createdAt: string;
}

type Row = Omit<ImportCandidatesTable, 'id'> & { id: number };

function toCandidate(r: Row): ImportCandidate {
  return {
    id: Number(r.id),
    feedId: r.feed_id == null ? null : Number(r.feed_id),
    guid: r.guid,
    link: r.link,
    title: r.title,
    publishedAt: r.published_at,
    contentHash: r.content_hash,
    summary: r.summary,
    author: r.author,
    contentHtml: r.content_html ?? null,
    state: r.state as CandidateState,
    createdAt: r.created_at,
  };
}

const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|_ga)$/i;

/** Link as used for deduplication: absolute http(s), no fragment, no tracking parameters. Null otherwise. */
export function normaliseLink(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING_PARAM.test(key)) u.searchParams.delete(key);
  if ([...u.searchParams.keys()].length === 0) u.search = '';
  return u.href.length > 4000 ? null : u.href;
}

/** Plain text of a text construct (HTML tags dropped, entities decoded, whitespace collapsed). */
export function plainText(t: TextConstruct | string | null | undefined): string {
  if (!t) return '';
  const value = typeof t === 'string' ? t : t.value;
  const type = typeof t === 'string' ? 'text/html' : (t.type ?? 'text/plain');
  const text = /html/i.test(type)
    ? decodeHTML(value.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' '))
    : value;
  return text.replace(/\s+/g, ' ').trim();
}

const MIN_HASHED_TEXT = 24;

/** Hash of what the entry says (title and text), or null when it says too little to tell entries apart. */
export function contentHashOf(title: string, body: string): string | null {
  const norm = `${title}\n${body}`.toLowerCase().replace(/\s+/g, ' ').trim();
  if (norm.length < MIN_HASHED_TEXT) return null;
  return createHash('sha256').update(norm).digest('hex');
}

function clip(s: string, max: number): string | null {
  if (!s) return null;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Entry content shorter than this is a teaser, not the article. */
export const FULL_CONTENT_MIN_CHARS = 200;
/** A summary (description) this long is taken as the whole article (feeds that put everything there). */
export const FULL_SUMMARY_MIN_CHARS = 800;
/** Larger entry bodies are not kept with the candidate (the page is fetched at import instead). */
const FULL_CONTENT_MAX_CHARS = 1_000_000;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The entry's own text, when it is the whole article rather than a teaser. */
export function entryFullContent(entry: ParsedEntry): { html: string; text: string } | null {
  const content = entry.content?.find((c) => c.value?.trim() && !c.src);
  const body = content ?? entry.summary;
  if (!body?.value || body.value.length > FULL_CONTENT_MAX_CHARS) return null;
  const text = plainText(body);
  if (text.length < (content ? FULL_CONTENT_MIN_CHARS : FULL_SUMMARY_MIN_CHARS)) return null;
  const html = /html/i.test(body.type ?? 'text/html')
    ? body.value
    : body.value.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p.trim())}</p>`).join('\n');
  return { html, text };
}

/** Turns parsed feed entries into candidates (pure). Entries with neither id, link nor text are skipped. */
export function entriesToCandidates(entries: readonly ParsedEntry[], limit = 500): CandidateInput[] {
  const out: CandidateInput[] = [];
  for (const e of entries.slice(0, limit)) {
    const title = plainText(e.title);
    const body = plainText(e.content?.[0] ?? e.summary);
    const link = normaliseLink(e.link ?? e.links?.find((l) => !l.rel || l.rel === 'alternate')?.href);
    const contentHash = contentHashOf(title, body);
    const id = typeof e.id === 'string' ? e.id.trim() : '';
    const guid = id ? id.slice(0, 2000) : link ?? (contentHash ? `sha256:${contentHash}` : null);
    if (!guid) continue;
    const author = e.author ?? e.authors?.find((a) => a.name)?.name ?? null;
    out.push({
      guid,
      link,
      title: clip(title, 1000),
      publishedAt: e.published?.iso ?? e.updated?.iso ?? null,
      contentHash,
      summary: clip(plainText(e.summary ?? e.content?.[0]), 2000),
      author: author ? clip(author.replace(/\s+/g, ' ').trim(), 300) : null,
      contentHtml: entryFullContent(e)?.html ?? null,
    });
  }
  return out;
}

/**
 * Stores the candidates of one feed that are not known yet. Returns how many were new. Works inside a
 * caller's transaction. Duplicates (same GUID in this feed, same link or content anywhere) are skipped.
 */
export async function insertCandidates(db: Kysely<Database>, feedId: number, candidates: readonly CandidateInput[], now: Date = new Date()): Promise<number> {
  if (candidates.length === 0) return 0;
  // Skip what this feed already gave (the common case: a feed repeats its last N entries on every change).
  const known = new Set<string>();
  const guids = [...new Set(candidates.map((c) => c.guid))];
  for (let i = 0; i < guids.length; i += 500) {
    const rows = await db
      .selectFrom('import_candidates')
      .select('guid')
      .where('feed_id', '=', feedId)
      .where('guid', 'in', guids.slice(i, i + 500))
      .execute();
    for (const r of rows) known.add(r.guid);
  }
  const seen = new Set<string>();
  const fresh = candidates.filter((c) => {
    if (known.has(c.guid) || seen.has(c.guid)) return false;
    seen.add(c.guid);
    return true;
  });
  if (fresh.length === 0) return 0;
  const stamp = now.toISOString();
  let inserted = 0;
  for (let i = 0; i < fresh.length; i += 100) {
    const rows = await db
      .insertInto('import_candidates')
      .values(
        fresh.slice(i, i + 100).map((c) => ({
          feed_id: feedId,
          guid: c.guid,
          link: c.link,
          title: c.title,
          published_at: c.publishedAt,
          content_hash: c.contentHash,
          summary: c.summary,
          author: c.author,
          content_html: c.contentHtml,
          state: 'new',
          created_at: stamp,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .returning(['id', 'guid'])
      .execute();
    inserted += rows.length;
    const byGuid = new Map(fresh.map((c) => [c.guid, c]));
    await checkEntriesForCopies(db, rows.map((r) => ({ id: r.id, ...byGuid.get(r.guid)! })), now);
  }
  return inserted;
}

export interface ListCandidatesFilter {
  state?: CandidateState;
  feedId?: number;
  limit?: number;
  /** Only candidates with a smaller id (for paging, newest first). */
  beforeId?: number;
}

/** Newest first. */
export async function listCandidates(ctx: AppContext, filter: ListCandidatesFilter = {}): Promise<ImportCandidate[]> {
  let q = ctx.store.db.selectFrom('import_candidates').selectAll().orderBy('id', 'desc').limit(Math.min(filter.limit ?? 100, 1000));
  if (filter.state) q = q.where('state', '=', filter.state);
  if (filter.feedId !== undefined) q = q.where('feed_id', '=', filter.feedId);
  if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
  return (await q.execute()).map(toCandidate);
}

export async function getCandidate(ctx: AppContext, id: number): Promise<ImportCandidate> {
  const row = await ctx.store.db.selectFrom('import_candidates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(`no import candidate with id ${id}`);
  return toCandidate(row);
}

/** Marks a candidate imported or dismissed (or new again). */
export async function setCandidateState(ctx: AppContext, id: number, state: CandidateState): Promise<ImportCandidate> {
  if (!(CANDIDATE_STATES as readonly string[]).includes(state)) throw new InputError(`state must be one of ${CANDIDATE_STATES.join(', ')}`, 'state');
  await getCandidate(ctx, id);
  await ctx.store.db.updateTable('import_candidates').set({ state }).where('id', '=', id).execute();
  return getCandidate(ctx, id);
}

export async function countCandidates(ctx: AppContext, feedId?: number): Promise<Record<CandidateState, number>> {
  let q = ctx.store.db.selectFrom('import_candidates').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('state');
  if (feedId !== undefined) q = q.where('feed_id', '=', feedId);
  const out: Record<CandidateState, number> = { new: 0, imported: 0, dismissed: 0 };
  for (const r of await q.execute()) out[r.state as CandidateState] = Number(r.n);
  return out;
}
