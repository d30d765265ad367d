// The embed dialog's check: an address it accepts is one the body sanitiser keeps.
import { EMBED_HOSTS } from '../../../domain/embeds.ts';

/** The embed address if it is https (or http) on an allowed host, else null. */
export function embedSrc(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password) return null;
  return EMBED_HOSTS.includes(url.hostname) ? url.href : null;
}
