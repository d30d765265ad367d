// The XSS corpus through storage, on whichever database the suite runs on (SQLite, PostgreSQL): every
// payload stored as an article body comes back as exactly the sanitiser's output, and as a title, summary,
// person, section or outlet name comes back byte for byte, and every page that shows them answers. The
// browser suites (e2e/*xss*) load those pages in Chromium once, on SQLite: with this test, what they check
// does not depend on the database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { openApiHarness, type ApiHarness } from './test-app.ts';
import { sanitizeBody } from '../publish/sanitize.ts';

const XSS = new URL('../../../shared/corpora/xss/', import.meta.url);
const FILES = ['harness-controls.json', 'dompurify-cases.json', 'h5sc-vectors.json'];
const SKIP = !existsSync(new URL(FILES[0]!, XSS)) && 'needs ../shared/corpora/xss (the XSS corpus beside the repo)';

const payloads = (): { id: string; payload: string }[] =>
  SKIP ? [] : FILES.flatMap((f) => JSON.parse(readFileSync(new URL(f, XSS), 'utf8')) as { id: string; payload: string }[]);

/** Names are one line of plain text: the corpus's payloads with their control characters and newlines folded. */
const asName = (p: string) => p.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 100).trim() || 'x';

let h: ApiHarness;
before(async () => {
  if (!SKIP) h = await openApiHarness();
});
after(async () => h?.close());

test('every XSS payload as a body is stored as the sanitiser output, and as title and summary unchanged', { skip: SKIP, timeout: 600_000 }, async () => {
  let n = 0;
  for (const c of payloads()) {
    const title = asName(c.payload);
    const summary = c.payload.slice(0, 2000);
    const created = await h.call('POST', '/api/articles', { language: 'en', title, summary, slug: `xss-${++n}`, bodyHtml: c.payload, status: 'published' });
    assert.equal(created.statusCode, 201, `${c.id}: ${created.body}`);
    const id = (created.json() as { id: number }).id;
    const back = (await h.call('GET', `/api/articles/${id}`)).json() as { title: string; summary: string; bodyHtml: string };
    assert.equal(back.bodyHtml, sanitizeBody(c.payload), `${c.id}: body changed in storage`);
    assert.equal(back.title, title, `${c.id}: title changed in storage`);
    assert.equal(back.summary, summary.trim(), `${c.id}: summary changed in storage (beyond the trim every field gets)`);
    const page = await h.app.inject({ method: 'GET', url: `/en/xss-${n}` });
    assert.equal(page.statusCode, 200, `${c.id}: article page ${page.statusCode}`);
  }
  assert.ok(n > 100, `the corpus has ${n} payloads`);
});

test('every XSS payload as a person, section or outlet name is stored unchanged', { skip: SKIP, timeout: 600_000 }, async () => {
  let n = 0;
  for (const c of payloads()) {
    const name = asName(c.payload);
    n++;
    for (const [route, body] of [
      ['/api/people', { name, slug: `p-${n}` }],
      ['/api/sections', { name, slug: `s-${n}` }],
      ['/api/outlets', { name, homeUrl: `https://outlet-${n}.example/` }],
    ] as const) {
      const r = await h.call('POST', route, body);
      assert.equal(r.statusCode, 201, `${c.id} ${route}: ${r.body}`);
      const id = (r.json() as { id: number }).id;
      const back = (await h.call('GET', `${route}/${id}`)).json() as { name: string };
      assert.equal(back.name, name, `${c.id} ${route}: name changed in storage`);
    }
  }
});
