// Sends one image to the media library (multipart: file, alt, credit, caption).
import type { Media } from '../../../domain/media.ts';
import { api } from '../api.ts';

export interface MediaText {
  alt: string;
  credit: string;
  caption: string;
}

export async function uploadImage(file: File, text: MediaText): Promise<Media> {
  const form = new FormData();
  form.append('alt', text.alt);
  form.append('credit', text.credit);
  form.append('caption', text.caption);
  form.append('file', file, file.name);
  return api<Media>('POST', '/media', form);
}
