// OPML import (a report line per feed outline: added, already there, or refused with the reason) and export.
import type { AppContext } from '../../context.ts';
import { InputError } from '../../domain/types.ts';
import { addFeed, normaliseFeedUrl, findFeedByUrl, type UrlChecker } from './feeds.ts';
import { buildOpml } from './opml.ts';
import { parseOpmlIsolated } from './opml-isolated.ts';

export interface OpmlImportLine {
  line: number;
  url: string | null;
  title: string | null;
  folder: string | null;
  status: 'added' | 'exists' | 'invalid';
  reason?: string;
  feedId?: number;
}

export interface OpmlImportReport {
  title: string | null;
  added: number;
  existing: number;
  invalid: number;
  warnings: string[];
  lines: OpmlImportLine[];
}

export interface OpmlImportOptions {
  checkUrl?: UrlChecker;
  /** First polls of the new feeds are spread over this many seconds (default: 2 s per feed, at most 15 min). */
  spreadSeconds?: number;
  random?: () => number;
}

/** Imports the feeds of an OPML document. Throws InputError when the document itself is unusable. */
export async function importOpml(ctx: AppContext, document: string | Uint8Array, opts: OpmlImportOptions = {}): Promise<OpmlImportReport> {
  const parsed = await parseOpmlIsolated(document);
  if (!parsed.ok) throw new InputError(`OPML import failed: ${parsed.error}`, 'opml', 422);
  const report: OpmlImportReport = { title: parsed.title, added: 0, existing: 0, invalid: 0, warnings: parsed.warnings, lines: [] };
  const random = opts.random ?? Math.random;
  const spread = opts.spreadSeconds ?? Math.min(900, 2 * parsed.outlines.length);
  const now = ctx.now().getTime();
  for (const [i, o] of parsed.outlines.entries()) {
    // SQLite answers synchronously, so without a pause a long document would hold the event loop throughout.
    if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    const title = o.title ?? o.text;
    const base = { line: o.line, url: o.xmlUrl, title, folder: o.folder };
    if (!o.xmlUrl) {
      report.invalid++;
      report.lines.push({ ...base, status: 'invalid', reason: 'feed outline without an xmlUrl' });
      continue;
    }
    let url: string;
    try {
      url = normaliseFeedUrl(o.xmlUrl, opts.checkUrl, 'xmlUrl').url;
    } catch (e) {
      report.invalid++;
      report.lines.push({ ...base, status: 'invalid', reason: (e as Error).message });
      continue;
    }
    const known = await findFeedByUrl(ctx.store.db, url);
    if (known) {
      report.existing++;
      report.lines.push({ ...base, url, status: 'exists', feedId: known.id });
      continue;
    }
    const { feed, created } = await addFeed(
      ctx,
      { url, title, siteUrl: o.htmlUrl, folder: o.folder },
      { ...(opts.checkUrl ? { checkUrl: opts.checkUrl } : {}), nextCheckAt: new Date(now + Math.floor(random() * spread * 1000)) },
    );
    if (created) report.added++;
    else report.existing++;
    report.lines.push({ ...base, url, status: created ? 'added' : 'exists', feedId: feed.id });
  }
  return report;
}

/** Every subscription (active and paused) as an OPML 2.0 document. */
export async function exportOpml(ctx: AppContext, opts: { title?: string } = {}): Promise<string> {
  const rows = await ctx.store.db.selectFrom('feeds').select(['url', 'title', 'site_url', 'folder']).orderBy('folder').orderBy('title').orderBy('id').execute();
  return buildOpml(
    rows.map((r) => ({ url: r.url, title: r.title, siteUrl: r.site_url, folder: r.folder })),
    { title: opts.title ?? `${ctx.site.name || 'Relais'} subscriptions`, dateCreated: ctx.now() },
  );
}
