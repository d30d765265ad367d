// The media library's table: one row per stored picture (unique file, unique SHA-256).
import { sql, type Kysely } from 'kysely';
import type { Database, MediaTable } from './schema.ts';
import type { StoredMedia } from '../domain/media.ts';

type Row = Omit<MediaTable, 'id' | 'original_name' | 'alt' | 'credit' | 'caption'> & { id: number; original_name: string; alt: string; credit: string; caption: string };

function toMedia(r: Row): StoredMedia {
  return {
    id: Number(r.id),
    file: r.file,
    sha256: r.sha256,
    mime: r.mime,
    width: Number(r.width),
    height: Number(r.height),
    bytes: Number(r.bytes),
    originalName: r.original_name,
    alt: r.alt,
    credit: r.credit,
    caption: r.caption,
    sourceUrl: r.source_url,
    uploadedBy: r.uploaded_by == null ? null : Number(r.uploaded_by),
    createdAt: r.created_at,
  };
}

export async function insertMedia(db: Kysely<Database>, m: Omit<StoredMedia, 'id'>): Promise<StoredMedia> {
  const row = await db
    .insertInto('media')
    .values({
      file: m.file,
      sha256: m.sha256,
      mime: m.mime,
      width: m.width,
      height: m.height,
      bytes: m.bytes,
      original_name: m.originalName,
      alt: m.alt,
      credit: m.credit,
      caption: m.caption,
      source_url: m.sourceUrl,
      uploaded_by: m.uploadedBy,
      created_at: m.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMedia(row);
}

export async function updateMediaText(db: Kysely<Database>, id: number, t: Pick<StoredMedia, 'alt' | 'credit' | 'caption'>): Promise<void> {
  await db.updateTable('media').set({ alt: t.alt, credit: t.credit, caption: t.caption }).where('id', '=', id).execute();
}

export async function deleteMediaRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('media').where('id', '=', id).execute();
}

export async function findMediaById(db: Kysely<Database>, id: number): Promise<StoredMedia | null> {
  const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMedia(row) : null;
}

export async function findMediaBySha(db: Kysely<Database>, sha256: string): Promise<StoredMedia | null> {
  const row = await db.selectFrom('media').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  return row ? toMedia(row) : null;
}

export async function findMediaByFile(db: Kysely<Database>, file: string): Promise<StoredMedia | null> {
  const row = await db.selectFrom('media').selectAll().where('file', '=', file).executeTakeFirst();
  return row ? toMedia(row) : null;
}

export async function findMediaBySourceUrl(db: Kysely<Database>, url: string): Promise<StoredMedia | null> {
  const row = await db.selectFrom('media').selectAll().where('source_url', '=', url).orderBy('id').executeTakeFirst();
  return row ? toMedia(row) : null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** Newest first; every word of `q` must appear in the original name, alt or credit (case-insensitive). */
export async function queryMedia(db: Kysely<Database>, q: { text?: string; limit: number; offset: number }): Promise<{ items: StoredMedia[]; total: number }> {
  let base = db.selectFrom('media');
  for (const word of (q.text ?? '').split(/\s+/).filter(Boolean)) {
    const like = `%${escapeLike(word.toLowerCase())}%`;
    base = base.where((eb) => eb.or(['original_name', 'alt', 'credit'].map((c) => eb(sql`lower(${sql.ref(`media.${c}`)})`, 'like', sql`${like} escape '\\'`))));
  }
  const [{ n }] = await base.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute();
  return { items: rows.map(toMedia), total: Number(n) };
}

/** Ids of the articles whose featured image is this item (by library id or file name), or whose body shows it. */
export async function articlesUsingMedia(db: Kysely<Database>, m: Pick<StoredMedia, 'id' | 'file'>): Promise<{ featured: number[]; body: number[] }> {
  const like = (text: string) => sql<string>`${`%${escapeLike(text)}%`} escape '\\'`;
  // image_json is JSON.stringify of an ImageRef: the file appears as "file":"…", the id as "mediaId":N followed by , or }.
  const patterns = [`"file":${JSON.stringify(m.file)}`, `"mediaId":${m.id},`, `"mediaId":${m.id}}`];
  const featured = await db
    .selectFrom('articles')
    .select('id')
    .where((eb) => eb.or(patterns.map((p) => eb('image_json', 'like', like(p)))))
    .orderBy('id')
    .execute();
  const body = await db.selectFrom('articles').select('id').where('body_html', 'like', like(m.file)).orderBy('id').execute();
  return { featured: featured.map((r) => Number(r.id)), body: body.map((r) => Number(r.id)) };
}
