// JSON schemas of the newsroom's article routes (shape only; the operations check meaning).
export const revParams = {
  type: 'object',
  required: ['id', 'rev'],
  properties: { id: { type: 'integer', minimum: 1 }, rev: { type: 'integer', minimum: 1 } },
} as const;

export const diffQuery = {
  type: 'object',
  properties: { from: { type: 'integer', minimum: 1 }, to: { type: 'integer', minimum: 1 } },
} as const;

export const versionBody = {
  type: ['object', 'null'],
  properties: { version: { type: 'integer', minimum: 1 } },
} as const;

export const correctionBody = {
  type: 'object',
  required: ['text'],
  properties: { text: { type: 'string', maxLength: 2000 } },
} as const;

export const bulkBody = {
  type: 'object',
  required: ['ids', 'action'],
  properties: {
    ids: { type: 'array', items: { type: 'integer', minimum: 1 }, minItems: 1, maxItems: 200 },
    action: { type: 'string', enum: ['publish', 'unpublish', 'move', 'delete'] },
    sectionIds: { type: 'array', items: { type: 'integer', minimum: 1 }, maxItems: 100 },
  },
} as const;

export const slugQuery = {
  type: 'object',
  required: ['language', 'slug'],
  properties: {
    language: { type: 'string' },
    slug: { type: 'string', minLength: 1, maxLength: 500 },
    except: { type: 'integer', minimum: 1 },
  },
} as const;

export const tagQuery = {
  type: 'object',
  properties: { q: { type: 'string', maxLength: 100 } },
} as const;

export const sanitizeBody = {
  type: 'object',
  required: ['html'],
  properties: { html: { type: 'string', maxLength: 2_000_000 } },
} as const;
