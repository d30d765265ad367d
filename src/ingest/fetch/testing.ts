// Test helpers for the fetcher tests (mock resolver, connect spies, shared corpora). Not used by runtime code.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildConnector } from 'undici';
import type { Resolver, SocketOpener } from './connector.ts';

export const SSRF_DIR = fileURLToPath(new URL('../../../../shared/corpora/ssrf/', import.meta.url));
export const XML_ATTACKS_DIR = fileURLToPath(new URL('../../../../shared/corpora/xml-attacks/', import.meta.url));
export const hasSsrfCorpus = existsSync(`${SSRF_DIR}urls.json`) && existsSync(`${SSRF_DIR}test-patterns.json`);
export const hasXmlCorpus = existsSync(`${XML_ATTACKS_DIR}enc-cp1252-correctly-declared.xml`);
export const SKIP_SSRF = !hasSsrfCorpus && 'needs ../shared/corpora/ssrf (urls.json, test-patterns.json): not present';
export const SKIP_XML = !hasXmlCorpus && 'needs ../shared/corpora/xml-attacks: not present';

export interface SsrfEntry {
  id: string;
  url: string;
  category: string;
  why: string;
  refused_by: string[];
  mock_dns?: Record<string, string[]>;
  needs_dns?: boolean;
}

export interface TestPatterns {
  redirects: Array<{ status: number; location: string; why: string }>;
  dns_rebinding: Array<{ name: string; answers: Array<string | string[]>; why: string }>;
}

export function loadSsrfUrls(): SsrfEntry[] {
  return JSON.parse(readFileSync(`${SSRF_DIR}urls.json`, 'utf8')) as SsrfEntry[];
}

export function loadTestPatterns(): TestPatterns {
  return JSON.parse(readFileSync(`${SSRF_DIR}test-patterns.json`, 'utf8')) as TestPatterns;
}

export const EXPECTED_FRENCH = 'Élève à l’école : « déjà vu », coût 5 € — très bien';

/** A resolver answering from a fixed table (case-insensitive, trailing dot ignored), else `fallback`. */
export function tableResolver(table: Record<string, string[]>, fallback: string[] = ['1.2.3.4']): { resolver: Resolver; calls: string[] } {
  const norm = (h: string) => h.toLowerCase().replace(/\.$/, '');
  const map = new Map(Object.entries(table).map(([k, v]) => [norm(k), v]));
  const calls: string[] = [];
  const resolver: Resolver = async (hostname) => {
    calls.push(hostname);
    return map.get(norm(hostname)) ?? fallback;
  };
  return { resolver, calls };
}

export interface ConnectAttempt {
  hostname: string;
  port: number;
  protocol: string;
  servername?: string;
  allowed: boolean;
}

/**
 * A socket opener that records every attempt; attempts to `allowed` "ip:port" pairs go to undici's real
 * connector, every other one fails with ECONNREFUSED before any packet is sent.
 */
export function connectSpy(allowed: Iterable<string> = []): { open: SocketOpener; attempts: ConnectAttempt[]; refused(): ConnectAttempt[] } {
  const ok = new Set(allowed);
  const real = buildConnector({ timeout: 2_000 });
  const attempts: ConnectAttempt[] = [];
  const open: SocketOpener = (options, callback) => {
    const port = Number(options.port);
    const allow = ok.has(`${options.hostname}:${port}`);
    const attempt: ConnectAttempt = { hostname: options.hostname, port, protocol: options.protocol, allowed: allow };
    if (options.servername) attempt.servername = options.servername;
    attempts.push(attempt);
    if (allow) {
      real(options, callback);
      return;
    }
    const err = Object.assign(new Error(`connect spy refused ${options.hostname}:${port}`), { code: 'ECONNREFUSED' });
    queueMicrotask(() => callback(err, null));
  };
  return { open, attempts, refused: () => attempts.filter((a) => !a.allowed) };
}

interface TcpProto {
  connect: (req: unknown, address: string, port: number) => number;
  connect6: (req: unknown, address: string, port: number) => number;
}

/**
 * Whole-process guard: every TCP connect not allowed by `allow(address, port)` fails with ECONNREFUSED
 * (-111) and is recorded. This is the guard the corpus README used. Returns null if unavailable.
 */
export function installTcpGuard(allow: (address: string, port: number) => boolean): { attempts: string[]; restore(): void } | null {
  let proto: TcpProto;
  try {
    const saved = process.emitWarning;
    process.emitWarning = () => {};
    try {
      const binding = (process as unknown as { binding(name: string): { TCP: { prototype: TcpProto } } }).binding('tcp_wrap');
      proto = binding.TCP.prototype;
    } finally {
      process.emitWarning = saved;
    }
  } catch {
    return null;
  }
  const original = { connect: proto.connect, connect6: proto.connect6 };
  const attempts: string[] = [];
  const wrap = (fn: TcpProto['connect']): TcpProto['connect'] =>
    function (this: unknown, req: unknown, address: string, port: number) {
      if (allow(address, port)) return fn.call(this, req, address, port);
      attempts.push(`${address}:${port}`);
      return -111;
    };
  proto.connect = wrap(original.connect);
  proto.connect6 = wrap(original.connect6);
  return {
    attempts,
    restore() {
      proto.connect = original.connect;
      proto.connect6 = original.connect6;
    },
  };
}
