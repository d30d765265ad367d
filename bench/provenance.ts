// npm run bench:provenance — Content Credentials on the demo site (in-memory SQLite, or PostgreSQL with
// DATABASE_URL): signing time per publish (one page's manifest: spec, claim, ES256, embedding), manifest
// store sizes, bytes added to a page and to the plain text, verification time (ours, and c2pa-rs's when
// @contentauth/c2pa-node is installed). Prints figures only.
import { buildApp } from '../src/app.ts';
import { initDemo } from '../src/demo/index.ts';
import { openTestContext } from '../src/publish/test-context.ts';
import { isVisible } from '../src/publish/articles.ts';
import { queryArticles } from '../src/store/articles.ts';
import { resolveCredits } from '../src/provenance/credits.ts';
import { articleSpec } from '../src/c2pa/article-spec.ts';
import { signHtml, embeddedStore } from '../src/c2pa/html.ts';
import { verifyAsset } from '../src/c2pa/verify.ts';
import { signedArticleText } from '../src/c2pa/article-text.ts';
import { manifestUrl } from '../src/web/signed-article.ts';
import { c2paRs, loadC2paNode, testCredentials } from '../src/c2pa/test-support.ts';
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf';
import { ManifestStore } from '@trustnxt/c2pa-ts/manifest';

const NOW = new Date('2026-05-15T09:00:00Z');
const ROUNDS = 5;
const ctx = await openTestContext({ now: () => NOW });
await initDemo(ctx);
const articles = (await queryArticles(ctx.store.db, { limit: 1000, offset: 0 })).items.filter((a) => a.status === 'published' && isVisible(a, NOW));

// The same pages unsigned (no keys) and signed.
const plainApp = await buildApp(ctx);
const unsigned = new Map<number, Buffer>();
for (const a of articles) unsigned.set(a.id, (await plainApp.inject({ url: `/${a.language}/${a.slug}` })).rawPayload);
await plainApp.close();
const t = await testCredentials(ctx.site.name);
ctx.credentials = t.credentials;
const app = await buildApp(ctx);
const signed = new Map<number, Buffer>();
for (const a of articles) signed.set(a.id, (await app.inject({ url: `/${a.language}/${a.slug}` })).rawPayload);

const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `p50 ${q(0.5).toFixed(2)}, p99 ${q(0.99).toFixed(2)}, max ${s.at(-1)!.toFixed(2)}`;
};

// Signing per publish: the page's spec and manifest, its earlier hop's store already at hand.
const signMs: number[] = [];
const storeOf = (id: number) => embeddedStore(signed.get(id)!)?.store ?? null;
for (let r = 0; r < ROUNDS; r++) {
  for (const a of articles) {
    const page = unsigned.get(a.id)!;
    const credits = await resolveCredits(ctx.store.db, ctx.site, a);
    const t0 = performance.now();
    const spec = await articleSpec(ctx, a, credits, { format: 'text/html', anchors: t.credentials.anchors, parentStore: async (id) => storeOf(id) });
    await signHtml(page, spec, t.credentials.signer, { manifestUrl: manifestUrl(ctx, a.id), variable: null });
    signMs.push(performance.now() - t0);
  }
}

const stores = articles.map((a) => embeddedStore(signed.get(a.id)!)!.store.length);
const added = articles.map((a) => signed.get(a.id)!.length - unsigned.get(a.id)!.length);
// A store holds one manifest per signed hop: this page's, then each earlier hop's (C2PA 2.2 §10.3.2.2).
const hopsOf = (store: Uint8Array) => ManifestStore.read(SuperBox.fromBuffer(store as Uint8Array<ArrayBuffer>)).manifests.length;
const byHops = new Map<number, number[]>();
for (const a of articles) {
  const store = embeddedStore(signed.get(a.id)!)!.store;
  const n = hopsOf(store);
  byHops.set(n, [...(byHops.get(n) ?? []), store.length]);
}
const GOAL = 4096;

const oursMs: number[] = [];
let intact = 0;
for (let r = 0; r < ROUNDS; r++) {
  for (const a of articles) {
    const t0 = performance.now();
    const v = await verifyAsset({ bytes: signed.get(a.id)!, mimeType: 'text/html', trustAnchors: t.credentials.anchors });
    oursMs.push(performance.now() - t0);
    if (r === 0 && v.status === 'intact') intact++;
  }
}

const texts = await Promise.all(articles.map((a) => signedArticleText(ctx, a.id)));
const wrapperBytes = texts.map((x) => Buffer.byteLength(x.text) - Buffer.byteLength(x.text.slice(0, x.text.indexOf('\uFEFF'))));
const textStores = texts.map((x) => x.store!.length);

console.log(`${articles.length} published demo articles, ${ROUNDS} rounds (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`);
console.log(`signing per publish (ms): ${stat(signMs)}`);
console.log(`page manifest store (bytes): min ${Math.min(...stores)}, median ${stores.sort((a, b) => a - b)[stores.length >> 1]}, max ${Math.max(...stores)}`);
for (const [n, sizes] of [...byHops].sort((x, y) => x[0] - y[0])) {
  console.log(`  ${n} manifest${n > 1 ? 's (earlier hops inside)' : ' (single hop)'}: ${sizes.length} stores, min ${Math.min(...sizes)}, max ${Math.max(...sizes)}; within ${GOAL} bytes: ${sizes.filter((s) => s <= GOAL).length}`);
}
console.log(`bytes added to a page: min ${Math.min(...added)}, max ${Math.max(...added)}`);
console.log(`text form: store min ${Math.min(...textStores)}, max ${Math.max(...textStores)}; invisible wrapper min ${Math.min(...wrapperBytes)}, max ${Math.max(...wrapperBytes)} bytes`);
console.log(`verification, ours (ms): ${stat(oursMs)}; intact ${intact}/${articles.length}`);

const node = await loadC2paNode();
if (node) {
  const rsMs: number[] = [];
  let trusted = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (const a of articles) {
      const page = signed.get(a.id)!;
      const t0 = performance.now();
      const res = await c2paRs(node, t.credentials.anchors, embeddedStore(page)!.store, page, 'text/html');
      rsMs.push(performance.now() - t0);
      if (r === 0 && res.state === 'Trusted') trusted++;
    }
  }
  console.log(`verification, c2pa-rs via c2pa-node 0.8.0 (ms): ${stat(rsMs)}; trusted ${trusted}/${articles.length}`);
} else console.log('c2pa-rs: @contentauth/c2pa-node not installed (SKIP_RUST_BUILD=1 npm install --no-save @contentauth/c2pa-node@0.8.0)');
await app.close();
await ctx.store.close();
