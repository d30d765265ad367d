// Worker side of parseOpmlIsolated.
import { parentPort, workerData } from 'node:worker_threads';
import { parseOpml } from './opml.ts';

parentPort!.postMessage(parseOpml(workerData));
