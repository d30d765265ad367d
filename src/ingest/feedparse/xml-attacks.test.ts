// Every file of shared/corpora/xml-attacks, with the expectations of its README: no file read, no
// connection or DNS lookup, no entity blow-up, a clean error or a documented salvage, exact text for enc-*.
import assert from 'node:assert/strict';
import dns from 'node:dns';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs';
import net from 'node:net';
import { test } from 'node:test';
import { parseFeed } from './index.ts';

const DIR = new URL('../../../../shared/corpora/xml-attacks/', import.meta.url);
const skip = !existsSync(DIR) && 'needs ../shared/corpora/xml-attacks';
const FRENCH = 'Élève à l’école : « déjà vu », coût 5 € — très bien';

/** Documented outcome per file: 'ok' parses clean, 'salvage' parses with bozo, 'error' is refused. */
const OUTCOME: Record<string, 'ok' | 'salvage' | 'error' | 'ok-or-salvage'> = {
  'billion-laughs.xml': 'salvage', // entities with references are not honoured: &lol9; stays literal text
  'quadratic-blowup.xml': 'error', // entity expansion budget (1M chars) exceeded
  'parameter-entity-laughs.xml': 'salvage',
  'xxe-file.xml': 'salvage', 'xxe-http.xml': 'salvage', 'xxe-parameter-oob.xml': 'salvage',
  'svg-xxe.svg': 'error', // not a feed
  'utf7-xxe.xml': 'error', // UTF-7 refused
  'xxe-external-dtd.xml': 'ok', 'xxe-external-dtd-public.xml': 'ok', 'xinclude.xml': 'ok',
  'deep-nesting-small.xml': 'error',
  'truncated-rss.xml': 'salvage', 'truncated-in-tag.xml': 'salvage', 'truncated-atom.xml': 'salvage',
  'mismatched-tags.xml': 'salvage', 'unescaped-ampersand.xml': 'salvage', 'undefined-entity.xml': 'salvage',
  'unclosed-cdata.xml': 'salvage', 'duplicate-attribute.xml': 'salvage', 'two-roots.xml': 'salvage',
  'control-chars.xml': 'salvage', 'nul-byte.xml': 'salvage', 'empty.xml': 'error', 'html-not-feed.xml': 'error',
  'bom-then-whitespace-decl.xml': 'salvage', 'cdata-script.xml': 'ok', 'valid-rss.xml': 'ok',
  'enc-cp1252-correctly-declared.xml': 'ok', 'enc-declared-iso-8859-1-actually-utf8.xml': 'ok',
  'enc-declared-utf8-actually-cp1252.xml': 'salvage', 'enc-iso-8859-1-declared-has-cp1252-bytes.xml': 'ok',
  'enc-no-declaration-cp1252.xml': 'salvage', 'enc-utf16le-no-bom.xml': 'ok', 'enc-utf8-bom-declared-cp1252.xml': 'ok',
};

test('xml-attacks corpus: bounded, side-effect free, documented outcome per file', { skip }, async () => {
  const files = readdirSync(DIR).filter((f) => /\.(xml|svg)$/.test(f)).sort();
  const inputs = new Map(files.map((f) => [f, readFileSync(new URL(f, DIR))]));
  const passwdFirstLine = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8').split('\n')[0] : 'root:x:0:0:';
  // A listener where xxe-http.xml points (needs privileges for port 1: the spies below suffice otherwise).
  let hits = 0;
  const listener = net.createServer((s) => { hits++; s.destroy(); });
  const listening = await new Promise<boolean>((resolve) => { listener.once('error', () => resolve(false)); listener.listen(1, '127.0.0.1', () => resolve(true)); });
  // Warm up lazily loaded modules (iconv-lite loads its codec tables with require on first use).
  for (const f of ['valid-rss.xml', 'enc-cp1252-correctly-declared.xml']) parseFeed(inputs.get(f) ?? '');
  const calls: string[] = [];
  const origConnect = net.Socket.prototype.connect; const origLookup = dns.lookup;
  const origOpen = fs.openSync; const origRead = fs.readFileSync;
  net.Socket.prototype.connect = function (this: net.Socket, ...a: unknown[]) { calls.push(`connect ${JSON.stringify(a[0])}`); return (origConnect as (...x: unknown[]) => net.Socket).apply(this, a); } as typeof origConnect;
  (dns as { lookup: unknown }).lookup = (...a: unknown[]) => { calls.push(`lookup ${String(a[0])}`); return (origLookup as (...x: unknown[]) => unknown)(...a); };
  (fs as { openSync: unknown }).openSync = (...a: unknown[]) => { calls.push(`open ${String(a[0])}`); return (origOpen as (...x: unknown[]) => number)(...a); };
  (fs as { readFileSync: unknown }).readFileSync = (...a: unknown[]) => { calls.push(`read ${String(a[0])}`); return (origRead as (...x: unknown[]) => unknown)(...a); };
  const results = new Map<string, ReturnType<typeof parseFeed>>();
  try {
    for (const [f, bytes] of inputs) results.set(f, parseFeed(bytes));
  } finally {
    net.Socket.prototype.connect = origConnect; (dns as { lookup: unknown }).lookup = origLookup;
    (fs as { openSync: unknown }).openSync = origOpen; (fs as { readFileSync: unknown }).readFileSync = origRead;
  }
  await new Promise((r) => setTimeout(r, 50));
  if (listening) listener.close(); else listener.close(() => undefined);
  assert.deepEqual(calls.filter((c) => !c.includes('/node_modules/')), [], 'the parser made no file access, connection or DNS lookup');
  assert.equal(hits, 0);
  for (const f of files) {
    const r = results.get(f);
    assert.ok(r, f);
    const out = JSON.stringify(r);
    assert.ok(!out.includes(passwdFirstLine), `${f}: /etc/passwd content in output`);
    assert.ok((out.match(/lol/g) ?? []).length <= 20, `${f}: entity blow-up`);
    const want = OUTCOME[f];
    assert.ok(want, `${f}: no documented outcome (new file in the corpus?)`);
    if (want === 'error') assert.equal(r.ok, false, `${f}: expected a clean error`);
    else {
      assert.ok(r.ok, `${f}: expected a result, got ${r.ok ? '' : r.error}`);
      if (want === 'ok') assert.equal(r.bozo, false, `${f}: ${r.bozoReason}`);
      if (want === 'salvage') assert.equal(r.bozo, true, `${f}: should be flagged bozo`);
    }
    if (f.startsWith('enc-') && r.ok) {
      assert.equal(r.feed.entries[0].title?.value, FRENCH, f);
      assert.equal(r.feed.entries[0].summary?.value, FRENCH, f);
    }
    if (f === 'cdata-script.xml' && r.ok) assert.ok(!/script|onerror/i.test(r.feed.entries[0].summary?.value ?? ''), 'sanitised');
    if (f === 'valid-rss.xml' && r.ok) assert.equal(r.feed.entries.length, 3);
    if (f === 'xinclude.xml' && r.ok) assert.ok(!out.includes('include'), 'xi:include dropped as inert markup');
  }
});
