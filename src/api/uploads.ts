// File uploads into the API scope: multipart/form-data (@fastify/multipart) and a bare image body
// (Content-Type: image/…). Both parsers exist for the whole /api scope, but requireJson (errors.ts) lets
// such bodies reach only the routes whose config says `upload: true`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { InputError } from '../domain/types.ts';
import { MAX_MEDIA_BYTES } from '../media/index.ts';

const LIMIT = `images may be at most ${MAX_MEDIA_BYTES / 1024 / 1024} MB`;

export async function registerUploadParsers(api: FastifyInstance): Promise<void> {
  await api.register(multipart, { limits: { fileSize: MAX_MEDIA_BYTES, files: 1, fields: 10, fieldSize: 10_000, parts: 12 } });
  // Read by hand rather than with parseAs: the route's JSON body limit must not apply, and a refusal
  // should say what the limit is.
  api.addContentTypeParser(/^image\//, (_req, payload, done) => {
    const declared = Number(_req.headers['content-length'] ?? 0);
    if (declared > MAX_MEDIA_BYTES) return done(new InputError(`the file is too large: ${LIMIT}`, 'file', 413), undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    payload.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > MAX_MEDIA_BYTES) {
        failed = true;
        payload.resume();
        return done(new InputError(`the file is too large: ${LIMIT}`, 'file', 413), undefined);
      }
      chunks.push(c);
    });
    payload.on('end', () => failed || done(null, Buffer.concat(chunks)));
    payload.on('error', (err) => failed || ((failed = true), done(err, undefined)));
  });
}

export interface UploadedFile {
  bytes: Buffer;
  filename: string;
  fields: Record<string, string>;
}

const MULTIPART_ERRORS: Record<string, [string, number]> = {
  FST_REQ_FILE_TOO_LARGE: [`the file is too large: ${LIMIT}`, 413],
  FST_FILES_LIMIT: ['send one file per request', 413],
  FST_PARTS_LIMIT: ['too many form fields', 413],
  FST_FIELDS_LIMIT: ['too many form fields', 413],
  FST_PROTO_VIOLATION: ['a form field name is not allowed', 400],
  FST_MP_PREMATURE_CLOSE: ['the upload was cut off before it ended', 400],
};

/** The request's file (form field `field`, or the bare image body) with the form's text fields. */
export async function readUpload(req: FastifyRequest, field = 'file'): Promise<UploadedFile> {
  if (Buffer.isBuffer(req.body)) {
    const q = req.query as Record<string, string | undefined>;
    const fields = Object.fromEntries(Object.entries(q ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
    return { bytes: req.body, filename: String(req.headers['x-filename'] ?? ''), fields };
  }
  if (!req.isMultipart()) throw new InputError(`send the image as multipart/form-data (field "${field}") or as the body with Content-Type: image/…`, field, 415);
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; filename: string } | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') fields[part.fieldname] = String(part.value ?? '');
      else if (part.fieldname === field && !file) file = { bytes: await part.toBuffer(), filename: part.filename ?? '' };
      else part.file.resume();
    }
  } catch (err) {
    const known = MULTIPART_ERRORS[(err as { code?: string }).code ?? ''];
    if (known) throw new InputError(known[0], field, known[1]);
    throw new InputError(`the form could not be read: ${(err as Error).message}`, field);
  }
  if (!file) throw new InputError(`the form has no file in the field "${field}"`, field);
  return { ...file, fields };
}
