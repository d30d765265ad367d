import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sendMail, smtpTarget } from './smtp.ts';
import { notify } from './notices.ts';
import { openTestContext } from '../publish/test-context.ts';
import { addUser } from '../accounts/users.ts';
import { smtpServer } from './test-smtp.ts';

test('smtp: EHLO, MAIL FROM, RCPT TO, DATA (dot-stuffed, UTF-8 subject), QUIT', async () => {
  const srv = await smtpServer();
  await sendMail({ host: '127.0.0.1', port: srv.port }, { from: 'relais@news.test', to: ['a@x.test', 'b@x.test'], subject: 'Traduction à relire', text: 'Line one\n.starts with a dot\nend' });
  const s = srv.sessions[0];
  assert.deepEqual(s.commands, ['EHLO relais.localhost', 'MAIL FROM:<relais@news.test>', 'RCPT TO:<a@x.test>', 'RCPT TO:<b@x.test>', 'DATA', 'QUIT']);
  assert.match(s.data, /^From: relais@news\.test\r\nTo: a@x\.test, b@x\.test\r\nSubject: =\?UTF-8\?B\?/);
  assert.match(Buffer.from(/Subject: =\?UTF-8\?B\?([^?]+)\?=/.exec(s.data)![1], 'base64').toString('utf8'), /Traduction à relire/);
  assert.match(s.data, /\r\n\r\nLine one\r\n\.\.starts with a dot\r\nend$/);
  await srv.close();
  assert.equal(smtpTarget('smtp://127.0.0.1:2525')?.port, 2525);
  assert.equal(smtpTarget('http://x'), null);
});

test('smtp: a refused recipient is an error naming the reply', async () => {
  const srv = await smtpServer({ rejectRcpt: true });
  await assert.rejects(sendMail({ host: '127.0.0.1', port: srv.port }, { from: 'r@x.test', to: ['nobody@x.test'], subject: 's', text: 't' }), /RCPT TO nobody@x\.test refused: 550/);
  await srv.close();
});

test('a notice is kept in the newsroom and e-mailed when RELAIS_SMTP_URL is set', async () => {
  const ctx = await openTestContext();
  const srv = await smtpServer();
  const u = await addUser(ctx, { kind: 'system', name: 'test' }, { email: 'tr@x.test', name: 'Tr', role: 'translator', password: 'correct horse battery staple', personId: null });
  const mail = await notify(ctx, [u.id], 'returned', null, 'Your translation was returned', { RELAIS_SMTP_URL: `smtp://127.0.0.1:${srv.port}`, RELAIS_SMTP_FROM: 'desk@x.test' });
  await mail.send();
  assert.deepEqual(srv.sessions[0].commands.slice(1, 3), ['MAIL FROM:<desk@x.test>', 'RCPT TO:<tr@x.test>']);
  assert.match(srv.sessions[0].data, /Your translation was returned/);
  const rows = await ctx.store.db.selectFrom('notices').selectAll().execute();
  assert.deepEqual(rows.map((r) => [r.user_id, r.kind, r.text]), [[u.id, 'returned', 'Your translation was returned']]);
  // Without SMTP configured: the notice only.
  await (await notify(ctx, [u.id], 'approved', null, 'ok', {})).send();
  assert.equal(srv.sessions.length, 1);
  await srv.close();
  await ctx.store.close();
});
