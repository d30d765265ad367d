import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { loadSigner, rotateKeys, siteCertificates, trustAnchors, initKeys } from './keys.ts';
import { signText } from './text.ts';
import { verifyAsset } from './verify.ts';
import { testCredentials } from './test-support.ts';
import type { ManifestSpec } from './spec.ts';

const spec: ManifestSpec = {
  title: 'Essai', url: 'http://relais.test/fr/essai', language: 'fr', format: 'text/plain', instanceId: 'xmp:iid:test-1',
  kind: 'original', authors: ['Ana'], translators: [], editor: null, publisher: 'Relais Test', licence: null,
  fromLanguage: null, updated: false, publishedAt: null, ingredients: [],
};

test('keys init: a development CA and an ES256 site certificate marked NOT TRUSTED, owner-only files', async () => {
  const { keys } = await testCredentials('Le Site');
  assert.equal(statSync(keys.dir).mode & 0o777, 0o700);
  for (const f of readdirSync(keys.dir)) assert.equal(statSync(join(keys.dir, f)).mode & 0o777, 0o600, f);
  const [site] = siteCertificates(keys).map((p) => new X509Certificate(p));
  assert.match(site.subject, /NOT TRUSTED - Relais development CA/);
  assert.equal(site.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
  assert.ok(site.verify(new X509Certificate(trustAnchors(keys)[0]).publicKey), 'issued by the development CA');
  assert.equal(site.ca, false);
  const again = await initKeys(keys, 'Le Site');
  assert.equal(again.created, false, 'init twice keeps the keys');
});

test('rotation: the new key signs from then on, and a text signed with the old key still verifies', async () => {
  const { keys } = await testCredentials();
  const old = (await loadSigner(keys))!;
  const before = await signText('Un texte signé avant la rotation.', spec, old);
  assert.equal(await rotateKeys(keys, 'Relais Test'), 2);
  const now = (await loadSigner(keys))!;
  assert.notEqual(now.chainPem[0], old.chainPem[0]);
  assert.equal(siteCertificates(keys).length, 2, 'the old certificate is kept');
  const v = await verifyAsset({ bytes: Buffer.from(before.text), mimeType: 'text/plain', trustAnchors: trustAnchors(keys) });
  assert.equal(v.status, 'intact', v.summary);
});

test('rotate refuses a key that does not belong to the certificate', async () => {
  const a = await testCredentials();
  const b = await testCredentials();
  const certPem = siteCertificates(a.keys)[0];
  const { readFileSync } = await import('node:fs');
  const keyPem = readFileSync(join(b.keys.dir, 'site-1.key'), 'utf8');
  await assert.rejects(rotateKeys(a.keys, 'x', { certPem, keyPem }), /does not belong/);
});
