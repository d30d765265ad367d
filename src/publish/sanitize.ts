// Article bodies are sanitised on the way in, whatever their source (API, import, feed).
import sanitizeHtml from 'sanitize-html';
import { EMBED_HOSTS } from '../domain/embeds.ts';
import { boundNesting } from '../extract/nesting.ts';
import { runInWorker } from '../offload/run-in-worker.ts';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'q', 'cite', 'pre', 'code',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark',
    'abbr', 'time', 'span', 'a', 'img', 'figure', 'figcaption', 'picture', 'source',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'iframe', 'div', 'aside',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'hreflang', 'lang'],
    img: ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height', 'loading'],
    source: ['srcset', 'sizes', 'media', 'type'],
    iframe: ['src', 'width', 'height', 'title', 'allowfullscreen'],
    time: ['datetime'],
    abbr: ['title'],
    q: ['cite'],
    blockquote: ['cite'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    '*': ['lang', 'dir'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'srcset'],
  allowProtocolRelative: false,
  allowedIframeHostnames: EMBED_HOSTS,
  allowIframeRelativeUrls: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'xmp', 'noembed', 'noframes'],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
    iframe: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, sandbox: 'allow-scripts allow-same-origin allow-presentation', loading: 'lazy', referrerpolicy: 'no-referrer' },
    }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && /^data:/i.test(frame.attribs.src ?? '') && !/^data:image\/(png|jpe?g|gif|webp);/i.test(frame.attribs.src ?? ''),
};

// rel/sandbox/loading/referrerpolicy are added by the transforms above, after the allowlist check.
OPTIONS.allowedAttributes = {
  ...(OPTIONS.allowedAttributes as Record<string, string[]>),
  a: [...(OPTIONS.allowedAttributes as Record<string, string[]>).a, 'rel'],
  iframe: [...(OPTIONS.allowedAttributes as Record<string, string[]>).iframe, 'sandbox', 'loading', 'referrerpolicy'],
};

let disabledForHarness = false;

/**
 * Turns sanitising off, for the XSS harness's positive controls only (proves the test can fail).
 * Never reachable from configuration.
 */
export function disableSanitizerForHarness(off: boolean): void {
  disabledForHarness = off;
}

export function sanitizeBody(html: string): string {
  if (disabledForHarness) return html;
  return sanitizeHtml(typeof html === 'string' ? boundNesting(html) : html, OPTIONS).trim();
}

/** Bodies above this size are sanitised in a worker thread; smaller ones cost less than starting one. */
export const OFF_THREAD_BYTES = 64 * 1024;

/** sanitizeBody, off the request thread for large bodies. */
export async function sanitizeBodyOffThread(html: string): Promise<string> {
  if (disabledForHarness || typeof html !== 'string' || html.length < OFF_THREAD_BYTES) return sanitizeBody(html);
  return runInWorker(new URL('./sanitize-worker.ts', import.meta.url), html, { what: 'body sanitising' });
}

/** Plain text of a fragment: tags removed, entities kept as text. */
export function htmlToText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|h\d|li|blockquote|div)>/gi, '$&\n\n'), { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n\s*/g, '\n\n')
    .trim();
}

/**
 * Proves at start-up that the sanitiser really removes script (a misconfigured sanitiser can silently
 * pass everything through). Throws if it does not.
 */
export function assertSanitizerActive(): void {
  const probe = '<p>ok</p><script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>';
  const out = sanitizeHtml(probe, OPTIONS);
  if (/script|onerror|javascript:/i.test(out) || !out.includes('<p>ok</p>')) {
    throw new Error('HTML sanitiser self-check failed: refusing to start');
  }
}
