// Site-relative addresses of a library item: the stored file, and the /img variant used as thumbnail.
import type { Media, StoredMedia } from '../domain/media.ts';
import type { SiteConfig } from '../domain/types.ts';
import { urls } from '../domain/urls.ts';

const encodeFile = (file: string) => file.split('/').map(encodeURIComponent).join('/');
const relative = (site: SiteConfig, url: string) => (url.startsWith(site.baseUrl) ? url.slice(site.baseUrl.length) : url);

export const THUMB_WIDTH = 320;
/** The width body images of imported articles are shown at (a variant: never upscaled, WebP when accepted). */
export const BODY_WIDTH = 960;

export function mediaUrl(site: SiteConfig, file: string): string {
  return relative(site, urls.media(site, encodeFile(file)));
}

export function variantUrl(site: SiteConfig, file: string, width: number): string {
  return relative(site, urls.image(site, encodeFile(file), width));
}

export function withUrls(site: SiteConfig, m: StoredMedia): Media {
  return { ...m, url: mediaUrl(site, m.file), thumbUrl: variantUrl(site, m.file, THUMB_WIDTH) };
}
