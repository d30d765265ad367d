// `relais import`: import articles by URL, from a file of URLs, from saved HTML or from pasted text.
import { readFileSync } from 'node:fs';
import type { AppContext } from '../../context.ts';
import type { Fetcher } from '../fetch/index.ts';
import { ImportError, importFromHtml, importFromPaste, importFromUrl, type ImportOutcome } from './index.ts';
import { progressBar, type ProgressOut } from './progress.ts';

export const IMPORT_HELP = `Usage:
  relais import <url>... [--update]          fetch each page, extract it, create a draft
  relais import --from-file urls.txt         one URL per line (# comments and blank lines ignored)
  relais import --html page.html [--url U]   import saved HTML (U: the page's address)
  relais import --paste text.txt|-           import an article pasted as plain text (- reads stdin)
Options:
  --update          refresh a draft already made from the same original instead of reporting it
  --concurrency N   URLs fetched at once with --from-file (default 4)`;

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
  const update = { update: opts.update };
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

  const bar = progressBar(io.stderr, urls.length);
  const results: Array<{ url: string; outcome?: ImportOutcome; error?: string }> = new Array(urls.length);
  let next = 0;
  // Imports write one at a time (each in its own transaction); fetching and extraction overlap.
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      const url = urls[i];
      try {
        results[i] = { url, outcome: await importFromUrl(ctx, fetcher, url, update) };
      } catch (err) {
        results[i] = { url, error: (err as Error).message };
      }
      bar.tick(url);
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, urls.length) }, worker));

  const count = (k: string) => results.filter((r) => r.outcome?.kind === k).length;
  const failed = results.filter((r) => r.error);
  for (const r of results) io.stdout.write(r.error ? `FAILED ${r.error}\n` : `${r.url}: ${describe(r.outcome!)}\n`);
  io.stdout.write(`\n${urls.length} URL(s): ${count('created')} created, ${count('updated')} updated, ${count('exists')} already imported, ${failed.length} failed\n`);
  return failed.length ? 1 : 0;
}
