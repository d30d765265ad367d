import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from './app.ts';
import { openTestContext } from './publish/test-context.ts';

async function readerIp(setting: string, forwardedFor: string, remoteAddress = '10.0.0.5'): Promise<string> {
  const before = process.env.RELAIS_TRUST_PROXY;
  process.env.RELAIS_TRUST_PROXY = setting;
  const ctx = await openTestContext();
  try {
    const app = await buildApp(ctx);
    app.get('/test-ip', async (req) => ({ ip: req.ip }));
    const res = await app.inject({ url: '/test-ip', remoteAddress, headers: { 'x-forwarded-for': forwardedFor } });
    await app.close();
    return res.json().ip;
  } finally {
    if (before === undefined) delete process.env.RELAIS_TRUST_PROXY;
    else process.env.RELAIS_TRUST_PROXY = before;
    await ctx.store.close();
  }
}

test('RELAIS_TRUST_PROXY=1 trusts one hop: an address the client wrote in X-Forwarded-For is not its address', async () => {
  assert.equal(await readerIp('1', '6.6.6.6, 203.0.113.9'), '203.0.113.9');
});

test('RELAIS_TRUST_PROXY lists proxy addresses or CIDRs; an untrusted peer is the reader itself', async () => {
  assert.equal(await readerIp('10.0.0.0/8', '6.6.6.6, 203.0.113.9'), '203.0.113.9');
  assert.equal(await readerIp('192.168.1.1', '6.6.6.6', '10.0.0.5'), '10.0.0.5');
});

test('RELAIS_TRUST_PROXY refuses a value that is neither a count nor addresses', async () => {
  await assert.rejects(readerIp('true', '6.6.6.6'), /RELAIS_TRUST_PROXY/);
});

test('clientAddressOf gives the address Fastify gives as request.ip, for each kind of setting', async () => {
  const { default: Fastify } = await import('fastify');
  const { clientAddressOf, trustProxySetting } = await import('./trust-proxy.ts');
  for (const value of ['', '1', '2', '10.0.0.0/8', '192.168.1.1', '10.0.0.5, 203.0.113.0/24']) {
    const setting = trustProxySetting(value);
    const app = Fastify({ trustProxy: setting });
    app.get('/', async (req) => ({ fastify: req.ip, ours: clientAddressOf(setting)(req.raw) }));
    for (const xff of ['6.6.6.6, 203.0.113.9', '6.6.6.6', '2001:db8::1, 203.0.113.7, 10.1.1.1']) {
      const { fastify, ours } = (await app.inject({ url: '/', remoteAddress: '10.0.0.5', headers: { 'x-forwarded-for': xff } })).json();
      assert.equal(ours, fastify, `RELAIS_TRUST_PROXY=${value}, X-Forwarded-For: ${xff}`);
    }
    await app.close();
  }
});
