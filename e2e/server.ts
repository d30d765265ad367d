// Starts the real `relais serve --demo` as a child process on a free port, on SQLite in a temporary
// folder, or on a throwaway PostgreSQL database when DATABASE_URL names a PostgreSQL server.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openThrowawayDatabase } from '../src/store/test-store.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface RunningServer {
  base: string;
  dataDir: string;
  databaseUrl: string;
  /** What the server printed so far (its addresses, the demo owner's sign-in link). */
  output(): string;
  /** The demo owner's one-time sign-in link printed at start (null when none was printed). */
  ownerLink: string | null;
  /** Runs another `relais` command on the same data folder and database; returns its stdout. */
  cli(args: string[]): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** `hostName: 'localhost'` gives a base URL passkeys accept (WebAuthn refuses IP addresses as relying parties). */
export async function startServer(env: NodeJS.ProcessEnv = {}, opts: { hostName?: 'localhost' | '127.0.0.1' } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-e2e-'));
  const port = await freePort();
  const base = `http://${opts.hostName ?? '127.0.0.1'}:${port}`;
  const { url: databaseUrl, drop } = await openThrowawayDatabase(dataDir, 'relais_e2e');
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'src/cli/main.ts'), 'serve', '--demo', '--port', String(port)], {
    cwd: ROOT,
    env: { RELAIS_WORKERS: '1', ...process.env, ...env, RELAIS_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', RELAIS_BASE_URL: base },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  for (let i = 0; ; i++) {
    if (child.exitCode != null) throw new Error(`relais serve exited with ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(base + '/')).ok) break;
    } catch {}
    if (i > 600) throw new Error(`relais serve did not answer at ${base}:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  for (let i = 0; i < 50 && !/Press Ctrl-C/.test(log); i++) await new Promise((r) => setTimeout(r, 100));
  return {
    base,
    dataDir,
    databaseUrl,
    output: () => log,
    ownerLink: /one-time link[^:]*: (\S+)/.exec(log)?.[1] ?? null,
    cli: (args) =>
      new Promise((resolve, reject) => {
        const c = spawn(process.execPath, [join(ROOT, 'src/cli/main.ts'), ...args], {
          cwd: ROOT,
          env: { ...process.env, RELAIS_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, RELAIS_BASE_URL: base },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        c.stdout!.on('data', (d) => (out += d));
        c.on('error', reject);
        c.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`relais ${args.join(' ')} exited with ${code}`))));
      }),
    async stop() {
      if (child.exitCode == null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Paths of articles linked from a listing page. */
export async function articleLinks(base: string, listing: string): Promise<string[]> {
  const html = await (await fetch(base + listing)).text();
  return [...new Set([...html.matchAll(/href="(\/(?:fr|en)\/[a-z0-9-]+)"/g)].map((m) => m[1]))];
}

/** The first article of a listing whose page matches the test. */
export async function findArticle(base: string, listing: string, test: (html: string) => boolean): Promise<string> {
  for (const path of await articleLinks(base, listing)) {
    if (test(await (await fetch(base + path)).text())) return path;
  }
  throw new Error(`no article on ${listing} matches`);
}
