// TMX import and export of the translation memory (CLI `relais tm`, API /api/tm/import and /api/tm/export).
import type { AppContext } from '../context.ts';
import { unitsPage } from '../store/tm.ts';
import { languagePair } from './languages.ts';
import { remember } from './memory.ts';
import { readTmx } from './tmx-read.ts';
import { TMX_FOOTER, tmxHeader, tmxUnit } from './tmx-write.ts';

export interface TmxImportReport {
  /** Pairs read from the file (one per target variant of each unit). */
  read: number;
  /** Pairs new to the memory (the others were there already). */
  added: number;
  skipped: number;
  byPair: Record<string, { read: number; added: number }>;
}

export async function importTmx(ctx: AppContext, input: string | Uint8Array, opts: { maxBytes?: number } = {}): Promise<TmxImportReport> {
  const { pairs, skipped } = readTmx(input, opts);
  const groups = new Map<string, typeof pairs>();
  for (const p of pairs) {
    if (p.from === p.to) continue;
    const key = languagePair(p.from, p.to);
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  const report: TmxImportReport = { read: pairs.length, added: 0, skipped, byPair: {} };
  for (const [key, list] of groups) {
    const [from, to] = key.split('>');
    const added = await remember(ctx, from, to, list, 'tmx');
    report.added += added;
    report.byPair[key] = { read: list.length, added };
  }
  return report;
}

/** The pair's memory as TMX, written in pieces (`write` is called in order). */
export async function exportTmx(ctx: AppContext, from: string, to: string, write: (chunk: string) => void | Promise<void>): Promise<number> {
  const pair = languagePair(from, to);
  await write(tmxHeader(from, ctx.now().toISOString()));
  let after = 0;
  let n = 0;
  for (;;) {
    const rows = await unitsPage(ctx.store.db, pair, after, 1000);
    if (!rows.length) break;
    await write(rows.map((r) => tmxUnit({ from, to, source: r.source_text, target: r.target_text, createdAt: r.created_at })).join(''));
    n += rows.length;
    after = rows[rows.length - 1].id;
  }
  await write(TMX_FOOTER);
  return n;
}

export async function exportTmxText(ctx: AppContext, from: string, to: string): Promise<string> {
  const parts: string[] = [];
  await exportTmx(ctx, from, to, (c) => void parts.push(c));
  return parts.join('');
}
