// JSON schemas for request shapes (Fastify's ajv checks them). They check shape only: the publish
// operations check meaning (languages, URLs, references, slugs) and answer with the failing field.
const nullableString = { type: ['string', 'null'] } as const;
const idList = { type: 'array', items: { type: 'integer', minimum: 1 }, maxItems: 100 } as const;

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
    status: { type: 'string', enum: ['draft', 'scheduled', 'published'] },
    publishedAt: nullableString,
    canonicalUrl: nullableString,
    canonicalPolicy: { type: 'string', enum: ['self', 'original', 'self-noindex'] },
    authorIds: idList,
    translatorIds: idList,
    provenance,
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
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

export const articleListQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['draft', 'scheduled', 'published'] },
    language: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
    section: { type: 'string' },
    tag: { type: 'string' },
    page: { type: 'integer', minimum: 1, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
} as const;
