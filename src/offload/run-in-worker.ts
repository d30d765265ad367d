// Runs one heavy, pure task (a module that answers its workerData with one postMessage) in a worker
// thread, so the request thread keeps answering meanwhile; the worker has its own heap limit and a
// wall-clock limit, so a pathological input can neither stall nor abort the server.
import { Worker } from 'node:worker_threads';

export interface WorkerTaskOptions {
  /** Names the task in error messages ("page extraction"). */
  what: string;
  timeoutMs?: number;
  maxHeapMb?: number;
}

export class WorkerTaskError extends Error {}

export function runInWorker<T>(module: URL, data: unknown, opts: WorkerTaskOptions): Promise<T> {
  const { what, timeoutMs = 20_000, maxHeapMb = 256 } = opts;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const worker = new Worker(module, {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    const timer = setTimeout(() => settle(() => reject(new WorkerTaskError(`${what} took longer than ${timeoutMs} ms`))), timeoutMs);
    worker.once('message', (value: T) => settle(() => resolve(value)));
    worker.once('error', (e: Error & { code?: string }) =>
      settle(() => reject(new WorkerTaskError(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `${what} needed more than ${maxHeapMb} MB` : `${what} failed: ${e.message}`))));
    worker.once('exit', (code) => settle(() => reject(new WorkerTaskError(`${what} stopped (code ${code})`))));
  });
}
