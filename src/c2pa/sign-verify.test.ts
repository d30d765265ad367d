// Our signer and verifier on a page and a text, and the tampered set; c2pa-rs checks the same when installed.
import test from 'node:test';
import assert from 'node:assert/strict';
import { signHtml, embeddedStore } from './html.ts';
import { signText } from './text.ts';
import { verifyAsset } from './verify.ts';
import { C2PA_NODE_SKIP, c2paRs, loadC2paNode, testCredentials } from './test-support.ts';
import type { ManifestSpec } from './spec.ts';

const { credentials } = await testCredentials();
const anchors = credentials.anchors;
const node = await loadC2paNode();

const spec = (over: Partial<ManifestSpec> = {}): ManifestSpec => ({
  title: 'Le pont rouvert', url: 'http://relais.test/fr/le-pont', language: 'fr', format: 'text/html', instanceId: 'xmp:iid:t-1',
  kind: 'original', authors: ['Camille Roux'], translators: [], editor: 'Ed', publisher: 'Relais Test', licence: 'CC BY 4.0',
  fromLanguage: null, updated: false, publishedAt: '2026-01-01T00:00:00Z', ingredients: [], ...over,
});

function page(body: string): Buffer {
  return Buffer.from(`<!doctype html>\n<html lang="fr"><head><title>t</title></head><body><article>${body}<section class="share-bar">0 0 0        </section><section class="credits"><p>Traduit par Avic</p></section></article></body></html>`);
}
const BODY = '<p>Premier paragraphe, é.</p><p>Deuxième paragraphe.</p>';

async function signed(body = BODY, url = 'http://relais.test/fr/le-pont') {
  const p = page(body);
  const at = p.indexOf('<section class="share-bar">');
  const length = p.indexOf('</section>', at) + 10 - at;
  return signHtml(p, spec({ url }), credentials.signer, { manifestUrl: 'http://relais.test/c2pa/articles/1.c2pa', variable: { start: at, length } });
}

const ours = (bytes: Buffer, mimeType: 'text/html' | 'text/plain', store?: Uint8Array) => verifyAsset({ bytes, mimeType, trustAnchors: anchors, store });

test('a signed page verifies: manifest embedded in <head>, linked, share bar free to change', async () => {
  const s = await signed();
  const text = s.page.toString();
  assert.ok(text.indexOf('<script type="application/c2pa">') < text.indexOf('</head>'));
  assert.match(text, /<link rel="c2pa-manifest" href="http:\/\/relais.test\/c2pa\/articles\/1.c2pa">/);
  assert.equal((await ours(s.page, 'text/html')).status, 'intact');
  const counts = Buffer.from(s.page);
  counts.write('9 7 123', s.variable!.start + '<section class="share-bar">'.length);
  assert.equal((await ours(counts, 'text/html')).status, 'intact', 'the excluded share range may change');
  assert.equal((await ours(s.page, 'text/html', s.store)).status, 'intact', 'detached store, as from the manifest URL');
  assert.ok(s.store.length <= 4096, `store ${s.store.length} bytes`);
});

async function tamperedPages() {
  const s = await signed();
  const t = s.page.toString();
  const other = await signed('<p>Un tout autre article.</p>', 'http://relais.test/fr/autre');
  const moved = Buffer.from(other.page.toString().replace(/<script type="application\/c2pa">[^<]*<\/script>/, () => t.match(/<script type="application\/c2pa">[^<]*<\/script>/)![0]));
  return {
    store: s.store,
    variants: {
      'a character changed': Buffer.from(t.replace('Premier', 'Prenier')),
      'a paragraph removed': Buffer.from(t.replace('<p>Deuxième paragraphe.</p>', '')),
      'the credit changed': Buffer.from(t.replace('Traduit par Avic', 'Traduit par Bob')),
      'the manifest moved onto another article': moved,
    },
  };
}

test('the tampered set is rejected by our verifier, every variant', async () => {
  const { variants } = await tamperedPages();
  for (const [name, bytes] of Object.entries(variants)) {
    const v = await ours(bytes, 'text/html');
    assert.ok(v.status === 'changed' || v.status === 'signature-broken', `${name}: ${v.status}`);
  }
});

test('a changed manifest (one byte of its claim) breaks the signature', async () => {
  const s = await signed();
  const store = Buffer.from(s.store);
  const at = store.indexOf('Camille');
  store[at] ^= 1;
  const v = await ours(s.page, 'text/html', store);
  assert.equal(v.status, 'signature-broken', v.summary);
});

test('text: wrapper appended, NFD re-encoding still verifies, a changed word does not', async () => {
  const t = await signText('Le café rouvre.\n\nDeuxième paragraphe.\n', spec({ format: 'text/plain' }), credentials.signer);
  assert.equal((await ours(Buffer.from(t.text), 'text/plain')).status, 'intact');
  assert.equal((await ours(Buffer.from(t.text.normalize('NFD')), 'text/plain')).status, 'intact');
  assert.equal((await ours(Buffer.from(t.text.replace('café', 'cafe')), 'text/plain')).status, 'changed');
  assert.equal((await ours(Buffer.from('Le café rouvre.'), 'text/plain')).status, 'unsigned');
  assert.ok(Buffer.byteLength(t.text) - Buffer.byteLength('Le café rouvre.\n\nDeuxième paragraphe.\n') < 16 * 1024);
});

test('an untrusted signer is reported as such', async () => {
  const s = await signed();
  const v = await verifyAsset({ bytes: s.page, mimeType: 'text/html', trustAnchors: [] });
  assert.equal(v.status, 'untrusted');
  assert.match(v.summary, /not on this site’s trust list/);
});

test('c2pa-rs trusts what we sign and rejects every tampered variant', { skip: !node && C2PA_NODE_SKIP }, async () => {
  const s = await signed();
  assert.deepEqual(await c2paRs(node!, anchors, s.store, s.page, 'text/html'), { state: 'Trusted', failures: [] });
  const t = await signText('Le café rouvre.\n', spec({ format: 'text/plain' }), credentials.signer);
  const wrapped = (await import('./text-wrapper.ts')).findWrapper(t.text)!;
  assert.equal((await c2paRs(node!, anchors, wrapped.store, Buffer.from(t.text), 'text/plain')).state, 'Trusted');
  const { store, variants } = await tamperedPages();
  for (const [name, bytes] of Object.entries(variants)) {
    const r = await c2paRs(node!, anchors, embeddedStore(bytes)?.store ?? store, bytes, 'text/html');
    assert.notEqual(r.state, 'Trusted', name);
    assert.ok(r.failures.some((f) => /dataHash\.mismatch|claimSignature\.mismatch|signature/i.test(f)), `${name}: ${r.failures.join(', ')}`);
  }
});
