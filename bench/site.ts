// npm run bench:site — requests/s and latency of the public pages on the test fixture (in-memory SQLite,
// or PostgreSQL with DATABASE_URL), plus how many SQL queries each page costs. Prints figures only.
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.ts';
import { buildFixture } from '../src/web/test-fixtures.ts';

const f = await buildFixture();
const app = await buildApp(f.ctx);

// Counts queries by wrapping the connection the store hands to Kysely.
let queries = 0;
const db = f.ctx.store.db as unknown as { getExecutor(): { executeQuery: (...a: unknown[]) => unknown } };
const executor = db.getExecutor();
const proto = Object.getPrototypeOf(executor) as { executeQuery: (...a: unknown[]) => unknown };
const original = proto.executeQuery;
proto.executeQuery = function (this: unknown, ...a: unknown[]) {
  queries++;
  return original.apply(this, a);
};

const pages = ['/fr/ministere-defense-russe-details-cooperation', '/', '/section/world/', '/author/samer-hussein/', '/sitemap.xml'];
for (const url of pages) {
  queries = 0;
  await app.inject({ url });
  console.log(`${url}: ${queries} queries`);
}

await app.listen({ host: '127.0.0.1', port: 0 });
const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
for (const url of pages.slice(0, 2)) {
  const r = await autocannon({ url: origin + url, connections: 20, duration: Number(process.env.BENCH_SECONDS ?? 5) });
  console.log(`${url}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors + r.non2xx}`);
}
await app.close();
await f.ctx.store.close();
