// JSON schemas for request shapes (Fastify's ajv checks them). They check shape only: the publish
// operations check meaning (languages, URLs, references, slugs) and answer with the failing field.
const nullableString = { type: ['string', 'null'], maxLength: 2000 } as const;
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const nullableText = (maxLength: number) => ({ type: ['string', 'null'], maxLength }) as const;
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
    credit: nullableText(500),
    width: { type: ['integer', 'null'], minimum: 1, maximum: 100_000 },
    height: { type: ['integer', 'null'], minimum: 1, maximum: 100_000 },
    mediaId: { type: ['integer', 'null'], minimum: 1, maximum: ID_MAX },
    caption: nullableText(1000),
    focal: {
      type: ['object', 'null'],
      required: ['x', 'y'],
      properties: { x: { type: 'number', minimum: 0, maximum: 1 }, y: { type: 'number', minimum: 0, maximum: 1 } },
    },
  },
} as const;

const provenance = {
  type: 'object',
  properties: {
    original: {
      type: ['object', 'null'],
      properties: {
        url: nullableString,
        title: nullableText(500),
        outletId: { type: ['integer', 'null'], minimum: 1, maximum: ID_MAX },
        authorNames: { type: 'array', items: text(200), maxItems: 50 },
        language: nullableText(35),
        publishedAt: nullableText(40),
      },
    },
    via: {
      type: ['object', 'null'],
      required: ['url'],
      properties: { url: text(2000), name: nullableText(200) },
    },
    translationOfId: { type: ['integer', 'null'], minimum: 1, maximum: ID_MAX },
    republicationOfId: { type: ['integer', 'null'], minimum: 1, maximum: ID_MAX },
    licence: nullableText(200),
  },
} as const;

export const articleBody = {
  type: 'object',
  required: ['language', 'title', 'bodyHtml'],
  properties: {
    slug: text(100),
    language: text(35),
    title: text(500),
    summary: text(2000),
    bodyHtml: { type: 'string' },
    image: imageRef,
    sectionIds: idList,
    sections: { type: 'array', items: text(100), maxItems: 100 },
    tags: { type: 'array', items: text(60), maxItems: 100 },
    status: { type: 'string', enum: ['draft', 'review', 'scheduled', 'published'] },
    publishedAt: nullableText(40),
    canonicalUrl: nullableString,
    canonicalPolicy: { type: 'string', enum: ['self', 'original', 'self-noindex'] },
    authorIds: idList,
    translatorIds: idList,
    provenance,
    /** The version the editor loaded (PUT, autosave): a newer stored one is a conflict (409). */
    version: id,
  },
} as const;

export const publishBody = {
  type: ['object', 'null'],
  properties: { at: text(40) },
} as const;

export const personBody = {
  type: 'object',
  required: ['name'],
  properties: {
    slug: text(100),
    name: text(200),
    bio: text(5000),
    photo: imageRef,
    links: {
      type: 'array',
      maxItems: 50,
      items: { type: 'object', required: ['label', 'url'], properties: { label: text(100), url: text(2000) } },
    },
  },
} as const;

export const outletBody = {
  type: 'object',
  required: ['name', 'homeUrl'],
  properties: { name: text(200), homeUrl: text(2000), language: nullableText(35) },
} as const;

export const sectionBody = {
  type: 'object',
  required: ['name'],
  properties: {
    slug: text(100),
    name: text(100),
    names: { type: 'object', additionalProperties: text(100), maxProperties: 50 },
    position: { type: 'integer', minimum: -1_000_000, maximum: 1_000_000 },
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
