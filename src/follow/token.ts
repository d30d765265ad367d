// A copy token: 16 random base62 characters, a dot, and the article id in base36 ("BdcYKAD1mC1G6xXA.99").
// The browser script makes it; the server checks its shape and that it names the article it claims.

export const COPY_TOKEN_PATTERN = /^([0-9A-Za-z]{16})\.([1-9a-z][0-9a-z]{0,10})$/;

/** The article id inside a well-formed token, or null. */
export function parseCopyToken(token: unknown): { articleId: number } | null {
  if (typeof token !== 'string') return null;
  const m = COPY_TOKEN_PATTERN.exec(token);
  if (!m) return null;
  const articleId = parseInt(m[2], 36);
  return Number.isSafeInteger(articleId) && articleId > 0 ? { articleId } : null;
}

export function formatCopyToken(random16: string, articleId: number): string {
  return `${random16}.${articleId.toString(36)}`;
}
