// What a Relais manifest says about one published form of an article (a page or its plain text).
export interface ManifestSpec {
  title: string;
  /** The article's public URL. */
  url: string;
  language: string;
  format: 'text/html' | 'text/plain';
  /** Stable per article version and form, so a page signed twice makes the same claim. */
  instanceId: string;
  kind: 'original' | 'translation' | 'republication';
  authors: string[];
  translators: string[];
  /** Who published or last edited this version (the newsroom account), when known. */
  editor: string | null;
  publisher: string;
  licence: string | null;
  /** Set for translations. */
  fromLanguage: string | null;
  /** A published update (c2pa.edited) rather than the first publication. */
  updated: boolean;
  publishedAt: string | null;
  ingredients: IngredientSpec[];
}

export interface IngredientSpec {
  title: string;
  url: string | null;
  format: string;
  /** The sha256 (hex) of the verbatim copy kept at import. */
  sha256: string | null;
  /** The hop's own manifest store (JUMBF) when it has one: its manifests join this store. */
  manifestStore: Uint8Array | null;
  /** What our verification of that manifest found (codes, c2pa's names). */
  validation: { success: string[]; failure: string[] } | null;
  /** The manifest is this site's own, whose CreativeWork names the hop (headline, url): the ingredient repeats neither. */
  namedByManifest?: boolean;
}
