// `relais import`: articles from other outlets, through the safe fetcher (see ingest/import/cli.ts).
import { importCommand, IMPORT_HELP } from '../ingest/import/cli.ts';
import { fetcherFromEnv } from './fetcher.ts';
import { openContext } from './open-context.ts';

export const USAGE = IMPORT_HELP;

export async function importDelegate(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const { ctx } = await openContext();
  const fetcher = fetcherFromEnv();
  try {
    return await importCommand(ctx, fetcher, argv, { stdout: process.stdout, stderr: process.stderr });
  } finally {
    await fetcher.close();
    await ctx.store.close();
  }
}
