// The wrapper's framing against the published vectors (writerslogic c2pa-unstructured-text tests/vectors.rs,
// the C2PA corpus A.8 values; c2pa-rs plain_text_io.rs's signed fixture as described with its corpus: a
// 3,526-byte store in a 14,165-byte wrapper padded by 489 U+FE00 and 2 U+E0100) and its error cases.
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

test('padding as c2pa-rs pads: its 3,526-byte store gives a 14,165-byte wrapper, 489 × 00 then 2 × 10', () => {
  // The wrapper's plain size depends only on how many bytes are under 16: this store has as many as c2pa-rs's
  // fixture needs for the same deficit (1,475 bytes of padding).
  const store = Buffer.concat([Buffer.alloc(1464, 0), Buffer.alloc(3526 - 1464, 0x20)]);
  const padded = encodePaddedWrapper(store);
  assert.equal(Buffer.byteLength(padded), 14165);
  assert.equal(paddedLength(3526), 14165);
  const tail = [...padded].slice(1 + 13 + 3526);
  assert.equal(tail.length, 491);
  assert.ok(tail.slice(0, 489).every((c) => c === '\uFE00'));
  assert.ok(tail.slice(489).every((c) => c.codePointAt(0) === 0xe0100));
});
