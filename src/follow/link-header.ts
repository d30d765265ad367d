// RFC 8288 Link headers: the targets of links with a given relation, resolved against the response URL.
export function linksWithRel(header: string | undefined, rel: string, base: string): string[] {
  if (!header) return [];
  const out: string[] = [];
  // Each link is `<uri>` followed by `; param=value` pairs; commas inside <> or quotes do not split.
  const re = /<([^>]*)>((?:\s*;\s*[^;,=\s]+(?:\s*=\s*(?:"[^"]*"|[^;,]*))?)*)/g;
  for (const m of header.matchAll(re)) {
    const params = m[2];
    const relParam = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]*))/i.exec(params);
    const rels = (relParam?.[1] ?? relParam?.[2] ?? '').toLowerCase().split(/\s+/);
    if (!rels.includes(rel)) continue;
    try {
      out.push(new URL(m[1], base).href);
    } catch {}
  }
  return out;
}
