// The long-running commands (serve, worker) run with glibc's malloc told to keep less freed memory. glibc reads
// its settings from the environment once, at start, so the process re-executes itself in place (same pid,
// same arguments) with them set. Why: by default glibc gives each busy thread an arena (16 on two cores) and
// raises its mmap and trim thresholds to the largest block freed so far (V8's parser frees blocks of several
// MB at start-up), after which no arena gives freed memory back; bench:soak measured `relais serve` holding
// 220 MB of malloc memory with 32 MB in use. With two arenas and fixed thresholds its RSS is about 115 MB
// lower from start to end (README, "Memory"). RELAIS_MALLOC=system, or any MALLOC_* setting of the
// operator's, keeps the process as it was started.
import { existsSync } from 'node:fs';

export const MALLOC_SETTINGS: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };
const LONG_RUNNING = new Set(['serve', 'worker']);

/** The environment to re-execute with, or null to go on as started. */
export function mallocEnvironment(command: string | undefined, env: NodeJS.ProcessEnv, glibc: () => boolean): NodeJS.ProcessEnv | null {
  if (!command || !LONG_RUNNING.has(command)) return null;
  if (env.RELAIS_MALLOC === 'system' || Object.keys(env).some((k) => k.startsWith('MALLOC_') || k === 'GLIBC_TUNABLES')) return null;
  return glibc() ? { ...env, ...MALLOC_SETTINGS } : null;
}

function isGlibc(): boolean {
  if (process.platform !== 'linux') return false;
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return !!header?.glibcVersionRuntime;
}

/** Re-executes this process with the malloc settings when `mallocEnvironment` asks for it; returns otherwise. */
export function tuneMalloc(argv: string[]): void {
  if (typeof process.execve !== 'function' || !existsSync(process.execPath)) return;
  const env = mallocEnvironment(argv[0], process.env, isGlibc);
  if (env) process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], env as Record<string, string>);
}
