// Bulk imports run as jobs in the database: a list of URLs is queued first, then worked through. A process
// killed mid-way leaves its jobs queued or leased; the next run (or any worker) takes them up again, and
// each draft is written in the same transaction that marks its job done, so nothing is imported twice.
import type { AppContext } from '../../context.ts';
import type { Fetcher } from '../fetch/index.ts';
import { enqueueJob, LeaseLostError, PermanentJobError, type JobHandler } from '../jobs/index.ts';
import { ImportError } from './errors.ts';
import { importContent, type ImportOutcome } from './import-article.ts';
import { fetchImages } from './images.ts';
import { normaliseUrl } from './normalise-url.ts';
import { contentFromUrl } from './sources.ts';

export const IMPORT_URL_JOB = 'import-url';

export interface ImportUrlPayload {
  url: string;
  update: boolean;
}

/** Queues one job per URL (a URL already queued or running is not queued twice). Returns how many were new. */
export async function enqueueUrlImports(ctx: AppContext, urls: readonly string[], opts: { update?: boolean } = {}): Promise<number> {
  let queued = 0;
  for (const url of urls) {
    const job = await enqueueJob<ImportUrlPayload>(
      ctx.store.db,
      // Attempts are for crashes (an expired lease): an import that fails is final and reported.
      { kind: IMPORT_URL_JOB, payload: { url, update: opts.update ?? false }, dedupKey: `${IMPORT_URL_JOB}:${url}`, maxAttempts: 3 },
      ctx.now(),
    );
    if (job) queued++;
  }
  return queued;
}

/** The key a URL is queued under, so callers can match outcomes to their input lines. */
export function importKey(url: string): string {
  try {
    return normaliseUrl(url);
  } catch {
    return url;
  }
}

/**
 * The handler for import-url jobs. Fetching and extraction happen outside any transaction; the draft is
 * written inside the job's own transaction. `report` receives each outcome or error message.
 */
export function importUrlHandler(
  ctx: AppContext,
  fetcher: Fetcher,
  report: (url: string, result: { outcome?: ImportOutcome; error?: string }) => void = () => {},
): JobHandler {
  return async (job, jctx) => {
    const { url, update } = job.payload as ImportUrlPayload;
    try {
      // Its pictures too are fetched here, outside the job's transaction.
      const content = await fetchImages(ctx, fetcher, await contentFromUrl(fetcher, url));
      const outcome = await jctx.transact((tx) => importContent({ ...ctx, store: { ...ctx.store, db: tx } }, content, { update }));
      report(url, { outcome });
    } catch (err) {
      // Only a crash or a lost lease is worth running again; a failed import is final and reported.
      if (err instanceof LeaseLostError) throw err;
      const message = err instanceof ImportError ? err.message : `Import of ${url} failed: ${(err as Error).message}`;
      report(url, { error: message });
      throw new PermanentJobError(message, { cause: err });
    }
  };
}
