import type { Person, SiteConfig } from '../../domain/types.ts';
import { html, type Html } from '../html.ts';
import type { Strings } from '../i18n/index.ts';
import { portrait, type SizedImage } from './figure.ts';
import { personLink } from './credits.ts';

/** A bio as paragraphs: bios are plain text, blank lines separate paragraphs. */
export function bioParagraphs(bio: string): Html[] {
  return bio
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`);
}

/** "À propos de <name>" box for an author with a bio. */
export function aboutBox(site: SiteConfig, p: Person, photo: SizedImage | null, s: Strings): Html {
  const id = `about-${p.id}`;
  return html`<aside class="about" aria-labelledby="${id}">
<h2 id="${id}">${s.about(p.name)}</h2>
${photo ? portrait(site, photo, p.name) : ''}
${bioParagraphs(p.bio)}
<p>${personLink(site, p)}</p>
</aside>`;
}
