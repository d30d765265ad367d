// Passkeys (WebAuthn) through @simplewebauthn/server: registration from the account screen, and
// assertion as a second factor at sign-in. The relying party is the site's own host (RELAIS_BASE_URL).
// Challenges are kept in the settings table under the session's hash, so any process can finish a ceremony.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { AppContext } from '../context.ts';
import { InputError, NotFoundError } from '../domain/types.ts';
import { actorLabel, type Actor, type User } from '../domain/accounts.ts';
import { readSetting, writeSetting } from '../store/settings.ts';
import { recordAudit } from '../store/audit.ts';
import type { LiveSession } from './sessions.ts';

function relyingParty(ctx: AppContext): { rpID: string; origin: string } {
  const u = new URL(ctx.site.baseUrl);
  return { rpID: u.hostname, origin: u.origin };
}

const challengeKey = (s: LiveSession) => `webauthn-challenge:${s.idHash}`;

async function keepChallenge(ctx: AppContext, s: LiveSession, challenge: string): Promise<void> {
  await writeSetting(ctx.store.db, challengeKey(s), { challenge, until: ctx.now().getTime() + 5 * 60_000 });
}

async function takeChallenge(ctx: AppContext, s: LiveSession): Promise<string> {
  const c = await readSetting<{ challenge: string; until: number } | null>(ctx.store.db, challengeKey(s), null);
  await ctx.store.db.deleteFrom('settings').where('key', '=', challengeKey(s)).execute();
  if (!c || c.until < ctx.now().getTime()) throw new InputError('the passkey request expired: try again', 'response');
  return c.challenge;
}

async function userPasskeys(ctx: AppContext, userId: number) {
  return ctx.store.db.selectFrom('passkeys').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
}

export async function listPasskeys(ctx: AppContext, user: User) {
  return (await userPasskeys(ctx, user.id)).map((p) => ({ id: p.credential_id, name: p.name, createdAt: p.created_at, lastUsedAt: p.last_used_at }));
}

export async function registrationOptions(ctx: AppContext, s: LiveSession) {
  const { rpID } = relyingParty(ctx);
  const existing = await userPasskeys(ctx, s.user.id);
  const options = await generateRegistrationOptions({
    rpName: ctx.site.name,
    rpID,
    userName: s.user.email,
    userDisplayName: s.user.name,
    userID: new TextEncoder().encode(`relais-user-${s.user.id}`),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credential_id, transports: JSON.parse(p.transports_json) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await keepChallenge(ctx, s, options.challenge);
  return options;
}

export async function registerPasskey(ctx: AppContext, actor: Actor, s: LiveSession, response: unknown, name: unknown): Promise<{ id: string; name: string }> {
  const label = typeof name === 'string' && name.trim() ? name.trim().slice(0, 100) : 'Passkey';
  const expectedChallenge = await takeChallenge(ctx, s);
  const { rpID, origin } = relyingParty(ctx);
  let verified;
  try {
    verified = await verifyRegistrationResponse({ response: response as any, expectedChallenge, expectedOrigin: origin, expectedRPID: rpID });
  } catch (err) {
    throw new InputError(`the passkey could not be verified: ${(err as Error).message}`, 'response');
  }
  if (!verified.verified) throw new InputError('the passkey could not be verified', 'response');
  const c = verified.registrationInfo.credential;
  const now = ctx.now().toISOString();
  await ctx.store.db
    .insertInto('passkeys')
    .values({ credential_id: c.id, user_id: s.user.id, public_key: Buffer.from(c.publicKey).toString('base64'), counter: c.counter, transports_json: JSON.stringify(c.transports ?? []), name: label, created_at: now, last_used_at: null })
    .execute();
  await recordAudit(ctx.store.db, { at: now, userId: s.user.id, actor: actorLabel(actor), action: 'two-factor.passkey-add', target: `user:${s.user.id}`, detail: { name: label } });
  return { id: c.id, name: label };
}

export async function removePasskey(ctx: AppContext, actor: Actor, user: User, id: string): Promise<void> {
  const r = await ctx.store.db.deleteFrom('passkeys').where('user_id', '=', user.id).where('credential_id', '=', id).executeTakeFirst();
  if (!Number(r.numDeletedRows ?? 0)) throw new NotFoundError('no such passkey');
  await recordAudit(ctx.store.db, { at: ctx.now().toISOString(), userId: user.id, actor: actorLabel(actor), action: 'two-factor.passkey-remove', target: `user:${user.id}` });
}

export async function authenticationOptions(ctx: AppContext, s: LiveSession) {
  const { rpID } = relyingParty(ctx);
  const keys = await userPasskeys(ctx, s.user.id);
  const options = await generateAuthenticationOptions({ rpID, userVerification: 'preferred', allowCredentials: keys.map((p) => ({ id: p.credential_id, transports: JSON.parse(p.transports_json) })) });
  await keepChallenge(ctx, s, options.challenge);
  return options;
}

export async function verifyPasskey(ctx: AppContext, s: LiveSession, response: any): Promise<boolean> {
  const expectedChallenge = await takeChallenge(ctx, s);
  const key = response && typeof response.id === 'string'
    ? await ctx.store.db.selectFrom('passkeys').selectAll().where('credential_id', '=', response.id).where('user_id', '=', s.user.id).executeTakeFirst()
    : undefined;
  if (!key) return false;
  const { rpID, origin } = relyingParty(ctx);
  try {
    const v = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: { id: key.credential_id, publicKey: new Uint8Array(Buffer.from(key.public_key, 'base64')), counter: key.counter, transports: JSON.parse(key.transports_json) },
    });
    if (!v.verified) return false;
    await ctx.store.db.updateTable('passkeys').set({ counter: v.authenticationInfo.newCounter, last_used_at: ctx.now().toISOString() }).where('credential_id', '=', key.credential_id).execute();
    return true;
  } catch {
    return false;
  }
}
