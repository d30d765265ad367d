// Where each network's "share" button sends the reader: the network's own share URL, with the title and
// the article URL encoded as that network expects. Pure functions: no I/O, easy to test.
import type { ShareNetwork } from '../domain/types.ts';
import { messagesFor } from './messages.ts';

export interface ShareTarget {
  title: string;
  /** Absolute URL of the article page. */
  url: string;
  /** The article's language: picks the wording of the e-mail. */
  lang: string;
}

// encodeURIComponent, not URLSearchParams: spaces become %20, which mailto: (RFC 6068) needs and every
// network accepts, where URLSearchParams would write '+'.
const q = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');

/** One line of text: titles go into URLs and short posts, where a stray newline or tab helps nobody. */
function oneLine(s: string): string {
  return s.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
}

/**
 * The network's share URL. Mastodon has no central site: `instance` (a hostname already checked by
 * parseMastodonInstance) is required for it.
 */
export function buildShareUrl(network: ShareNetwork, target: ShareTarget, opts: { instance?: string } = {}): string {
  const title = oneLine(target.title);
  const url = target.url;
  const text = title ? `${title} ${url}` : url;
  switch (network) {
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?${q({ u: url })}`;
    case 'x':
      return `https://x.com/intent/post?${q({ text: title, url })}`;
    case 'bluesky':
      return `https://bsky.app/intent/compose?${q({ text })}`;
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?${q({ url })}`;
    case 'whatsapp':
      return `https://wa.me/?${q({ text })}`;
    case 'telegram':
      return `https://t.me/share/url?${q({ url, text: title })}`;
    case 'email': {
      const m = messagesFor(target.lang);
      return `mailto:?${q({ subject: m.emailSubject(title), body: m.emailBody(title, url) })}`;
    }
    case 'mastodon':
      if (!opts.instance) throw new Error('a Mastodon share needs the reader’s instance');
      return `https://${opts.instance}/share?${q({ text })}`;
  }
}
