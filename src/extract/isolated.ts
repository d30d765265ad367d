// extractArticle off the request thread (see offload/run-in-worker.ts): imports of huge or broken pages
// do not stall the server.
import { runInWorker } from '../offload/run-in-worker.ts';
import type { ExtractedArticle, ExtractOptions } from './index.ts';

export function extractArticleIsolated(html: string, opts: ExtractOptions = {}): Promise<ExtractedArticle> {
  return runInWorker(new URL('./isolated-worker.ts', import.meta.url), { html, opts }, { what: 'page extraction' });
}
