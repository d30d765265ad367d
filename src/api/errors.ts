// JSON errors for the API scope: {error, field} for bad input, whatever raised it (ajv, body parser, operation).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../domain/types.ts';
import { storageFault, type StorageFault } from '../store/faults.ts';

interface AjvIssue {
  instancePath?: string;
  keyword?: string;
  params?: { missingProperty?: string; additionalProperty?: string };
}

/** "/provenance/original/url" → "provenance.original.url"; "/tags/0" → "tags[0]". */
function fieldOf(issue: AjvIssue): string | null {
  const parts = (issue.instancePath ?? '').split('/').filter(Boolean);
  if (issue.params?.missingProperty) parts.push(issue.params.missingProperty);
  if (issue.params?.additionalProperty) parts.push(issue.params.additionalProperty);
  if (!parts.length) return null;
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

export function apiErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof InputError) return reply.code(err.status).send({ error: err.message, field: err.field });
  if (err instanceof NotFoundError) return reply.code(404).send({ error: err.message });
  if (err instanceof ForbiddenError) return reply.code(403).send({ error: err.message });
  if (err instanceof ConflictError) return reply.code(409).send({ error: err.message, conflict: err.conflict });
  if (err.validation?.length) {
    const issue = err.validation[0] as AjvIssue;
    const field = fieldOf(issue);
    const where = err.validationContext === 'querystring' ? 'query parameter' : err.validationContext === 'params' ? 'path parameter' : 'field';
    const detail = issue.keyword === 'required' ? 'is required' : issue.keyword === 'additionalProperties' ? 'is not a known field' : err.message.replace(/^[^ ]+ /, '');
    const message = field ? `${where} ${field} ${detail}` : err.message;
    return reply.code(400).send({ error: message, field });
  }
  const conflict = uniqueViolation(err);
  if (conflict) return reply.code(409).send({ error: `${conflict} is already taken`, field: conflict });
  const fault = storageFault(err);
  if (fault) return sendStorageFault(reply, fault);
  const status = err.statusCode ?? 500;
  if (status >= 500) {
    req.log.error(err);
    return reply.code(500).send({ error: 'internal error' });
  }
  if (status === 413) return reply.code(413).send({ error: 'the request body is too large', field: null });
  return reply.code(status).send({ error: err.message, field: null });
}

/**
 * The operations check uniqueness before writing, but two concurrent requests can both pass the check:
 * the database's unique constraint then decides, and the loser gets the same 409 as a checked conflict.
 * Returns the field (camelCase column) when the error is a unique violation.
 */
export function uniqueViolation(err: unknown): string | null {
  const e = err as { code?: string; message?: string; detail?: string };
  let column: string | undefined;
  if (e.code === '23505') column = /Key \(([^)]+)\)/.exec(e.detail ?? '')?.[1]?.split(',').pop()?.trim() ?? 'value';
  else if (/UNIQUE constraint failed: /.test(e.message ?? '')) column = /UNIQUE constraint failed: \w+\.(\w+)/.exec(e.message!)?.[1] ?? 'value';
  if (!column) return null;
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** Media types accepted on routes that take an XML document (OPML import). */
export const XML_TYPES = ['text/x-opml', 'application/xml', 'text/xml', 'application/x-opml', 'application/opml+xml'];

/** Refuses bodies that are not JSON (or XML where the route takes a document) before anything reads them. */
export async function requireJson(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!BODY_METHODS.has(req.method)) return;
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] != null;
  if (!hasBody) return;
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const xmlRoute = (req.routeOptions.config as { xmlBody?: boolean } | undefined)?.xmlBody === true;
  if ((req.routeOptions.config as { upload?: boolean } | undefined)?.upload === true) {
    if (type === 'multipart/form-data' || /^image\/[a-z0-9.+-]+$/.test(type)) return;
    reply.code(415).send({ error: `send the image as multipart/form-data (field "file") or as the body with Content-Type: image/…, not ${type || 'untyped'}`, field: 'file' });
    return reply;
  }
  if (xmlRoute) {
    if (XML_TYPES.includes(type)) return;
    reply.code(415).send({ error: `the request body must be an OPML document (Content-Type: text/x-opml or application/xml), not ${type || 'untyped'}`, field: null });
    return reply;
  }
  if (type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)) return;
  reply.code(415).send({ error: `the request body must be JSON (Content-Type: application/json), not ${type || 'untyped'}`, field: null });
  return reply;
}

/** 503 (database unavailable, with Retry-After) or 507 (disk full), with the fault's message. */
export function sendStorageFault(reply: FastifyReply, fault: StorageFault) {
  if (fault.status === 503) reply.header('retry-after', '5');
  return reply.code(fault.status).send({ error: fault.message, field: null });
}
