// Worker side of sanitizeBodyOffThread.
import { parentPort, workerData } from 'node:worker_threads';
import { sanitizeBody } from './sanitize.ts';

parentPort!.postMessage(sanitizeBody(workerData));
