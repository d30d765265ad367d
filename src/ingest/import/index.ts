import type { AppContext } from '../../context.ts';
import type { Fetcher } from '../fetch/index.ts';
import { importContent, type ImportOptions, type ImportOutcome } from './import-article.ts';
import { contentFromHtml, contentFromPaste, contentFromUrl } from './sources.ts';

export { ImportError } from './errors.ts';
export type { ImportOutcome, ImportOptions } from './import-article.ts';

export async function importFromUrl(ctx: AppContext, fetcher: Fetcher, url: string, opts?: ImportOptions): Promise<ImportOutcome> {
  return importContent(ctx, await contentFromUrl(fetcher, url), { fetcher, ...opts });
}

export async function importFromHtml(ctx: AppContext, html: string, url: string | null, opts?: ImportOptions): Promise<ImportOutcome> {
  return importContent(ctx, await contentFromHtml(html, url), opts);
}

export async function importFromPaste(ctx: AppContext, text: string, opts?: ImportOptions): Promise<ImportOutcome> {
  return importContent(ctx, contentFromPaste(text), opts);
}

export { importCandidate, dismissCandidate } from './candidate.ts';
export type { CandidateImportOutcome } from './candidate.ts';
