// Conditional GET (RFC 9110 §13): If-None-Match first; If-Modified-Since only when there is no If-None-Match.

function etagList(header: string): string[] {
  return header.split(',').map((t) => t.trim().replace(/^W\//, '')).filter(Boolean);
}

/** True when the client's copy is current and a 304 should be sent. */
export function isNotModified(
  req: { ifNoneMatch?: string | string[]; ifModifiedSince?: string | string[] },
  etag: string,
  lastModified: string | null,
): boolean {
  const inm = Array.isArray(req.ifNoneMatch) ? req.ifNoneMatch.join(',') : req.ifNoneMatch;
  if (inm != null && inm.trim() !== '') {
    // Weak comparison, as the RFC asks for If-None-Match.
    const tags = etagList(inm);
    return tags.includes('*') || tags.includes(etag.replace(/^W\//, ''));
  }
  const ims = Array.isArray(req.ifModifiedSince) ? req.ifModifiedSince[0] : req.ifModifiedSince;
  if (!ims || !lastModified) return false;
  const since = Date.parse(ims);
  if (Number.isNaN(since)) return false;
  // Last-Modified has one-second resolution: compare whole seconds.
  return Math.floor(Date.parse(lastModified) / 1000) <= Math.floor(since / 1000);
}
