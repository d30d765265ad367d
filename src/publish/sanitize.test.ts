import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMBED_HOSTS } from '../domain/embeds.ts';
import { sanitizeBody, sanitizeBodyOffThread } from './sanitize.ts';

test('sanitizeBody bounds nesting: a 100,000-deep body keeps its words within 256 levels', () => {
  const out = sanitizeBody('<p>start</p>' + '<div>'.repeat(100_000) + 'bottom' + '</div>'.repeat(100_000));
  assert.match(out, /^<p>start<\/p>/);
  assert.match(out, /bottom/);
  assert.ok((out.match(/<div>/g) ?? []).length <= 256);
});

test('sanitizeBodyOffThread sanitises a large body in a worker exactly as sanitizeBody does', async () => {
  const body = '<p onclick="x()">text <script>alert(1)</script><a href="javascript:y()">a</a></p>'.repeat(2000);
  assert.ok(body.length > 64 * 1024);
  assert.equal(await sanitizeBodyOffThread(body), sanitizeBody(body));
  assert.doesNotMatch(await sanitizeBodyOffThread(body), /script|onclick|javascript/);
});

test('an embed keeps its address exactly when its host is on the embed list (not a parent, child or lookalike)', () => {
  const candidates = EMBED_HOSTS.flatMap((h) => [h, h.replace(/^[^.]+\./, ''), `x.${h}`, `${h}.evil.example`]);
  const kept = candidates.filter((h) => sanitizeBody(`<iframe src="https://${h}/embed/x"></iframe>`).includes(`src="https://${h}/embed/x"`));
  assert.deepEqual(kept, EMBED_HOSTS);
});
