import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isbot } from 'isbot';
import { isBotAgent } from './bot-agent.ts';

test("isBotAgent gives isbot's verdict, first time and remembered, and past its bound", () => {
  const agents = [
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    'curl/8.5.0',
  ];
  for (let round = 0; round < 2; round++) for (const ua of agents) assert.equal(isBotAgent(ua), isbot(ua), ua);
  for (let i = 0; i < 6_000; i++) assert.equal(isBotAgent(`Mozilla/5.0 Firefox/${i}.0`), false);
  for (const ua of agents) assert.equal(isBotAgent(ua), isbot(ua), ua);
});
