// The media library: images uploaded in the newsroom or brought in by an import, stored once per content.

/** A library item as stored. `file` is its name under the media folder: `library/<yyyy>/<sha256>.<ext>`. */
export interface StoredMedia {
  id: number;
  file: string;
  /** SHA-256 (hex) of the stored bytes: the same picture uploaded twice is one item. */
  sha256: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  originalName: string;
  alt: string;
  credit: string;
  caption: string;
  /** Where an imported image was downloaded from. */
  sourceUrl: string | null;
  uploadedBy: number | null;
  createdAt: string;
}

/** A library item as the API gives it: with its site-relative address and a thumbnail variant's address. */
export interface Media extends StoredMedia {
  url: string;
  thumbUrl: string;
}

export interface MediaUpload {
  bytes: Buffer;
  originalName?: string;
  alt?: string;
  credit?: string;
  caption?: string;
}

export interface MediaUpdate {
  alt?: string;
  credit?: string;
  caption?: string;
}

/** Folder of the media folder that holds library items. */
export const LIBRARY_PREFIX = 'library/';
