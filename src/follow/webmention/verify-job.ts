// The `webmention-verify` job: fetches the source through the safe fetcher and accepts the mention only
// if it links to the target (an element's href or src); reads its first h-entry's author, date and name
// (microformats-parser). A source gone (410) removes the mention, as the specification asks.
import { mf2 } from 'microformats-parser';
import type { AppContext } from '../../context.ts';
import type { Fetcher } from '../../ingest/fetch/index.ts';
import { PermanentJobError, type JobHandler } from '../../ingest/jobs/index.ts';
import { pageFacts, samePage } from '../republish/page-facts.ts';
import { purgeMentionedPage } from './purge.ts';

export interface EntryFacts {
  authorName: string | null;
  authorUrl: string | null;
  published: string | null;
  title: string | null;
}

const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : undefined);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 500) : null);

export function entryFacts(html: string, baseUrl: string): EntryFacts {
  const doc = mf2(html, { baseUrl });
  const entry = doc.items.find((i) => i.type?.includes('h-entry'));
  if (!entry) return { authorName: null, authorUrl: null, published: null, title: null };
  const p = entry.properties as Record<string, unknown[]>;
  const author = first(p.author);
  let authorName: string | null = null;
  let authorUrl: string | null = null;
  if (author && typeof author === 'object' && 'properties' in author) {
    const ap = (author as { properties: Record<string, unknown[]> }).properties;
    authorName = str(first(ap.name));
    authorUrl = str(first(ap.url));
  } else authorName = str(author);
  const published = str(first(p.published));
  return { authorName, authorUrl, published: published && !Number.isNaN(Date.parse(published)) ? published : null, title: str(first(p.name)) };
}

function linksTo(html: string, pageUrl: string, target: string): boolean {
  if (pageFacts(html, pageUrl).links.some((l) => samePage(l, target))) return true;
  // img/video/audio src attributes count too (the specification's "link" is any reference).
  return [...html.matchAll(/\ssrc\s*=\s*["']([^"']+)["']/gi)].some((m) => {
    try {
      return samePage(new URL(m[1], pageUrl).href, target);
    } catch {
      return false;
    }
  });
}

export function webmentionVerifyHandler(ctx: AppContext, fetcher: Fetcher): JobHandler {
  return async (job, jc) => {
    const { id } = job.payload as { id: number };
    const m = await ctx.store.db.selectFrom('webmentions').selectAll().where('id', '=', Number(id)).executeTakeFirst();
    if (!m) return void (await jc.transact(async () => {}));
    const res = await fetcher.fetch(m.source, { signal: jc.signal, maxBytes: 2 * 1024 * 1024, accept: 'text/html,application/xhtml+xml' }).catch((err) => {
      throw new PermanentJobError(`the source could not be fetched: ${(err as Error).message}`);
    });
    const at = ctx.now().toISOString();
    // An approved mention is on its article's page: a change to it changes the page.
    const shown = () => m.moderation === 'approved' && purgeMentionedPage(ctx, m.article_id);
    if (res.status === 410) return void (await jc.transact((tx) => tx.deleteFrom('webmentions').where('id', '=', m.id).execute()), shown());
    let update: Record<string, string | null>;
    if (res.status < 200 || res.status >= 300) update = { verification: 'refused', refusal: `the source answered ${res.status}` };
    else if (!linksTo(res.text, res.url, m.target)) update = { verification: 'refused', refusal: 'the source does not link to the target' };
    else {
      const e = /html/.test(res.contentType) ? entryFacts(res.text, res.url) : { authorName: null, authorUrl: null, published: null, title: null };
      update = { verification: 'verified', refusal: null, author_name: e.authorName, author_url: e.authorUrl, published: e.published, title: e.title ?? pageFacts(res.text, res.url).title };
    }
    await jc.transact((tx) => tx.updateTable('webmentions').set({ ...update, verified_at: at }).where('id', '=', m.id).execute());
    shown();
  };
}
