// Our verifier. Order as the specification has it: find the manifest store, check the claim signature and
// every hashed reference (c2pa-ts), the signer against our trust anchors (trust.ts), then the hard binding:
// remove the excluded bytes, (for text) normalise to NFC, hash. Then the chain, hop by hop, through the
// ingredients' own manifests in the store.
import { createHash } from 'node:crypto';
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf';
import {
  ActionAssertion,
  CreativeWorkAssertion,
  DataHashAssertion,
  IngredientAssertion,
  ManifestStore,
  type Manifest,
} from '@trustnxt/c2pa-ts/manifest';
import { BytesAsset } from './asset.ts';
import { embeddedStore } from './html.ts';
import { findWrapper, WrapperError } from './text-wrapper.ts';
import { signerOf, type SignerInfo } from './trust.ts';

export type VerifyStatus = 'intact' | 'changed' | 'signature-broken' | 'untrusted' | 'unsigned' | 'malformed';

export interface Hop {
  label: string | null;
  title: string | null;
  url: string | null;
  language: string | null;
  format: string | null;
  signer: SignerInfo | null;
  /** Claim signature and hashed references check out (null: the hop has no manifest). */
  signatureValid: boolean | null;
  actions: { action: string; detail: string }[];
  authors: string[];
  translators: string[];
  publisher: string | null;
  sha256: string | null;
}

export interface Verification {
  status: VerifyStatus;
  summary: string;
  /** From this asset back to the first original. */
  hops: Hop[];
  storeBytes: number;
  failures: { code: string; explanation: string | null }[];
}

export interface VerifyInput {
  bytes: Buffer;
  mimeType: 'text/html' | 'text/plain';
  /** A manifest store given apart from the asset (e.g. fetched from its rel="c2pa-manifest" URL). */
  store?: Uint8Array;
  trustAnchors: string[];
  now?: Date;
}

const SIGNATURE_CODES = /^(claimSignature\.|assertion\.hashedURI\.mismatch|assertion\.missing|claim\.|signingCredential\.invalid|ingredient\.)/;

function fail(status: VerifyStatus, summary: string, storeBytes = 0): Verification {
  return { status, summary, hops: [], storeBytes, failures: [] };
}

const names = (v: unknown): string[] => (Array.isArray(v) ? v.map((p) => (typeof p === 'string' ? p : String((p as { name?: unknown })?.name ?? ''))).filter(Boolean) : []);

function describeAction(a: { action: string; parameters?: Record<string, unknown> }): { action: string; detail: string } {
  const p = a.parameters ?? {};
  const bits: string[] = [];
  if (names(p.authors).length) bits.push(`by ${names(p.authors).join(', ')}`);
  if (names(p.translators).length) bits.push(`by ${names(p.translators).join(', ')}`);
  if (p.sourceLanguage || p.targetLanguage) bits.push(`${p.sourceLanguage ?? '?'} → ${p.targetLanguage ?? '?'}`);
  if (typeof p.editor === 'string') bits.push(`editor ${p.editor}`);
  if (typeof p.publisher === 'string') bits.push(`publisher ${p.publisher}`);
  return { action: a.action, detail: bits.join('; ') };
}

async function hopOf(m: Manifest, anchors: string[], now: Date): Promise<Hop> {
  const work = m.assertions?.assertions.find((a): a is CreativeWorkAssertion => a instanceof CreativeWorkAssertion)?.creativeWork as Record<string, unknown> | undefined;
  const actions = m.assertions?.getActionAssertions().flatMap((a: ActionAssertion) => a.actions) ?? [];
  let signatureValid = false;
  if (m.signature && m.claim) {
    const r = await m.signature.validate(m.claim.getBytes(m.claim)!);
    signatureValid = r.isValid;
  }
  return {
    label: m.label ?? null,
    title: m.claim?.title ?? (typeof work?.headline === 'string' ? work.headline : null),
    url: typeof work?.url === 'string' ? work.url : null,
    language: typeof work?.inLanguage === 'string' ? work.inLanguage : null,
    format: m.claim?.format ?? null,
    signer: signerOf(m, anchors, now),
    signatureValid,
    actions: actions.map((a) => describeAction(a as { action: string; parameters?: Record<string, unknown> })),
    authors: names(work?.author),
    translators: names(work?.translator),
    publisher: typeof (work?.publisher as { name?: unknown })?.name === 'string' ? ((work!.publisher as { name: string }).name) : null,
    sha256: null,
  };
}

/** The chain behind `m`: each ingredient, through its own manifest when the store holds it. */
async function chainOf(m: Manifest, store: ManifestStore, anchors: string[], now: Date, seen: Set<string>): Promise<Hop[]> {
  const out: Hop[] = [];
  for (const ing of m.assertions?.assertions ?? []) {
    if (!(ing instanceof IngredientAssertion)) continue;
    const label = /^self#jumbf=\/c2pa\/([^/]+)$/.exec(ing.activeManifest?.uri ?? '')?.[1];
    const theirs = label ? store.getManifestByLabel(label) : undefined;
    if (theirs && !seen.has(label!)) {
      seen.add(label!);
      const hop = await hopOf(theirs, anchors, now);
      const expected = ing.activeManifest!.hash;
      const actual = createHash('sha256').update(theirs.getBytes()!).digest();
      if (!expected || !actual.equals(Buffer.from(expected))) hop.signatureValid = false;
      out.push(hop, ...(await chainOf(theirs, store, anchors, now, seen)));
    } else {
      out.push({
        label: null,
        title: ing.title ?? null,
        url: ing.informationalURI ?? null,
        language: null,
        format: ing.format ?? null,
        signer: null,
        signatureValid: null,
        actions: [],
        authors: [],
        translators: [],
        publisher: null,
        sha256: /sha256:([0-9a-f]{64})/.exec(ing.description ?? '')?.[1] ?? null,
      });
    }
  }
  return out;
}

/** The bytes the data hash covers, laid out as c2pa-ts expects: for text, NFC of the text outside the wrapper. */
function textAsset(text: string, wrapper: { start: number; length: number }, declared: { start: number; length: number } | undefined): Uint8Array | null {
  if (!declared) return null;
  const bytes = Buffer.from(text);
  const visible = Buffer.concat([bytes.subarray(0, wrapper.start), bytes.subarray(wrapper.start + wrapper.length)]).toString('utf8').normalize('NFC');
  const v = Buffer.from(visible);
  // The wrapper's declared place addresses the text as signed; a re-encoded text keeps its place relative to the end.
  const at = wrapper.start + wrapper.length === bytes.length ? v.length : Math.min(declared.start, v.length);
  return Buffer.concat([v.subarray(0, at), Buffer.alloc(declared.length), v.subarray(at)]);
}

export async function verifyAsset(input: VerifyInput): Promise<Verification> {
  const now = input.now ?? new Date();
  let storeBytes = input.store;
  let wrapper: { start: number; length: number } | null = null;
  let text: string | null = null;
  if (input.mimeType === 'text/plain') {
    text = input.bytes.toString('utf8');
    try {
      const w = findWrapper(text);
      if (w) {
        wrapper = w;
        storeBytes ??= w.store;
      }
    } catch (err) {
      if (err instanceof WrapperError) return { ...fail('malformed', `damaged manifest wrapper (${err.code})`), failures: [{ code: err.code, explanation: err.message }] };
      throw err;
    }
  } else if (!storeBytes) {
    storeBytes = embeddedStore(input.bytes)?.store;
  }
  if (!storeBytes?.length) return fail('unsigned', 'no Content Credentials found');

  let store: ManifestStore;
  try {
    store = ManifestStore.read(SuperBox.fromBuffer(storeBytes as Uint8Array<ArrayBuffer>));
  } catch (err) {
    return fail('malformed', `unreadable manifest store: ${(err as Error).message}`, storeBytes.length);
  }
  const active = store.getActiveManifest();
  if (!active) return fail('malformed', 'the manifest store has no active manifest', storeBytes.length);
  const binding = active.assertions?.assertions.find((a): a is DataHashAssertion => a instanceof DataHashAssertion);
  let data: Uint8Array | null = input.bytes;
  if (text !== null) data = wrapper ? textAsset(text, wrapper, binding?.exclusions[0]) : null;

  const failures: Verification['failures'] = [];
  let result;
  try {
    result = await store.validate(new BytesAsset(data ?? new Uint8Array(), input.mimeType, storeBytes));
  } catch (err) {
    return fail('malformed', `manifest could not be validated: ${(err as Error).message}`, storeBytes.length);
  }
  for (const e of result.statusEntries) if (!e.success) failures.push({ code: e.code, explanation: e.explanation ?? null });
  if (text !== null && !wrapper) failures.push({ code: 'assertion.dataHash.mismatch', explanation: 'the text carries no manifest wrapper to exclude' });

  const hops = [await hopOf(active, input.trustAnchors, now), ...(await chainOf(active, store, input.trustAnchors, now, new Set([active.label!])))];
  const signer = hops[0].signer;
  let status: VerifyStatus;
  let summary: string;
  const signatureBroken = !hops[0].signatureValid || failures.some((f) => SIGNATURE_CODES.test(f.code)) || hops.some((h) => h.signatureValid === false);
  if (signatureBroken) {
    status = 'signature-broken';
    summary = 'signature broken: the manifest was altered or is not the one signed';
  } else if (failures.some((f) => f.code.startsWith('assertion.dataHash') || f.code.startsWith('assertion.hardBinding'))) {
    status = 'changed';
    summary = `signature broken: changed after signing (signed by ${signer?.name ?? 'unknown'})`;
  } else if (failures.length) {
    status = 'signature-broken';
    summary = `not valid: ${failures.map((f) => f.code).join(', ')}`;
  } else if (!signer?.trusted || hops.some((h) => h.signer && !h.signer.trusted)) {
    status = 'untrusted';
    summary = `signed by ${signer?.name ?? 'unknown'}, intact, but ${signer?.problem ?? 'an earlier hop’s signer is not trusted'}`;
  } else {
    status = 'intact';
    summary = `signed by ${signer.name}, intact`;
  }
  return { status, summary, hops, storeBytes: storeBytes.length, failures };
}
