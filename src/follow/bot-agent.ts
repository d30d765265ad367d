// isbot's verdict on a User-Agent, remembered: its one large regular expression was the costliest step of a
// pixel hit after the HMACs, and the same few thousand agent strings make most of a site's traffic. Bounded:
// the memory is dropped whole when full (the verdicts are recomputed, never wrong).
import { isbot } from 'isbot';

const MAX_AGENTS = 5_000;
let verdicts = new Map<string, boolean>();

export function isBotAgent(ua: string): boolean {
  let bot = verdicts.get(ua);
  if (bot === undefined) {
    bot = isbot(ua);
    if (verdicts.size >= MAX_AGENTS) verdicts = new Map();
    if (ua.length <= 512) verdicts.set(ua, bot);
  }
  return bot;
}
