// Pictures in the republication kit: only the library's images marked with a licence that allows reuse
// (media.reuse_licence) stay, with absolute URLs; every other picture, and a figure left without one, goes.
import { parseDocument } from 'htmlparser2';
import render from 'dom-serializer';
import { isTag, type ChildNode } from 'domhandler';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { isLicence, licenceInfo } from '../licence.ts';

/** The media file an image URL of this site names (`/media/<file>` or `/img/<width>/<file>`), else null. */
export function mediaFileOf(src: string, baseUrl: string): string | null {
  const path = src.startsWith(baseUrl + '/') ? src.slice(baseUrl.length) : src;
  const m = /^\/(?:media|img\/\d+)\/([^?#]+)$/.exec(path);
  return m ? decodeURIComponent(m[1]) : null;
}

export async function reusableFiles(db: Kysely<Database>, files: string[]): Promise<Set<string>> {
  if (!files.length) return new Set();
  const rows = await db.selectFrom('media').select(['file', 'reuse_licence']).where('file', 'in', files).execute();
  return new Set(rows.filter((r) => isLicence(r.reuse_licence) && licenceInfo(r.reuse_licence).republishable).map((r) => r.file));
}

function imageSources(nodes: ChildNode[], out: string[]): string[] {
  for (const n of nodes) {
    if (!isTag(n)) continue;
    if (n.name === 'img' && n.attribs.src) out.push(n.attribs.src);
    imageSources(n.children, out);
  }
  return out;
}

function hasPicture(nodes: ChildNode[]): boolean {
  return nodes.some((n) => isTag(n) && (n.name === 'img' || hasPicture(n.children)));
}

function keep(nodes: ChildNode[], allowed: (src: string) => string | null): ChildNode[] {
  const kept: ChildNode[] = [];
  for (const n of nodes) {
    if (!isTag(n)) {
      kept.push(n);
      continue;
    }
    if (n.name === 'img') {
      const abs = allowed(n.attribs.src ?? '');
      if (!abs) continue;
      n.attribs.src = abs;
      delete n.attribs.srcset;
      delete n.attribs.sizes;
    }
    if (n.name === 'source' || n.name === 'iframe') continue;
    const had = hasPicture(n.children);
    n.children = keep(n.children, allowed);
    if ((n.name === 'figure' || n.name === 'picture') && had && !hasPicture(n.children)) continue;
    kept.push(n);
  }
  return kept;
}

/** The body with only reusable pictures (absolute URLs). */
export async function reusableBody(db: Kysely<Database>, bodyHtml: string, baseUrl: string): Promise<string> {
  const doc = parseDocument(bodyHtml);
  const files = imageSources(doc.children, []).map((s) => mediaFileOf(s, baseUrl)).filter((f): f is string => !!f);
  const ok = await reusableFiles(db, [...new Set(files)]);
  const allowed = (src: string) => {
    const f = mediaFileOf(src, baseUrl);
    return f && ok.has(f) ? `${baseUrl}/media/${encodeURI(f)}` : null;
  };
  return render(keep(doc.children, allowed), { encodeEntities: 'utf8' });
}
