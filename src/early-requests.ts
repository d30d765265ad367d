// Fastify's server, with room for a few hot answers given on the raw node:http request before Fastify's
// routing, request/reply objects and hooks (the kit pixel, follow/republish; cached article pages,
// web/article-fast-path.ts). A handler answers and returns true, or returns false and the request goes to
// Fastify untouched, so every route still exists in Fastify too (inject() in tests, and anything an early
// handler declines).
import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { FastifyServerFactory } from 'fastify';

export type EarlyHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface EarlyRequests {
  serverFactory: FastifyServerFactory<Server>;
  add(handler: EarlyHandler): void;
  /** The reader's address as Fastify's `request.ip` gives it under the same trustProxy setting. */
  clientAddress(req: IncomingMessage): string;
}

export function earlyRequests(clientAddress: (req: IncomingMessage) => string): EarlyRequests {
  const handlers: EarlyHandler[] = [];
  return {
    add: (handler) => void handlers.push(handler),
    clientAddress,
    serverFactory(fastifyHandler, options) {
      const opts = options as { http?: ServerOptions; keepAliveTimeout: number; requestTimeout: number; connectionTimeout: number; maxRequestsPerSocket: number };
      const server = createServer(opts.http ?? {}, (req, res) => {
        for (const handle of handlers) if (handle(req, res)) return;
        fastifyHandler(req, res);
      });
      // What Fastify sets on the servers it makes itself (fastify/lib/server.js).
      server.keepAliveTimeout = opts.keepAliveTimeout;
      server.requestTimeout = opts.requestTimeout;
      server.setTimeout(opts.connectionTimeout);
      if (opts.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = opts.maxRequestsPerSocket;
      return server;
    },
  };
}
