import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetcher } from '../../ingest/fetch/index.ts';
import { machineProvider } from './provider.ts';
import { fromTagged, toTagged } from './tags.ts';
import { openApiHarness } from '../../api/test-app.ts';
import { signInAs } from '../../api/test-sessions.ts';

interface Seen { method: string; url: string; headers: IncomingMessage['headers']; body: any }

/** A loopback server answering like the provider: `answer` turns the request body into the reply. */
async function apiServer(answer: (req: Seen, res: ServerResponse) => void) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const s = { method: req.method!, url: req.url!, headers: req.headers, body: raw ? JSON.parse(raw) : null };
      seen.push(s);
      answer(s, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
// What the fake providers "translate": English words to French, tags kept where they are.
const fr = (s: string) => s.replace('The', 'Le').replace('report', 'rapport').replace('was late', 'était en retard');

test('placeholders travel as XML tags and come back', () => {
  const t = toTagged('The <1>report</1> & <2/> x < y');
  assert.equal(t, 'The <g id="1">report</g> &amp; <x id="2"/> x &lt; y');
  assert.equal(fromTagged('Le <g id="1">rapport</g> &amp; <x id="2"/> x &lt; y'), 'Le <1>rapport</1> & <2/> x < y');
  assert.equal(fromTagged('<g id="1">a <g id="2">b</g></g><b>c</b>'), '<1>a <2>b</2></1>c');
});

test('LibreTranslate adapter: POST /translate {q, source, target, format, api_key} → translatedText', async () => {
  const srv = await apiServer((req, res) => json(res, 200, { translatedText: fr(req.body.q) }));
  const fetcher = createFetcher({ allowHosts: [srv.host] });
  const p = machineProvider({ RELAIS_MT: 'libretranslate', RELAIS_MT_URL: srv.url, RELAIS_MT_KEY: 'k1' })!;
  assert.equal(p.name, 'LibreTranslate');
  assert.deepEqual(await p.translate(fetcher, ['The <g id="1">report</g> was late.'], 'en', 'fr'), ['Le <g id="1">rapport</g> était en retard.']);
  assert.deepEqual([srv.seen[0].method, srv.seen[0].url, srv.seen[0].headers['content-type']], ['POST', '/translate', 'application/json']);
  assert.deepEqual(srv.seen[0].body, { q: 'The <g id="1">report</g> was late.', source: 'en', target: 'fr', format: 'html', api_key: 'k1' });
  await fetcher.close();
  await srv.close();
});

test('DeepL adapter: POST /v2/translate with DeepL-Auth-Key, {text: [...], source_lang, target_lang}; errors name the status', async () => {
  const srv = await apiServer((req, res) =>
    req.headers.authorization === 'DeepL-Auth-Key secret' ? json(res, 200, { translations: req.body.text.map((t: string) => ({ detected_source_language: 'EN', text: fr(t) })) }) : json(res, 403, { message: 'Forbidden' }));
  const fetcher = createFetcher({ allowHosts: [srv.host] });
  const p = machineProvider({ RELAIS_MT: 'deepl', RELAIS_MT_URL: srv.url, RELAIS_MT_KEY: 'secret' })!;
  assert.equal(p.name, 'DeepL');
  assert.deepEqual(await p.translate(fetcher, ['The report', 'was late'], 'en', 'fr'), ['Le rapport', 'était en retard']);
  assert.equal(srv.seen[0].url, '/v2/translate');
  assert.deepEqual({ ...srv.seen[0].body, ignore_tags: undefined }, { text: ['The report', 'was late'], source_lang: 'EN', target_lang: 'FR', tag_handling: 'xml', ignore_tags: undefined });
  const bad = machineProvider({ RELAIS_MT: 'deepl', RELAIS_MT_URL: srv.url, RELAIS_MT_KEY: 'wrong' })!;
  await assert.rejects(bad.translate(fetcher, ['x'], 'en', 'fr'), /HTTP 403/);
  assert.equal(machineProvider({}), null, 'off by default');
  assert.throws(() => machineProvider({ RELAIS_MT: 'babelfish' }), /libretranslate or deepl/);
  await fetcher.close();
  await srv.close();
});

test('a machine suggestion accepted: the article records it, its credits and JSON-LD disclose it', async () => {
  const srv = await apiServer((req, res) => json(res, 200, { translations: req.body.text.map((t: string) => ({ text: fr(t) })) }));
  const saved = { ...process.env };
  Object.assign(process.env, { RELAIS_MT: 'deepl', RELAIS_MT_URL: srv.url, RELAIS_MT_KEY: 'secret' });
  const h = await openApiHarness({ fetchAllow: [srv.host] });
  after(async () => {
    for (const k of ['RELAIS_MT', 'RELAIS_MT_URL', 'RELAIS_MT_KEY']) if (saved[k] === undefined) delete process.env[k];
    await h.close();
    await srv.close();
  });
  const editor = await signInAs(h, 'editor');
  const src = (await h.call('POST', '/api/articles', { language: 'en', title: 'The report', bodyHtml: '<p>The <a href="https://ex.org/r">report</a> was late.</p>', status: 'published' })).json();
  const t = (await editor.call('POST', `/api/articles/${src.id}/translations`, { language: 'fr' })).json();
  const segs = (await editor.call('GET', `/api/articles/${t.id}/segments`)).json();
  for (const s of segs) {
    const r = await editor.call('POST', `/api/articles/${t.id}/segments/${s.id}/machine`);
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(r.json().provider, 'DeepL');
    assert.equal(r.json().problem, null);
    assert.equal((await editor.call('PUT', `/api/articles/${t.id}/segments/${s.id}`, { target: r.json().suggestion, status: 'translated', origin: 'machine' })).statusCode, 200);
  }
  assert.equal((await editor.call('GET', `/api/articles/${t.id}/segments`)).json()[1].targetText, 'Le <1>rapport</1> était en retard.');
  assert.deepEqual((await editor.call('GET', `/api/articles/${t.id}/translation`)).json().machineAssisted, { provider: 'DeepL' });
  assert.equal((await editor.call('POST', `/api/articles/${t.id}/translation/approve`)).statusCode, 200);
  assert.equal((await editor.call('POST', `/api/articles/${t.id}/translation/publish`)).statusCode, 200);
  const page = await h.app.inject({ method: 'GET', url: `/fr/${(await editor.call('GET', `/api/articles/${t.id}`)).json().slug}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<p class="credit-machine">Traduction assistée par machine \(DeepL\)<\/p>/);
  const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page.body)![1]);
  const item = Array.isArray(ld) ? ld.find((x: any) => x['@type'] === 'NewsArticle') : ld;
  assert.deepEqual(item.contributor, [{ '@type': 'SoftwareApplication', name: 'DeepL', applicationCategory: 'Machine translation', description: 'Machine-assisted translation' }]);
  assert.match(page.body, /<a href="https:\/\/ex.org\/r" rel="noopener noreferrer">rapport<\/a>/);
});
