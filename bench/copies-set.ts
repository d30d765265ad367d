// The copy set of bench:copies: transformations of real article bodies (seeded), as a copying site would
// make them — the body inside other page chrome, truncated, paragraphs reordered, lightly edited, an
// excerpt of the first paragraphs. Nothing here knows how the index works.

export type Transformation = 'chrome' | 'truncated' | 'reordered' | 'edited' | 'excerpt';
export const TRANSFORMATIONS: Transformation[] = ['chrome', 'truncated', 'reordered', 'edited', 'excerpt'];

export function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export const paragraphsOf = (body: string) => body.split(/\n+/).map((p) => p.trim()).filter(Boolean);
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A page of another site around the paragraphs: header, menu, teasers of other stories, comments, footer. */
export function inChrome(paragraphs: string[], title: string, teasers: string[], rand: () => number): string {
  const menu = ['Home', 'World', 'Business', 'Tech', 'Science', 'Sport', 'Culture', 'Opinion'].map((m) => `<li><a href="/${m.toLowerCase()}">${m}</a></li>`).join('');
  const side = teasers.map((t, i) => `<li><a href="/story/${i}">${esc(t.split(/\s+/).slice(0, 22).join(' '))}…</a></li>`).join('');
  const comments = rand() < 0.5 ? `<section class="comments"><h3>3 comments</h3><p>Great read, thanks for sharing!</p><p>I am not sure I agree with all of this.</p></section>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)} | Daily Aggregator</title></head><body>
<header><a href="/" class="logo">Daily Aggregator</a><nav><ul>${menu}</ul></nav><form><input name="q" placeholder="Search"></form></header>
<main><article><h1>${esc(title)}</h1><p class="byline">Posted by admin · ${1 + Math.floor(rand() * 28)} March 2024</p>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<div class="share">Share on Facebook · Share on X · Email</div></article>
<aside><h2>Trending now</h2><ul>${side}</ul><div class="newsletter">Sign up for our newsletter and get the best stories every morning.</div></aside>
${comments}</main><footer><p>© 2024 Daily Aggregator. All rights reserved.</p><p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · <a href="/contact">Contact us</a></p></footer></body></html>`;
}

/** The first 40–70 % of the words, cut mid-sentence, with a "read more" tail. */
export function truncated(paragraphs: string[], rand: () => number): string {
  const words = paragraphs.join('\n').split(/ +/);
  const keep = Math.max(30, Math.floor(words.length * (0.4 + rand() * 0.3)));
  return `${words.slice(0, keep).join(' ')}… [Continue reading]`;
}

export function reordered(paragraphs: string[], rand: () => number): string {
  const p = [...paragraphs];
  for (let i = p.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p.join('\n\n');
}

const FILLERS = ['really', 'also', 'indeed', 'now', 'reportedly', 'still', 'just', 'very'];
/** About one word in twenty changed (replaced, dropped, or a word added), quotes and dashes retyped. */
export function edited(paragraphs: string[], rand: () => number): string {
  return paragraphs
    .map((p) => {
      const w = p.split(/ +/);
      const out: string[] = [];
      for (let i = 0; i < w.length; i++) {
        const r = rand();
        if (r < 0.017) continue;
        if (r < 0.034) out.push(w[Math.floor(rand() * w.length)]);
        else if (r < 0.05) out.push(w[i], FILLERS[Math.floor(rand() * FILLERS.length)]);
        else out.push(w[i]);
      }
      return out.join(' ').replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/ — /g, ' - ');
    })
    .join('\n\n');
}

/** The first paragraphs: at least two, and at least ~60 words. */
export function excerpt(paragraphs: string[]): string {
  const out: string[] = [];
  let words = 0;
  for (const p of paragraphs) {
    out.push(p);
    words += p.split(/\s+/).length;
    if (out.length >= 2 && words >= 60) break;
  }
  return out.join('\n\n');
}

export interface CopyCase {
  name: string;
  transformation: Transformation | 'negative';
  /** The indexed body it copies, or null for a negative. */
  target: number | null;
  html?: string;
  text?: string;
}

/** Every transformation of one body (as the HTML or plain text a copying site would have). */
export function copiesOf(body: string, title: string, teasers: string[], seed: number): Array<{ transformation: Transformation; html?: string; text?: string }> {
  const rand = rng(seed);
  const p = paragraphsOf(body);
  return [
    { transformation: 'chrome', html: inChrome(p, title, teasers, rand) },
    { transformation: 'truncated', text: truncated(p, rand) },
    { transformation: 'reordered', text: reordered(p, rand) },
    { transformation: 'edited', html: inChrome(paragraphsOf(edited(p, rand)), title, teasers, rand) },
    { transformation: 'excerpt', text: excerpt(p) },
  ];
}
