// Sign-in budgets: per account (stops guessing one person's password) and per address (stops one
// machine trying many accounts). Kept in the database so every process and a restart share them.
import type { AppContext } from '../context.ts';
import { readerNetwork } from '../domain/network-prefix.ts';
import { clearFailures, failuresSince, pruneFailures, recordFailure } from '../store/sign-in-failures.ts';

export const WINDOW_MINUTES = 15;
export const PER_ACCOUNT = 5;
export const PER_ADDRESS = 20;

export class RateLimited extends Error {
  readonly status = 429;
  readonly retryAfter: number;
  constructor(message: string, retryAfter: number) {
    super(message);
    this.name = 'RateLimited';
    this.retryAfter = retryAfter;
  }
}

/** IPv6 addresses count per /64 (one subscriber's whole network), IPv4 per address: the counters' own rule. */
export function addressKey(ip: string): string {
  return `ip:${readerNetwork(ip)}`;
}

const accountKey = (email: string) => `acct:${email.trim().toLowerCase()}`;

export async function checkBudget(ctx: AppContext, email: string, ip: string): Promise<void> {
  const now = ctx.now();
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();
  for (const [key, limit, what] of [
    [accountKey(email), PER_ACCOUNT, 'this account'],
    [addressKey(ip), PER_ADDRESS, 'your address'],
  ] as const) {
    const { count, oldest } = await failuresSince(ctx.store.db, key, since);
    if (count >= limit) {
      const retryAfter = Math.max(1, Math.ceil((Date.parse(oldest!) + WINDOW_MINUTES * 60_000 - now.getTime()) / 1000));
      const minutes = Math.ceil(retryAfter / 60);
      throw new RateLimited(`Too many failed sign-ins for ${what}. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`, retryAfter);
    }
  }
}

export async function noteFailure(ctx: AppContext, email: string, ip: string): Promise<void> {
  const now = ctx.now();
  await recordFailure(ctx.store.db, [accountKey(email), addressKey(ip)], now.toISOString());
  if (Math.random() < 0.05) await pruneFailures(ctx.store.db, new Date(now.getTime() - 24 * 3_600_000).toISOString());
}

export async function noteSuccess(ctx: AppContext, email: string): Promise<void> {
  await clearFailures(ctx.store.db, accountKey(email));
}
