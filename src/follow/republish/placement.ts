// Placement tokens: made each time the republication kit is opened and carried by the kit's pixel URL, so a
// republisher's views are told apart without the Referer header. Signed, not stored: opening the kit writes
// nothing. Shape: `<article id base36>.<8 random base62>.<signature>`.
import { randomBase62, signToken, verifyToken } from '../signed-token.ts';

const PURPOSE = 'placement';

export function makePlacement(secret: Buffer, articleId: number): string {
  return signToken(secret, PURPOSE, `${articleId.toString(36)}.${randomBase62(8)}`);
}

/** The article id of a genuine placement token, else null. */
export function placementArticle(secret: Buffer, token: string): number | null {
  if (!/^[0-9a-z]{1,11}\.[0-9A-Za-z]{8}\.[A-Za-z0-9_-]{22}$/.test(token)) return null;
  const body = verifyToken(secret, PURPOSE, token);
  if (!body) return null;
  const id = parseInt(body.split('.')[0], 36);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
