// The processes under test: `relais serve` / `relais worker` started with the memory probe preloaded, their
// output kept in a log file, their memory read from what the probe writes; and the loopback feed server.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const PROBE = fileURLToPath(new URL('./memory-probe.ts', import.meta.url));
const POLL_SERVER = fileURLToPath(new URL('../poll-server.ts', import.meta.url));

export interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  rssAnon: number;
  rssFile: number;
  /** The event loop's longest delay over the last minute. */
  loopDelayMaxMs: number;
  /** V8's heap spaces: [committed, used] bytes by name (old, new, large_object, code, …). */
  spaces: Record<string, [number, number]>;
}

/** Bytes live in V8's long-lived spaces (old, large objects, code): where a leak accumulates. */
export function oldGeneration(m: Memory): number {
  const sp = m.spaces ?? {};
  return ['old', 'large_object', 'code', 'trusted', 'trusted_large_object', 'code_large_object'].reduce((sum, k) => sum + (sp[k]?.[1] ?? 0), 0);
}

/**
 * RSS less V8's young generation: V8 grows and shrinks that space between fixed bounds (128 MB here) as the
 * allocation rate changes, so RSS swings by up to that much without anything being kept; what is left is where
 * native memory that is kept (and the old generation) shows.
 */
export function rssOutsideYoung(m: Memory): number {
  const sp = m.spaces ?? {};
  return m.rss - (sp.new?.[0] ?? 0) - (sp.new_large_object?.[0] ?? 0);
}

export interface Relais {
  name: string;
  child: ChildProcess;
  log: string;
  /** The probe's latest figures (at most a second old), or null before its first write. */
  memory(): Memory | null;
  stop(): Promise<number | null>;
}

export function startRelais(name: string, args: string[], env: NodeJS.ProcessEnv, dir: string): Relais {
  const log = join(dir, `${name}.log`);
  const out = openSync(log, 'a');
  const child = spawn(process.execPath, ['--import', PROBE, MAIN, ...args], { env: { ...env, SOAK_STATS_DIR: dir }, stdio: ['ignore', out, out] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name,
    child,
    log,
    memory() {
      try {
        return JSON.parse(readFileSync(join(dir, `${child.pid}.json`), 'utf8')) as Memory;
      } catch {
        return null;
      }
    },
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** The feed server of bench:poll, on one port of each address; `counts()` asks it for its request count. */
export async function startFeedServer(addresses: string[]): Promise<{ port: number; requests(): Promise<number>; stop(): Promise<number> }> {
  const child = spawn(process.execPath, [POLL_SERVER, addresses.join(',')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let waiting: ((line: string) => void) | null = null;
  let buffer = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    buffer += d;
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      if (waiting) waiting(line);
      else lines.push(line);
    }
  });
  const next = () => new Promise<string>((resolve) => (lines.length ? resolve(lines.shift()!) : (waiting = (l) => ((waiting = null), resolve(l)))));
  const port = Number(await next());
  const count = async (signal: NodeJS.Signals) => {
    child.kill(signal);
    return Number(/requests (\d+)/.exec(await next())?.[1]);
  };
  return { port, requests: () => count('SIGUSR2'), stop: () => count('SIGTERM') };
}
