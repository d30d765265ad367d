// GET /api/translate/config: what the workspace offers (site languages, the machine button or not).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness, type ApiHarness } from './test-app.ts';
import { signInAs } from './test-sessions.ts';

let h: ApiHarness;
before(async () => (h = await openApiHarness()));
after(async () => h.close());

test('the site languages, and no machine provider unless RELAIS_MT names one', async () => {
  const translator = await signInAs(h, 'translator');
  const r = await translator.call('GET', '/api/translate/config');
  assert.equal(r.statusCode, 200, r.body);
  const body = r.json();
  assert.deepEqual(body.languages, h.ctx.site.languages);
  assert.equal(body.defaultLanguage, h.ctx.site.defaultLanguage);
  assert.equal(body.machine, null);
  const saved = { ...process.env };
  try {
    Object.assign(process.env, { RELAIS_MT: 'deepl', RELAIS_MT_KEY: 'k' });
    assert.deepEqual((await translator.call('GET', '/api/translate/config')).json().machine, { provider: 'DeepL' });
    Object.assign(process.env, { RELAIS_MT: 'libretranslate', RELAIS_MT_URL: '' });
    assert.equal((await translator.call('GET', '/api/translate/config')).json().machine, null, 'misconfigured: nothing offered');
  } finally {
    for (const k of ['RELAIS_MT', 'RELAIS_MT_KEY', 'RELAIS_MT_URL']) if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});
