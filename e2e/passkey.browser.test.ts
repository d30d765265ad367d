// Passkeys end to end: Chromium's virtual authenticator (through the DevTools protocol) registers a
// passkey with the real server, then gives it as the second factor at sign-in. The browser's own
// WebAuthn JSON helpers make the calls, so the server's SimpleWebAuthn checks see real ceremonies.
import test from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, loopbackOnly, SKIP_BROWSER } from './browser.ts';
import { startServer } from './server.ts';

test('a passkey registers, then is the second factor at sign-in; without it the session stays pending', { skip: SKIP_BROWSER, timeout: 180_000 }, async () => {
  const server = await startServer({ RELAIS_POLL: '0' }, { hostName: 'localhost' });
  const browser = await launchBrowser();
  try {
    assert.ok(server.ownerLink, `the demo printed an owner link:\n${server.output()}`);
    const context = await browser.newContext();
    await loopbackOnly(context);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
    });
    await page.goto(server.base + '/');
    const token = new URL(server.ownerLink!).pathname.split('/').pop();

    const out = await page.evaluate(async (token) => {
      let csrf = '';
      const call = async (method: string, path: string, body?: unknown) => {
        const r = await fetch('/api' + path, { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), 'x-csrf-token': csrf }, body: body === undefined ? undefined : JSON.stringify(body) });
        const text = await r.text();
        return { status: r.status, body: text ? JSON.parse(text) : null };
      };
      const signedIn = await call('POST', `/links/${token}`, {});
      csrf = signedIn.body.csrfToken;
      const email = signedIn.body.user.email;
      const pw = await call('PUT', '/me', { newPassword: 'the owner password' });
      const regOptions = (await call('POST', '/me/passkeys/options')).body;
      const created = (await navigator.credentials.create({ publicKey: (PublicKeyCredential as any).parseCreationOptionsFromJSON(regOptions) })) as any;
      const saved = await call('POST', '/me/passkeys', { response: created.toJSON(), name: 'Virtual key' });
      await call('DELETE', '/session');

      const again = await call('POST', '/session', { email, password: 'the owner password' });
      csrf = again.body.csrfToken;
      const blocked = (await call('GET', '/articles')).status;
      const authOptions = (await call('POST', '/session/passkey/options')).body;
      const asserted = (await navigator.credentials.get({ publicKey: (PublicKeyCredential as any).parseRequestOptionsFromJSON(authOptions) })) as any;
      const done = await call('POST', '/session/passkey', { response: asserted.toJSON() });
      const open = (await call('GET', '/articles')).status;
      const replay = await call('POST', '/session/passkey', { response: asserted.toJSON() });
      return { pw: pw.status, saved, pending: again.body.secondFactor, methods: again.body.methods, blocked, done, open, replay: replay.status };
    }, token);
    assert.equal(out.pw, 200);
    assert.equal(out.saved.status, 201, JSON.stringify(out.saved.body));
    assert.equal(out.saved.body.recoveryCodes.length, 10, 'the first second factor comes with recovery codes');
    assert.equal(out.pending, 'pending');
    assert.ok(out.methods.includes('passkey'));
    assert.equal(out.blocked, 403, 'nothing but the second step while pending');
    assert.equal(out.done.status, 200, JSON.stringify(out.done.body));
    assert.equal(out.done.body.secondFactor, 'passkey');
    assert.equal(out.open, 200);
    assert.equal(out.replay, 400, 'the session has given its second factor: a second assertion is refused');
  } finally {
    await browser.close();
    await server.stop();
  }
});
