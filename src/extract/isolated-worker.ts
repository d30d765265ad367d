// Worker side of extractArticleIsolated.
import { parentPort, workerData } from 'node:worker_threads';
import { extractArticle } from './index.ts';

parentPort!.postMessage(extractArticle(workerData.html, workerData.opts));
