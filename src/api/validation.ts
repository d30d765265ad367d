// The API's schema compiler, strict per request part. Bodies are JSON, so their types are checked as
// sent (no coercion: "name": 123 is refused, not turned into "123") and an unknown field is refused (an
// object schema with properties and no additionalProperties of its own gets additionalProperties: false).
// Query strings and path parameters are text by nature and keep Fastify's coercion ("limit=5" → 5).
// Ajv is the one Fastify itself brings (not yet a direct dependency in package.json).
import { Ajv, type Options } from 'ajv';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

const COMMON: Options = { useDefaults: true, allErrors: false, strict: false, addUsedSchema: false };
const bodies = new Ajv({ ...COMMON, coerceTypes: false, removeAdditional: false });
const texts = new Ajv({ ...COMMON, coerceTypes: 'array', removeAdditional: true });

type Schema = Record<string, unknown>;

/** A copy of the schema in which every object with named properties refuses the others. */
export function closedSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closedSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, closedSchema(v)]));
    } else if (['items', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'not', 'then', 'else', 'if'].includes(key)) {
      out[key] = closedSchema(value);
    } else {
      out[key] = value;
    }
  }
  if (out.properties && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

export const apiValidatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) =>
  httpPart === 'body' ? bodies.compile(closedSchema(schema) as Schema) : texts.compile(schema as Schema);
