// The wrapper's framing against the published vectors (writerslogic c2pa-unstructured-text tests/vectors.rs,
// the C2PA corpus A.8 values) and its error cases.
import test from 'node:test';
import assert from 'node:assert/strict';
import { encodePaddedWrapper, encodeWrapper, findWrapper, paddedLength, MARKER } from './text-wrapper.ts';

const HOST = 'This sentence carries an invisible C2PA text manifest wrapper at its end.';
const PAYLOAD = Buffer.from('c2pa-manifest-01');
const UNPADDED_HEX =
  'efbbbff3a084b3f3a084a2f3a08580f3a084b1f3a08584f3a08588f3a08584efb880efb881efb880efb880efb880f3a08480f3a08593f3a084a2f3a085a0f3a08591f3a0849df3a0859df3a08591f3a0859ef3a08599f3a08596f3a08595f3a085a3f3a085a4f3a0849df3a084a0f3a084a1';
const PADDED_HEX = UNPADDED_HEX + 'efb880f3a08480f3a08480';

test('the unpadded and padded wrappers match the published vectors', () => {
  const plain = Buffer.from(encodeWrapper(PAYLOAD));
  assert.equal(plain.toString('hex'), UNPADDED_HEX);
  assert.equal(plain.length, 114);
  const padded = Buffer.from(encodePaddedWrapper(PAYLOAD));
  assert.equal(padded.toString('hex'), PADDED_HEX);
  assert.equal(padded.length, paddedLength(PAYLOAD.length));
  assert.equal(padded.length, 125);
});

test('the published exclusion range is found: start 73, length 114', () => {
  const asset = HOST + encodeWrapper(PAYLOAD);
  assert.equal(Buffer.byteLength(asset), 187);
  const w = findWrapper(asset)!;
  assert.equal(w.start, 73);
  assert.equal(w.length, 114);
  assert.deepEqual(Buffer.from(w.store), PAYLOAD);
});

function raw(framed: Buffer): string {
  return MARKER + [...framed].map((b) => String.fromCodePoint(b < 16 ? 0xfe00 + b : 0xe0100 + b - 16)).join('');
}
const header = (magic: string, version: number, length: number) => {
  const h = Buffer.alloc(13);
  h.write(magic, 'latin1');
  h[8] = version;
  h.writeUInt32BE(length, 9);
  return Buffer.concat([h, PAYLOAD]);
};

test('negative cases: wrong magic and no wrapper are unsigned; bad version, bad length, two wrappers fail', () => {
  assert.equal(findWrapper(HOST + raw(header('C2PATXT\x01', 1, 16))), null);
  assert.equal(findWrapper(HOST), null);
  assert.throws(() => findWrapper(HOST + raw(header('C2PATXT\0', 2, 16))), { code: 'manifest.text.corruptedWrapper' });
  assert.throws(() => findWrapper(HOST + raw(header('C2PATXT\0', 1, 24))), { code: 'manifest.text.corruptedWrapper' });
  const good = encodeWrapper(PAYLOAD);
  assert.throws(() => findWrapper(HOST + good + good), { code: 'manifest.text.multipleWrappers' });
});

test('a padded wrapper reads back the same store and covers its padding', () => {
  const w = findWrapper(HOST + encodePaddedWrapper(PAYLOAD))!;
  assert.deepEqual(Buffer.from(w.store), PAYLOAD);
  assert.equal(w.length, 125);
});
