// Responsive images: a srcset of /img/{w}/ variants with the real pixel widths, and width/height so the
// layout does not jump while the image loads.
import type { ImageRef, SiteConfig } from '../../domain/types.ts';
import { IMAGE_WIDTHS } from '../../domain/urls.ts';
import { html, type Html } from '../html.ts';
import type { ImageSize } from '../media.ts';
import { RESIZABLE } from '../media.ts';
import { imagePath, isRemote, mediaPath } from '../paths.ts';

export interface SizedImage {
  ref: ImageRef;
  size: ImageSize | null;
}

function resizable(file: string): boolean {
  const dot = file.lastIndexOf('.');
  return !isRemote(file) && dot > 0 && RESIZABLE.has(file.slice(dot).toLowerCase());
}

/** src, srcset and the displayed size of an image; `preferred` is the width used as plain src. */
export function imageSources(site: SiteConfig, img: SizedImage, preferred = 960): { src: string; srcset: string | null; width: number | null; height: number | null } {
  const { ref, size } = img;
  const width = size?.width ?? null;
  const height = size?.height ?? null;
  if (!resizable(ref.file)) return { src: mediaPath(site, ref.file), srcset: null, width, height };
  // Variants never upscale: a 1280 request of an 800-pixel image is 800 pixels wide, so say so.
  const seen = new Set<number>();
  const entries: string[] = [];
  for (const w of IMAGE_WIDTHS) {
    const actual = width ? Math.min(w, width) : w;
    if (seen.has(actual)) continue;
    seen.add(actual);
    entries.push(`${imagePath(site, ref.file, w)} ${actual}w`);
  }
  const srcWidth = IMAGE_WIDTHS.find((w) => w >= preferred) ?? IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1];
  return { src: imagePath(site, ref.file, srcWidth), srcset: entries.join(', '), width, height };
}

function img(site: SiteConfig, image: SizedImage, sizes: string, opts: { preferred?: number; lazy?: boolean; alt?: string; priority?: boolean } = {}): Html {
  const s = imageSources(site, image, opts.preferred);
  return html`<img src="${s.src}"${s.srcset ? html` srcset="${s.srcset}" sizes="${sizes}"` : ''}${s.width ? html` width="${s.width}"` : ''}${s.height ? html` height="${s.height}"` : ''} alt="${opts.alt ?? image.ref.alt}"${opts.lazy ? html` loading="lazy"` : ''}${opts.priority ? html` fetchpriority="high"` : ''} decoding="async">`;
}

export function featuredImage(site: SiteConfig, image: SizedImage, creditLabel: string): Html {
  return html`<figure class="featured">
${img(site, image, '(min-width: 48rem) 46rem, 100vw', { preferred: 960, priority: true })}
${image.ref.credit ? html`<figcaption>${creditLabel} ${image.ref.credit}</figcaption>` : ''}
</figure>`;
}

export function thumbnail(site: SiteConfig, image: SizedImage): Html {
  return img(site, image, '8rem', { preferred: 320, lazy: true });
}

export function portrait(site: SiteConfig, image: SizedImage, alt: string, className = ''): Html {
  const s = imageSources(site, image, 320);
  return html`<img${className ? html` class="${className}"` : ''} src="${s.src}" width="96" height="96" alt="${image.ref.alt || alt}" loading="lazy" decoding="async">`;
}
