// `relais import`: import articles by URL, from a file of URLs, from saved HTML or from pasted text.
import { readFileSync } from 'node:fs';
import type { AppContext } from '../../context.ts';
import type { Fetcher } from '../fetch/index.ts';
import { ImportError, importFromHtml, importFromPaste, type ImportOutcome } from './index.ts';
import { progressBar, type ProgressOut } from './progress.ts';
import { countJobs, runWorker } from '../jobs/index.ts';
import { enqueueUrlImports, importKey, importUrlHandler, IMPORT_URL_JOB } from './jobs.ts';

/** Lease on an import job, renewed while it runs: after a crash, the next run resumes it this much later. */
const LEASE_MS = Number(process.env.RELAIS_JOB_LEASE_MS ?? 15_000);

export const IMPORT_HELP = `Usage:
  relais import <url>... [--update]          fetch each page, extract it, create a draft
  relais import --from-file urls.txt         one URL per line (# comments and blank lines ignored)
  relais import --html page.html [--url U]   import saved HTML (U: the page's address)
  relais import --paste text.txt|-           import an article pasted as plain text (- reads stdin)
Options:
  --update          refresh a draft already made from the same original instead of reporting it
  --concurrency N   URLs fetched at once (default 4)
URLs are queued as jobs in the database first: if the command is stopped, running it again resumes.`;

interface Io {
  stdout: ProgressOut;
  stderr: ProgressOut;
  readStdin?: () => string;
}

function describe(o: ImportOutcome): string {
  const a = o.article;
  if (o.kind === 'exists') return `already imported as #${a.id} "${a.title}" (${o.reason}; use --update to refresh it)`;
  return `${o.kind} draft #${a.id} "${a.title}" [${a.language}]`;
}

function parseArgs(argv: string[]) {
  const opts = { update: false, concurrency: 4, fromFile: null as string | null, html: null as string | null, url: null as string | null, paste: null as string | null, urls: [] as string[], help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new ImportError(a, 'this option needs a value', 400);
      return v;
    };
    if (a === '--update') opts.update = true;
    else if (a === '--help' || a === '-h') opts.help = true;
    else if (a === '--from-file') opts.fromFile = value();
    else if (a === '--html') opts.html = value();
    else if (a === '--url') opts.url = value();
    else if (a === '--paste') opts.paste = value();
    else if (a === '--concurrency') opts.concurrency = Math.max(1, Math.min(32, Number(value()) || 4));
    else if (a.startsWith('--')) throw new ImportError(a, 'unknown option', 400);
    else opts.urls.push(a);
  }
  return opts;
}

/** Runs the command; returns the process exit code (0 all good, 1 some imports failed, 2 usage). */
export async function importCommand(ctx: AppContext, fetcher: Fetcher, argv: string[], io: Io): Promise<number> {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\n${IMPORT_HELP}\n`);
    return 2;
  }
  if (opts.help) {
    io.stdout.write(IMPORT_HELP + '\n');
    return 0;
  }
  const update = { update: opts.update, fetcher };
  try {
    if (opts.html) {
      io.stdout.write(describe(await importFromHtml(ctx, readFileSync(opts.html, 'utf8'), opts.url, update)) + '\n');
      return 0;
    }
    if (opts.paste) {
      const text = opts.paste === '-' ? (io.readStdin?.() ?? readFileSync(0, 'utf8')) : readFileSync(opts.paste, 'utf8');
      io.stdout.write(describe(await importFromPaste(ctx, text, update)) + '\n');
      return 0;
    }
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\n`);
    return 1;
  }

  const urls = [...opts.urls];
  if (opts.fromFile) {
    let listing: string;
    try {
      listing = readFileSync(opts.fromFile, 'utf8');
    } catch (err) {
      io.stderr.write(`cannot read ${opts.fromFile}: ${(err as Error).message}\n`);
      return 2;
    }
    urls.push(...listing.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
  }
  if (urls.length === 0) {
    io.stderr.write(IMPORT_HELP + '\n');
    return 2;
  }

  // Each URL becomes a job in the database; a run that was killed is taken up again by the next one.
  const keys = [...new Set(urls.map(importKey))];
  const skipped = urls.length - keys.length;
  await enqueueUrlImports(ctx, keys, update);
  const bar = progressBar(io.stderr, keys.length);
  const results = new Map<string, { outcome?: ImportOutcome; error?: string }>();
  const handler = importUrlHandler(ctx, fetcher, (url, r) => {
    results.set(url, r);
    bar.tick(url);
  });
  for (;;) {
    await runWorker({
      store: ctx.store,
      handlers: { [IMPORT_URL_JOB]: handler },
      concurrency: opts.concurrency,
      leaseMs: LEASE_MS,
      stopWhenIdle: true,
      now: ctx.now,
    });
    // Jobs left leased by a killed run become claimable when their lease expires: wait for them.
    const left = await countJobs(ctx.store.db, IMPORT_URL_JOB);
    if (left.queued + left.running === 0) break;
    await new Promise((r) => setTimeout(r, 1000));
  }

  const count = (k: string) => keys.filter((u) => results.get(u)?.outcome?.kind === k).length;
  const failed = keys.filter((u) => results.get(u)?.error);
  for (const u of keys) {
    const r = results.get(u);
    io.stdout.write(!r ? `${u}: imported by another run\n` : r.error ? `FAILED ${r.error}\n` : `${u}: ${describe(r.outcome!)}\n`);
  }
  io.stdout.write(
    `\n${keys.length} URL(s)${skipped ? ` (${skipped} repeated line(s) skipped)` : ''}: ${count('created')} created, ${count('updated')} updated, ${count('exists')} already imported, ${failed.length} failed\n`,
  );
  return failed.length ? 1 : 0;
}
