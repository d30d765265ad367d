// Every /api/ request carries `Authorization: Bearer <token>`; tokens come from `relais token create`.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { checkApiToken } from '../store/tokens.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Name of the API token that authenticated this request. */
    apiTokenName?: string;
  }
}

export function bearerAuth(ctx: AppContext) {
  return async function checkBearer(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    if ((req.routeOptions.config as { public?: boolean }).public) return;
    const header = req.headers.authorization;
    const match = header ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
    if (!match) {
      reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="relais"')
        .send({ error: 'an API token is required: send "Authorization: Bearer <token>" (create one with `relais token create <name>`)' });
      return reply;
    }
    const name = await checkApiToken(ctx.store.db, match[1], ctx.now());
    if (!name) {
      reply.code(401).header('www-authenticate', 'Bearer realm="relais", error="invalid_token"').send({ error: 'the API token is not valid' });
      return reply;
    }
    req.apiTokenName = name;
  };
}
