// parseFeedIsolated: parseFeed in a worker thread with its own heap limit and a wall-clock timeout, so a
// pathological document can neither abort the process (V8 out-of-memory is fatal for a whole isolate)
// nor stall the event loop.
import { Worker } from 'node:worker_threads';
import type { ParseFeedOptions, ParseFeedResult } from './parse-feed.ts';

export interface IsolationOptions {
  /** Wall-clock limit for one parse. Default 10 s. */
  timeoutMs?: number;
  /** Old-generation heap limit of the worker. Default 256 MB. */
  maxHeapMb?: number;
}

export function parseFeedIsolated(input: Buffer | Uint8Array | string, opts: ParseFeedOptions & IsolationOptions = {}): Promise<ParseFeedResult> {
  const { timeoutMs = 10_000, maxHeapMb = 256, ...parseOpts } = opts;
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: ParseFeedResult): void => { if (!settled) { settled = true; clearTimeout(timer); resolve(r); } };
    let worker: Worker;
    try {
      const isString = typeof input === 'string';
      // Copy bytes into a transferable buffer (the caller's Buffer may be a slice of a shared pool).
      const payload = isString ? input : new Uint8Array(input);
      worker = new Worker(new URL('./isolated-worker.ts', import.meta.url), {
        workerData: { input: payload, isString, opts: parseOpts },
        transferList: isString ? [] : [(payload as Uint8Array).buffer as ArrayBuffer],
        resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
        stdout: false, stderr: false,
      });
    } catch (e) {
      resolve({ ok: false, error: `could not start parser worker: ${(e as Error).message}` });
      return;
    }
    const timer = setTimeout(() => {
      done({ ok: false, error: `feed parse timed out after ${timeoutMs} ms` });
      void worker.terminate();
    }, timeoutMs);
    worker.once('message', (r: ParseFeedResult) => { done(r); void worker.terminate(); });
    worker.once('error', (e: Error & { code?: string }) => {
      done({ ok: false, error: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `feed parse exceeded ${maxHeapMb} MB of memory` : `feed parse failed: ${e.message}` });
    });
    worker.once('exit', (code) => done({ ok: false, error: `feed parser worker exited (code ${code})` }));
  });
}
