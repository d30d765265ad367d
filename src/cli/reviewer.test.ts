import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openCliHarness, type CliHarness } from './test-cli.ts';

let cli: CliHarness;
before(async () => {
  cli = await openCliHarness();
});
after(async () => cli.close());

test('reviewer add, list, remove: a pair per account, from the command line', async () => {
  assert.equal((await cli.run(['user', 'add', 'ana@example.org', '--name', 'Ana Lyse', '--role', 'translator'])).code, 0);
  let r = await cli.run(['reviewer', 'add', 'Ana@Example.org', 'fr', 'en']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /ana@example\.org \(translator\) reviews fr → en/);
  assert.equal((await cli.run(['reviewer', 'add', 'ana@example.org', 'en', 'fr'])).code, 0);
  assert.equal((await cli.run(['reviewer', 'list'])).stdout, 'en>fr\tana@example.org\tAna Lyse\ttranslator\nfr>en\tana@example.org\tAna Lyse\ttranslator\n');
  r = await cli.run(['reviewer', 'remove', 'ana@example.org', 'fr', 'en']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal((await cli.run(['reviewer', 'list'])).stdout, 'en>fr\tana@example.org\tAna Lyse\ttranslator\n');
  r = await cli.run(['reviewer', 'remove', 'ana@example.org', 'fr', 'en']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /not a reviewer of fr → en/);
  r = await cli.run(['reviewer', 'add', 'nobody@example.org', 'fr', 'en']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no account with the address nobody@example\.org/);
  r = await cli.run(['reviewer', 'add', 'ana@example.org', 'fr', 'fr']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /same language/);
  assert.equal((await cli.run(['reviewer', 'add', 'ana@example.org', 'fr'])).code, 2);
  assert.equal((await cli.run(['reviewer', 'rename'])).code, 2);
});
