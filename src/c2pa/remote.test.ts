// Verifying what a URL serves, through the safe fetcher (a loopback server, allowed explicitly): the embedded
// manifest, the rel="c2pa-manifest" link when the page carries none, and the fetcher's refusals.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetcher } from '../ingest/fetch/index.ts';
import { signHtml } from './html.ts';
import { verifyUrl } from './remote.ts';
import { testCredentials } from './test-support.ts';
import type { ManifestSpec } from './spec.ts';

const { credentials } = await testCredentials();
const spec: ManifestSpec = {
  title: 'Page', url: 'http://x.test/p', language: 'en', format: 'text/html', instanceId: 'xmp:iid:r-1', kind: 'original',
  authors: ['A'], translators: [], editor: null, publisher: 'Relais Test', licence: null, fromLanguage: null, updated: false, publishedAt: null, ingredients: [],
};
const server = createServer();
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
const base = `http://${host}`;
const signed = await signHtml(Buffer.from('<!doctype html><html><head><title>p</title></head><body><p>Hello.</p></body></html>'), spec, credentials.signer, { manifestUrl: `${base}/m.c2pa` });
// The same page with the embedded element taken out: only its link to the manifest remains.
const linkedOnly = Buffer.from(signed.page.toString().replace(/<script type="application\/c2pa">[^<]*<\/script>/, ''));
server.on('request', (req, res) => {
  if (req.url === '/embedded') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(signed.page);
  else if (req.url === '/linked') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(linkedOnly);
  else if (req.url === '/m.c2pa') res.writeHead(200, { 'content-type': 'application/c2pa' }).end(Buffer.from(signed.store));
  else res.writeHead(404).end();
});
const fetcher = createFetcher({ allowHosts: [host], timeoutMs: 5000 });
after(async () => {
  await fetcher.close();
  server.close();
});

test('a page with its embedded manifest verifies from its URL', async () => {
  const r = await verifyUrl(fetcher, `${base}/embedded`, credentials.anchors);
  assert.equal(r.verification.status, 'intact');
});

test('a page without the embedded element is checked against the manifest its link points to', async () => {
  const r = await verifyUrl(fetcher, `${base}/linked`, credentials.anchors);
  assert.equal(r.verification.status, 'changed', 'the hash covered the embedded element’s absence: the exclusion now cuts real bytes');
  assert.equal(r.verification.hops[0].signatureValid, true, 'the linked manifest itself is read and its signature holds');
});

test('the fetcher refuses what its policy refuses, as a clear error', async () => {
  await assert.rejects(verifyUrl(createFetcher(), 'http://127.0.0.1:1/x', credentials.anchors), /127\.0\.0\.1/);
  await assert.rejects(verifyUrl(fetcher, `${base}/missing`, credentials.anchors), /404/);
});
