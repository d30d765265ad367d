// Worker entry for parseFeedIsolated: parses one document and posts the result back.
import { parentPort, workerData } from 'node:worker_threads';
import { parseFeed } from './parse-feed.ts';
import type { ParseFeedOptions } from './parse-feed.ts';

const { input, isString, opts } = workerData as { input: Uint8Array | string; isString: boolean; opts: ParseFeedOptions };
const result = parseFeed(isString ? (input as string) : Buffer.from(input as Uint8Array), opts);
parentPort?.postMessage(result);
