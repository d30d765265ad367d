// Core of the feed conformance harness (bench/conformance-feeds.ts and conformance.test.ts): runs our
// parser over the feedparser test corpus the way feedparser's own harness runs it, projects the results
// to feedparser's shape and evaluates each case's Expect expression with the shared evaluator.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { toFeedparserShape } from './feedparser-projection.ts';
import { parseFeed } from './parse-feed.ts';
import type { ParseFeedResult } from './parse-feed.ts';

export const DEFAULT_CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpora/feedparser-tests');
export const DEFAULT_EVALUATOR = path.resolve(import.meta.dirname, '../../../../shared/tools/feedparser-expect/expect-eval.mjs');
export const EXPECTED_FAILURES_FILE = path.resolve(import.meta.dirname, 'conformance-expected-failures.json');

interface Evaluator {
  readCaseMeta(text: string): { description?: string; expect?: string; skipUnless: string | null; headers: Record<string, string> };
  decodeCaseFile(buf: Uint8Array): string;
  evaluate(expect: string, projection: unknown, opts?: { tier?: string }): boolean;
  markRaw<T>(projection: T): T;
}

export interface RunResult { id: string; file: string; mode: 'strict' | 'loose' | 'once'; folder: string; tier: 'core' | 'sanitize'; pass: boolean; reason?: string; ms: number }
export interface Summary {
  runs: RunResult[];
  byFolder: Map<string, { passed: number; failed: number }>;
  tiers: Record<'core' | 'sanitize', { passed: number; failed: number }>;
  unexpectedFailures: RunResult[];
  unexpectedPasses: string[];
  httpOrigin: string;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(xml|json|rdf|rss|atom)$/i.test(name)) out.push(p);
  }
  return out;
}

function folderOf(rel: string): string {
  const parts = rel.split('/');
  return parts[0] === 'wellformed' ? `wellformed/${parts[1]}` : parts[0];
}

async function startServer(corpus: string, evalr: Evaluator): Promise<{ server: http.Server; origin: string }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '');
    const file = path.join(corpus, rel);
    if (!file.startsWith(corpus + path.sep) || !existsSync(file)) { res.writeHead(404).end(); return; }
    const bytes = readFileSync(file);
    const meta = evalr.readCaseMeta(evalr.decodeCaseFile(bytes));
    const headers: Record<string, string> = { 'Content-Type': meta.headers['Content-type'] ?? 'text/xml', 'Content-Length': String(bytes.length) };
    for (const [k, v] of Object.entries(meta.headers)) if (k !== 'Content-type') headers[k] = v;
    res.writeHead(200, headers).end(bytes);
  });
  const listen = (port: number): Promise<void> => new Promise((resolve, reject) => {
    const onErr = (e: Error): void => { server.off('listening', onOk); reject(e); };
    const onOk = (): void => { server.off('error', onErr); resolve(); };
    server.once('error', onErr); server.once('listening', onOk);
    server.listen(port, '127.0.0.1');
  });
  try { await listen(8097); } catch { await listen(0); } // 8097 busy: use any port, rewrite the expectations
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function fetchRaw(url: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
    }).on('error', reject);
  });
}

export function loadExpectedFailures(file = EXPECTED_FAILURES_FILE): Record<string, string> {
  if (!existsSync(file)) return {};
  const data = JSON.parse(readFileSync(file, 'utf8')) as { failures: Record<string, string> };
  return data.failures ?? {};
}

export async function runConformance(opts: { corpus?: string; evaluator?: string; expected?: Record<string, string>; only?: RegExp } = {}): Promise<Summary> {
  const corpus = path.resolve(opts.corpus ?? DEFAULT_CORPUS);
  const evalr = (await import(pathToFileURL(opts.evaluator ?? DEFAULT_EVALUATOR).href)) as Evaluator;
  const expected = opts.expected ?? loadExpectedFailures();
  const { server, origin } = await startServer(corpus, evalr);
  const runs: RunResult[] = [];
  try {
    for (const file of walk(corpus)) {
      const rel = path.relative(corpus, file).split(path.sep).join('/');
      if (opts.only && !opts.only.test(rel)) continue;
      const bytes = readFileSync(file);
      const meta = evalr.readCaseMeta(evalr.decodeCaseFile(bytes));
      const suite = rel.split('/')[0];
      const folder = folderOf(rel);
      const tier = folder === 'wellformed/sanitize' ? 'sanitize' : 'core';
      let expect = meta.expect ?? '';
      if (origin !== 'http://127.0.0.1:8097') expect = expect.split('http://127.0.0.1:8097').join(origin);
      const record = (mode: RunResult['mode'], fn: () => { pass: boolean; reason?: string }, t0: number): void => {
        let res: { pass: boolean; reason?: string };
        try { res = fn(); } catch (e) { res = { pass: false, reason: `${(e as Error).constructor.name}: ${(e as Error).message}` }; }
        runs.push({ id: `${rel}#${mode}`, file: rel, mode, folder, tier, ms: performance.now() - t0, ...res });
      };
      const check = (projection: Record<string, unknown>, implicit: boolean | null): { pass: boolean; reason?: string } => {
        if (!meta.expect) return { pass: false, reason: 'no Expect in case file' };
        if (implicit !== null && !!projection.bozo !== implicit) return { pass: false, reason: `implicit: bozo should be ${implicit}` };
        const ok = evalr.evaluate(expect, evalr.markRaw(projection), { tier: 'ext' });
        return ok ? { pass: true } : { pass: false, reason: 'Expect is false' };
      };
      if (rel.includes('http')) {
        const t0 = performance.now();
        const url = `${origin}/${rel}`;
        let resp: Awaited<ReturnType<typeof fetchRaw>> | null = null; let fetchErr = '';
        try { resp = await fetchRaw(url); } catch (e) { fetchErr = (e as Error).message; }
        record('once', () => {
          if (!resp) return { pass: false, reason: `fetch failed: ${fetchErr}` };
          const r = parseFeed(resp.body, { url, headers: resp.headers });
          const proj = toFeedparserShape(r, { http: { href: url, status: resp.status, headers: resp.headers } });
          return check(proj, suite === 'wellformed' ? false : suite === 'illformed' ? true : null);
        }, t0);
        continue;
      }
      if (suite === 'wellformed' || suite === 'entities') {
        const text = evalr.decodeCaseFile(bytes);
        for (const mode of ['strict', 'loose'] as const) {
          const t0 = performance.now();
          record(mode, () => {
            const r: ParseFeedResult = parseFeed(text);
            const implicit = suite === 'entities' && mode === 'strict' ? true : false;
            return check(toFeedparserShape(r, { loose: mode === 'loose' }), implicit);
          }, t0);
        }
        continue;
      }
      const t0 = performance.now();
      record('once', () => check(toFeedparserShape(parseFeed(bytes)), null), t0);
    }
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  const byFolder = new Map<string, { passed: number; failed: number }>();
  const tiers = { core: { passed: 0, failed: 0 }, sanitize: { passed: 0, failed: 0 } };
  const unexpectedFailures: RunResult[] = []; const unexpectedPasses: string[] = [];
  for (const r of runs) {
    const f = byFolder.get(r.folder) ?? { passed: 0, failed: 0 };
    if (r.pass) { f.passed++; tiers[r.tier].passed++; } else { f.failed++; tiers[r.tier].failed++; }
    byFolder.set(r.folder, f);
    const listed = Object.prototype.hasOwnProperty.call(expected, r.id) || Object.prototype.hasOwnProperty.call(expected, r.file);
    if (!r.pass && !listed) unexpectedFailures.push(r);
    if (r.pass && Object.prototype.hasOwnProperty.call(expected, r.id)) unexpectedPasses.push(r.id);
  }
  return { runs, byFolder, tiers, unexpectedFailures, unexpectedPasses, httpOrigin: origin };
}
