// `relais import`: articles from other outlets, through the safe fetcher (see ingest/import/cli.ts).
import { createFetcher } from '../ingest/fetch/index.ts';
import { importCommand, IMPORT_HELP } from '../ingest/import/cli.ts';
import { openContext } from './open-context.ts';

export const USAGE = IMPORT_HELP;

export async function importDelegate(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const { ctx } = await openContext();
  // Loopback servers of one's own can be allowed explicitly (e.g. for tests): "127.0.0.1:8097,[::1]:8080".
  const allowHosts = (process.env.RELAIS_FETCH_ALLOW ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const fetcher = createFetcher({ allowHosts });
  try {
    return await importCommand(ctx, fetcher, argv, { stdout: process.stdout, stderr: process.stderr });
  } finally {
    await fetcher.close();
    await ctx.store.close();
  }
}
