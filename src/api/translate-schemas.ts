// Request schemas of the translation workspace's routes.
const int = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
const lang = { type: 'string', minLength: 2, maxLength: 20 } as const;

export const segmentParams = { type: 'object', required: ['id', 'segmentId'], properties: { id: int, segmentId: int } } as const;
export const startBody = {
  type: 'object',
  required: ['language'],
  properties: { language: lang, translatorUserId: { anyOf: [int, { type: 'null' }] } },
  additionalProperties: false,
} as const;
export const segmentBody = {
  type: 'object',
  required: ['target'],
  properties: {
    target: { type: 'string', maxLength: 20000 },
    status: { type: 'string', enum: ['untranslated', 'draft', 'translated', 'reviewed'] },
    origin: { type: 'string', enum: ['human', 'memory', 'machine'] },
  },
  additionalProperties: false,
} as const;
export const commentBody = { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1, maxLength: 5000 } }, additionalProperties: false } as const;
export const returnBody = { type: ['object', 'null'], properties: { comment: { type: 'string', maxLength: 5000 } }, additionalProperties: false } as const;
export const publishTranslationBody = { type: ['object', 'null'], properties: { at: { type: 'string', maxLength: 40 } }, additionalProperties: false } as const;
export const translationListQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', maxLength: 100 },
    assignee: { type: 'string', maxLength: 20 },
    reviewer: { type: 'string', enum: ['me'] },
    language: lang,
    source: int,
    page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  },
  additionalProperties: false,
} as const;
export const pairQuery = { type: 'object', required: ['from', 'to'], properties: { from: lang, to: lang }, additionalProperties: false } as const;
export const matchQuery = {
  type: 'object',
  required: ['from', 'to', 'source'],
  properties: { from: lang, to: lang, source: { type: 'string', minLength: 1, maxLength: 20000 }, limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
  additionalProperties: false,
} as const;
export const glossaryBody = {
  type: 'object',
  required: ['from', 'to', 'term', 'rendering'],
  properties: { from: lang, to: lang, term: { type: 'string', maxLength: 200 }, rendering: { type: 'string', maxLength: 200 }, note: { type: 'string', maxLength: 1000 } },
  additionalProperties: false,
} as const;
export const noticeQuery = { type: 'object', properties: { unread: { type: 'boolean' }, limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } }, additionalProperties: false } as const;
export const reviewerBody = {
  type: 'object',
  required: ['from', 'to'],
  properties: { userId: int, email: { type: 'string', minLength: 3, maxLength: 320 }, from: lang, to: lang },
  oneOf: [{ required: ['userId'] }, { required: ['email'] }],
  additionalProperties: false,
} as const;
