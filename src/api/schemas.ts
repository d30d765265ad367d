// JSON schemas for request shapes (Fastify's ajv checks them). They check shape only: the publish
// operations check meaning (languages, URLs, references, slugs) and answer with the failing field.
const nullableString = { type: ['string', 'null'] } as const;
// A day (2026-03-01) or an ISO time in UTC (2026-03-01T12:00:00Z, 2026-03-01T12:00:00.000Z).
const DATE_OR_TIME = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?Z)?$';
// Row ids and paging stay within what both databases take (PostgreSQL integer, a sane OFFSET).
const ID_MAX = 2_147_483_647;
const OFFSET_MAX = 1_000_000_000;
const id = { type: 'integer', minimum: 1, maximum: ID_MAX } as const;
const idList = { type: 'array', items: id, maxItems: 100 } as const;

export const imageRef = {
  type: ['object', 'null'],
  required: ['file'],
  properties: {
    file: { type: 'string', maxLength: 2000 },
    alt: { type: 'string', maxLength: 500 },
    credit: nullableString,
    width: { type: ['integer', 'null'], minimum: 1 },
    height: { type: ['integer', 'null'], minimum: 1 },
  },
} as const;

const provenance = {
  type: 'object',
  properties: {
    original: {
      type: ['object', 'null'],
      properties: {
        url: nullableString,
        title: nullableString,
        outletId: { type: ['integer', 'null'], minimum: 1 },
        authorNames: { type: 'array', items: { type: 'string' }, maxItems: 50 },
        language: nullableString,
        publishedAt: nullableString,
      },
    },
    via: {
      type: ['object', 'null'],
      required: ['url'],
      properties: { url: { type: 'string' }, name: nullableString },
    },
    translationOfId: { type: ['integer', 'null'], minimum: 1 },
    republicationOfId: { type: ['integer', 'null'], minimum: 1 },
    licence: nullableString,
  },
} as const;

export const articleBody = {
  type: 'object',
  required: ['language', 'title', 'bodyHtml'],
  properties: {
    slug: { type: 'string' },
    language: { type: 'string' },
    title: { type: 'string' },
    summary: { type: 'string' },
    bodyHtml: { type: 'string' },
    image: imageRef,
    sectionIds: idList,
    sections: { type: 'array', items: { type: 'string' }, maxItems: 100 },
    tags: { type: 'array', items: { type: 'string' }, maxItems: 100 },
    status: { type: 'string', enum: ['draft', 'review', 'scheduled', 'published'] },
    publishedAt: nullableString,
    canonicalUrl: nullableString,
    canonicalPolicy: { type: 'string', enum: ['self', 'original', 'self-noindex'] },
    authorIds: idList,
    translatorIds: idList,
    provenance,
    /** The version the editor loaded (PUT, autosave): a newer stored one is a conflict (409). */
    version: { type: 'integer', minimum: 1 },
  },
} as const;

export const publishBody = {
  type: ['object', 'null'],
  properties: { at: { type: 'string' } },
} as const;

export const personBody = {
  type: 'object',
  required: ['name'],
  properties: {
    slug: { type: 'string' },
    name: { type: 'string' },
    bio: { type: 'string' },
    photo: imageRef,
    links: {
      type: 'array',
      maxItems: 50,
      items: { type: 'object', required: ['label', 'url'], properties: { label: { type: 'string' }, url: { type: 'string' } } },
    },
  },
} as const;

export const outletBody = {
  type: 'object',
  required: ['name', 'homeUrl'],
  properties: { name: { type: 'string' }, homeUrl: { type: 'string' }, language: nullableString },
} as const;

export const sectionBody = {
  type: 'object',
  required: ['name'],
  properties: {
    slug: { type: 'string' },
    name: { type: 'string' },
    names: { type: 'object', additionalProperties: { type: 'string' } },
    position: { type: 'integer' },
  },
} as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id },
} as const;

export const articleListQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['draft', 'review', 'scheduled', 'published'] },
    language: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
    section: { type: 'string' },
    tag: { type: 'string' },
    author: id,
    translator: id,
    from: { type: 'string', pattern: DATE_OR_TIME },
    to: { type: 'string', pattern: DATE_OR_TIME },
    date: { type: 'string', enum: ['published', 'updated'] },
    q: { type: 'string', maxLength: 500 },
    sort: { type: 'string', enum: ['updated', 'published', 'title'] },
    order: { type: 'string', enum: ['asc', 'desc'] },
    page: { type: 'integer', minimum: 1, maximum: OFFSET_MAX / 100, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
} as const;

export const importBody = {
  type: 'object',
  properties: {
    url: { type: 'string', maxLength: 4000 },
    html: { type: 'string' },
    text: { type: 'string', maxLength: 1_000_000 },
    update: { type: 'boolean' },
  },
} as const;

export const updateBody = {
  type: ['object', 'null'],
  properties: { update: { type: 'boolean' } },
} as const;

export const feedBody = {
  type: 'object',
  required: ['url'],
  properties: {
    url: { type: 'string', maxLength: 4000 },
    title: { type: 'string', maxLength: 500 },
    folder: { type: 'string', maxLength: 200 },
    outletId: id,
  },
} as const;

export const pauseBody = {
  type: ['object', 'null'],
  properties: { reason: { type: 'string', maxLength: 500 } },
} as const;

export const feedListQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['active', 'paused'] },
    folder: { type: 'string' },
    failing: { type: 'boolean' },
    limit: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 },
    offset: { type: 'integer', minimum: 0, maximum: OFFSET_MAX, default: 0 },
  },
} as const;

export const candidateListQuery = {
  type: 'object',
  properties: {
    state: { type: 'string', enum: ['new', 'imported', 'dismissed'] },
    feed: id,
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
    before: id,
  },
} as const;
