// parseOpml off the request thread: a document of tens of thousands of outlines does not stall the server.
import { runInWorker } from '../../offload/run-in-worker.ts';
import type { OpmlParseResult } from './opml.ts';

export async function parseOpmlIsolated(document: string | Uint8Array): Promise<OpmlParseResult> {
  try {
    return await runInWorker<OpmlParseResult>(new URL('./opml-worker.ts', import.meta.url), document, { what: 'OPML parsing' });
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
