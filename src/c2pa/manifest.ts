// Builds and signs a claim v2 manifest for a ManifestSpec, bound by a data hash to the asset bytes outside
// the given exclusion ranges. The store's size is fixed before signing (the ranges depend on it).
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf';
import {
  ActionAssertion,
  CreativeWorkAssertion,
  DataHashAssertion,
  IngredientAssertion,
  ManifestStore,
  type Action,
  type HashExclusionRange,
  type Manifest,
} from '@trustnxt/c2pa-ts/manifest';
import type { SiteSigner } from './signer.ts';
import type { IngredientSpec, ManifestSpec } from './spec.ts';

const CLAIM_V2 = 1;
const PARENT_OF = 'parentOf';
const GENERATOR = 'Relais';
const DIGITAL_CREATION = 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCreation';
// Exclusion values while the size is unknown: as wide in CBOR as any real one (under 2^32).
const WIDE = 0x7fffffff;
// Room the COSE signature needs beyond its placeholder: 64 bytes of r|s, one of CBOR header, and a
// remainder of at least 24 so the pad keeps its 2-byte CBOR header (the store must not shrink by one).
const SIGNATURE_PADDING = 64 + 1 + 24;

type Layout = (storeSize: number) => HashExclusionRange[];

export interface SignedStore {
  bytes: Uint8Array;
  exclusions: HashExclusionRange[];
  label: string;
}

function readStore(bytes: Uint8Array): ManifestStore {
  return ManifestStore.read(SuperBox.fromBuffer(bytes as Uint8Array<ArrayBuffer>));
}

function actionsOf(spec: ManifestSpec, parents: ReturnType<Manifest['createAssertionReference']>[]): Action[] {
  const editor = spec.editor ? { editor: spec.editor } : {};
  const list: Record<string, unknown>[] = [];
  if (spec.kind === 'original' || !parents.length) {
    list.push({ action: 'c2pa.created', digitalSourceType: DIGITAL_CREATION, parameters: { authors: spec.authors } });
  } else {
    list.push({ action: 'c2pa.opened', parameters: { ingredients: parents } });
  }
  if (spec.kind === 'translation') {
    list.push({
      action: 'c2pa.translated',
      parameters: { translators: spec.translators, sourceLanguage: spec.fromLanguage, targetLanguage: spec.language },
    });
  }
  list.push({ action: spec.updated ? 'c2pa.edited' : 'c2pa.published', parameters: { ...editor, publisher: spec.publisher } });
  return list as unknown as Action[];
}

// The title and URL of an earlier hop are in its ingredient (or its own manifest): isBasedOn names it by URL.
function creativeWork(spec: ManifestSpec): Record<string, unknown> {
  const person = (name: string) => ({ '@type': 'Person', name });
  return {
    '@context': 'https://schema.org',
    // c2pa-ts reads only "@type": "CreativeWork" (no NewsArticle, which would say more).
    '@type': 'CreativeWork',
    headline: spec.title,
    url: spec.url,
    inLanguage: spec.language,
    ...(spec.publishedAt ? { datePublished: spec.publishedAt } : {}),
    author: spec.authors.map(person),
    ...(spec.translators.length ? { translator: spec.translators.map(person) } : {}),
    publisher: { '@type': 'Organization', name: spec.publisher },
    ...(spec.licence ? { license: spec.licence } : {}),
    isBasedOn: spec.ingredients.map((i) => i.url ?? { '@type': 'CreativeWork', name: i.title }),
  };
}

function ingredientOf(manifest: Manifest, store: ManifestStore, i: IngredientSpec): IngredientAssertion {
  const a = IngredientAssertion.createV3(PARENT_OF as never);
  const theirs = i.manifestStore ? readStore(i.manifestStore) : null;
  const active = theirs?.getActiveManifest();
  a.format = i.format;
  if (!(i.namedByManifest && active?.label)) {
    a.title = i.title;
    if (i.url) a.informationalURI = i.url;
  }
  if (i.sha256) a.description = `verbatim copy sha256:${i.sha256}`;
  if (theirs) {
    if (active?.label && !store.getManifestByLabel(active.label)) {
      for (const m of theirs.manifests) if (m.label && !store.getManifestByLabel(m.label)) store.manifests.splice(store.manifests.length - 1, 0, m);
    }
    if (active?.label) {
      a.activeManifest = manifest.createHashedReference(`/c2pa/${active.label}`);
      a.claimSignature = manifest.createHashedReference(`/c2pa/${active.label}/c2pa.signature`);
      // Status entries without their optional url: each concerns the ingredient's active manifest, named above.
      const map = (codes: string[]) => codes.map((code) => ({ code: code as never }));
      a.validationResults = {
        activeManifest: { success: map(i.validation?.success ?? []), informational: [], failure: map(i.validation?.failure ?? []) },
      };
    }
  }
  return a;
}

/** Signs `spec`; `coveredHash` is the SHA-256 of the asset outside the ranges `layout` returns. */
export async function signManifest(spec: ManifestSpec, signer: SiteSigner, layout: Layout, coveredHash: Uint8Array): Promise<SignedStore> {
  const store = new ManifestStore();
  const manifest = store.createManifest({
    claimVersion: CLAIM_V2,
    assetFormat: spec.format,
    instanceID: spec.instanceId,
    defaultHashAlgorithm: 'SHA-256',
    signer: signer.signer,
  });
  // No claim title: the CreativeWork's headline carries it.
  manifest.claim!.claimGeneratorName = GENERATOR;
  manifest.signature!.signatureData.paddingLength = SIGNATURE_PADDING;

  const ingredients = spec.ingredients.map((i) => ingredientOf(manifest, store, i));
  const parents = ingredients.map((a) => manifest.createAssertionReference(a));
  const actions = new ActionAssertion();
  actions.actions = actionsOf(spec, parents);
  const work = new CreativeWorkAssertion();
  work.creativeWork = creativeWork(spec) as never;
  // No initial padding (c2pa-ts reserves 100 bytes): the size is fixed below with the widest exclusions,
  // and the real ones leave at most 16 bytes to pad (under 24: the pad's CBOR header stays one byte).
  const dataHash = DataHashAssertion.create('SHA-256', 0);
  dataHash.hash = coveredHash;
  for (const a of [...ingredients, actions, work]) manifest.addAssertion(a);
  manifest.addAssertion(dataHash);

  // The ranges depend on the store's size and the size on the ranges: fix the size with the largest
  // values the ranges can hold, then pad the data hash until the real ranges give that size again.
  dataHash.exclusions = layout(WIDE).map((r) => ({ start: WIDE, length: WIDE, ...(r.offsetMarker ? { offsetMarker: true } : {}) }));
  const size = store.measureSize();
  let pad = 0;
  for (let round = 0; round < 8; round++) {
    dataHash.exclusions = layout(size);
    dataHash.paddingLength = pad;
    const measured = store.measureSize();
    if (measured === size) break;
    pad = Math.max(0, pad + size - measured);
  }
  if (store.measureSize() !== size) throw new Error('could not fix the manifest size');
  await manifest.sign(signer.signer);
  const bytes = store.getBytes();
  if (bytes.length !== size) throw new Error(`manifest size changed while signing (${size} → ${bytes.length})`);
  return { bytes, exclusions: dataHash.exclusions, label: manifest.label! };
}
