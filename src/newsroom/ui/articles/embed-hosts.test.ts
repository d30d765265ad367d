import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sanitizeBody } from '../../../publish/sanitize.ts';
import { embedSrc } from './embed-hosts.ts';

test('an embed address is accepted only on an allowed host, and then survives sanitising', () => {
  const ok = embedSrc(' https://www.youtube-nocookie.com/embed/abc ');
  assert.equal(ok, 'https://www.youtube-nocookie.com/embed/abc');
  assert.match(sanitizeBody(`<iframe src="${ok}" title="x"></iframe>`), /<iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/abc"/);
  for (const bad of ['https://evil.example/embed', 'javascript:alert(1)', 'https://user:pw@www.youtube.com/x', 'not a url', 'ftp://player.vimeo.com/x'])
    assert.equal(embedSrc(bad), null, bad);
});
