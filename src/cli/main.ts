// `relais <command>`: dispatches to one small module per command, loaded only when used.
import { InputError } from '../domain/types.ts';
import { UsageError } from './args.ts';
import { tuneMalloc } from './malloc-tuning.ts';

type Command = { summary: string; load: () => Promise<{ run: (argv: string[]) => Promise<number>; usage: string }> };

const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'serve the site and the API (--port N, --demo, --workers N)',
    load: async () => {
      const m = await import('./serve.ts');
      return { run: m.serveCommand, usage: m.USAGE };
    },
  },
  worker: {
    summary: 'poll feeds and run the background jobs, without HTTP (any number, beside serve, on one database)',
    load: async () => {
      const m = await import('./worker.ts');
      return { run: m.workerCommand, usage: m.USAGE };
    },
  },
  migrate: {
    summary: 'apply the pending database migrations (all or none) and print the schema version',
    load: async () => {
      const m = await import('./migrate.ts');
      return { run: m.migrateCommand, usage: m.USAGE };
    },
  },
  'init-demo': {
    summary: 'fill the database with the demo content (--force replaces it)',
    load: async () => {
      const m = await import('./init-demo.ts');
      return { run: m.initDemoCommand, usage: m.USAGE };
    },
  },
  'import-json': {
    summary: 'import sections, people, outlets and articles from a JSON file, all or nothing',
    load: async () => {
      const m = await import('./import-json.ts');
      return { run: m.importJsonCommand, usage: m.USAGE };
    },
  },
  user: {
    summary: 'newsroom accounts: add, list, disable, enable, reset (a one-time sign-in link)',
    load: async () => {
      const m = await import('./user.ts');
      return { run: m.userCommand, usage: m.USAGE };
    },
  },
  token: {
    summary: 'API tokens: create <name> [--scope], list, revoke',
    load: async () => {
      const m = await import('./token.ts');
      return { run: m.tokenCommand, usage: m.USAGE };
    },
  },
  import: {
    summary: 'import articles from other outlets: <url>..., --from-file, --html, --paste',
    load: async () => {
      const m = await import('./import.ts');
      return { run: m.importDelegate, usage: m.USAGE };
    },
  },
  feeds: {
    summary: 'feed subscriptions: add, list, pause, resume, remove, import-opml, export-opml, candidates, import-candidate',
    load: async () => {
      const m = await import('./feeds.ts');
      return { run: m.feedsCommand, usage: m.USAGE };
    },
  },
  poll: {
    summary: 'poll the subscribed feeds until stopped (--once: one round), storing new entries as candidates',
    load: async () => {
      const m = await import('./poll.ts');
      return { run: m.pollCommand, usage: m.USAGE };
    },
  },
  tm: {
    summary: 'translation memory: import FILE.tmx, export --from en --to fr [FILE.tmx]',
    load: async () => {
      const m = await import('./tm.ts');
      return { run: m.tmCommand, usage: m.USAGE };
    },
  },
  reviewer: {
    summary: 'reviewers named per language pair: add <email> <from> <to>, list, remove <email> <from> <to>',
    load: async () => {
      const m = await import('./reviewer.ts');
      return { run: m.reviewerCommand, usage: m.USAGE };
    },
  },
  keys: {
    summary: 'C2PA signing keys: init (development CA and certificate), rotate [--cert --key], list',
    load: async () => {
      const m = await import('./keys.ts');
      return { run: m.keysCommand, usage: m.USAGE };
    },
  },
  verify: {
    summary: 'check the Content Credentials (C2PA) of a page or text: <url | file>',
    load: async () => {
      const m = await import('./verify.ts');
      return { run: m.verifyCommand, usage: m.USAGE };
    },
  },
  export: {
    summary: 'an article as plain text with its Content Credentials: --text <id>',
    load: async () => {
      const m = await import('./export.ts');
      return { run: m.exportCommand, usage: m.USAGE };
    },
  },
  copies: {
    summary: 'copy detection: match FILE... [--json] (which articles a page or text copies), reindex',
    load: async () => {
      const m = await import('../copies/cli.ts');
      return { run: m.copiesCommand, usage: m.USAGE };
    },
  },
  backup: {
    summary: 'one file with the database, the media and a checksummed manifest: FILE [--with-keys]',
    load: async () => {
      const m = await import('../backup/cli.ts');
      return { run: m.backupCommand, usage: m.BACKUP_USAGE };
    },
  },
  restore: {
    summary: 'put a backup back, after checking all of it: FILE [--force]',
    load: async () => {
      const m = await import('../backup/cli.ts');
      return { run: m.restoreCommand, usage: m.RESTORE_USAGE };
    },
  },
  extract: {
    summary: 'extract articles from saved HTML pages (FILE... [--url URL])',
    load: async () => {
      const m = await import('./extract.ts');
      return { run: m.extractDelegate, usage: m.USAGE };
    },
  },
};

const USAGE = `usage: relais <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`)
  .join('\n')}

Run "relais <command> --help" for a command's options.
Environment: PORT (8080), HOST, DATABASE_URL (default SQLite in the data folder), RELAIS_DATA_DIR (./data),
RELAIS_BASE_URL, RELAIS_SITE_NAME, RELAIS_LANGUAGES, RELAIS_LOG=1 (request log), RELAIS_POLL=0 (serve without the
feed poller), RELAIS_WORKERS (serve's processes), RELAIS_FETCH_ALLOW (loopback/private ip:port the fetcher may contact).`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic && COMMANDS[topic]) {
      console.log((await COMMANDS[topic].load()).usage);
      return 0;
    }
    (name ? console.log : console.error)(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`relais: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  const { run, usage } = await command.load();
  try {
    return await run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`relais ${name}: ${err.message}\n${usage}`);
      return 2;
    }
    if (err instanceof InputError) {
      console.error(`relais ${name}: ${err.message}${err.field ? ` (${err.field})` : ''}`);
      return 1;
    }
    console.error(`relais ${name}: ${(err as Error).message ?? err}`);
    if (process.env.RELAIS_DEBUG) console.error(err);
    return 1;
  }
}

tuneMalloc(process.argv.slice(2));
process.exitCode = await main(process.argv.slice(2));
