// Test helper: runs the real `relais` CLI (src/cli/main.ts under this Node) on a temporary data folder, and on
// SQLite, or on a throwaway PostgreSQL database when DATABASE_URL says so.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../store/db.ts';
import { openThrowawayDatabase } from '../store/test-store.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(REPO_ROOT, 'src/cli/main.ts');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliHarness {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  run(args: string[], extraEnv?: NodeJS.ProcessEnv): Promise<CliResult>;
  start(args: string[], extraEnv?: NodeJS.ProcessEnv): ChildProcess;
  /** The store the CLI writes to, opened from the test to look at it. */
  openStore(): Promise<Store>;
  close(): Promise<void>;
}

/** `databaseUrl`: a database of the caller's (e.g. a private PostgreSQL server) instead of a throwaway one. */
export async function openCliHarness(opts: { databaseUrl?: string } = {}): Promise<CliHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-cli-'));
  // One process unless a test asks for more (`serve --workers N`): what most tests look at is one server.
  const env: NodeJS.ProcessEnv = { ...process.env, RELAIS_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', RELAIS_WORKERS: '1' };
  delete env.DATABASE_URL;
  delete env.RELAIS_BASE_URL;
  // On PostgreSQL a whole throwaway database, so the CLI opens it exactly as in production (public schema).
  const { url: databaseUrl, drop: dropDatabase } = opts.databaseUrl
    ? { url: opts.databaseUrl, drop: async () => {} }
    : await openThrowawayDatabase(dataDir, 'relais_cli');
  if (/^postgres/.test(databaseUrl)) env.DATABASE_URL = databaseUrl;
  const start = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    spawn(process.execPath, [MAIN, ...args], { cwd: REPO_ROOT, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  return {
    dataDir,
    env,
    start,
    run: (args, extraEnv) =>
      new Promise((resolve, reject) => {
        const child = start(args, extraEnv);
        let stdout = '';
        let stderr = '';
        child.stdout!.setEncoding('utf8').on('data', (d) => (stdout += d));
        child.stderr!.setEncoding('utf8').on('data', (d) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      }),
    openStore: () => openStore(databaseUrl),
    async close() {
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
