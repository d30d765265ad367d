// Who is acting on an API request: what the auth hook put on the request.
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../domain/accounts.ts';

export class NotSignedIn extends Error {
  readonly statusCode = 401;
}

export function requestActor(req: FastifyRequest): Actor {
  if (req.actor) return req.actor;
  // A bearer token checked by a hook that does not set actors yet: a token made by `relais token create`.
  if (req.apiTokenName) return { kind: 'token', name: req.apiTokenName, scope: 'admin', user: null };
  throw new NotSignedIn('sign in, or send an API token');
}
