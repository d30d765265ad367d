// Site-relative paths for links inside pages (the absolute forms in domain/urls.ts are for feeds, og and
// JSON-LD): a page then works behind any host name or proxy prefix-free.
import type { SiteConfig } from '../domain/types.ts';
import { urls } from '../domain/urls.ts';

/** The path of one of our absolute URLs, or the URL unchanged when it points elsewhere. */
export function localPath(site: SiteConfig, url: string): string {
  return url.startsWith(site.baseUrl + '/') ? url.slice(site.baseUrl.length) : url;
}

export function isRemote(file: string): boolean {
  return /^https?:\/\//i.test(file);
}

function encodeFile(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

export function mediaPath(site: SiteConfig, file: string): string {
  return isRemote(file) ? file : localPath(site, urls.media(site, '')) + encodeFile(file);
}

export function imagePath(site: SiteConfig, file: string, width: number): string {
  return isRemote(file) ? file : localPath(site, urls.image(site, '', width)) + encodeFile(file);
}

/** Absolute URL of a resized variant (for og:image and JSON-LD, which need absolute URLs). */
export function absoluteImage(site: SiteConfig, file: string, width: number): string {
  return isRemote(file) ? file : site.baseUrl + imagePath(site, file, width);
}
