// Test helpers: a fresh key folder with development keys, and c2pa-rs (c2pa-node) when installed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initKeys, keyFolder, type KeyFolder } from './keys.ts';
import { openContentCredentials, type ContentCredentials } from './service.ts';

export async function testCredentials(siteName = 'Relais Test'): Promise<{ dir: string; keys: KeyFolder; credentials: ContentCredentials }> {
  const dir = mkdtempSync(join(tmpdir(), 'relais-c2pa-'));
  const keys = keyFolder(dir);
  await initKeys(keys, siteName);
  return { dir, keys, credentials: (await openContentCredentials(dir, siteName))! };
}

type C2paNode = { Reader: { fromManifestDataAndAsset(m: Buffer, a: { buffer: Buffer; mimeType: string }, s?: unknown): Promise<{ json(): Record<string, any> }> } };

/** c2pa-node 0.8.0, a test-only install (.ci/run); null when it is absent or does not load. */
export async function loadC2paNode(): Promise<C2paNode | null> {
  try {
    return (await import('@contentauth/c2pa-' + 'node')) as C2paNode;
  } catch {
    return null;
  }
}

export const C2PA_NODE_SKIP = 'needs @contentauth/c2pa-node@0.8.0 (SKIP_RUST_BUILD=1 npm install --no-save @contentauth/c2pa-node@0.8.0, as .ci/run does)';

/** What c2pa-rs says of a manifest store over an asset, the development CA as its trust anchor. */
export async function c2paRs(node: C2paNode, anchors: string[], store: Uint8Array, asset: Buffer, mimeType: string): Promise<{ state: string; failures: string[] }> {
  const settings = { trust: { trust_anchors: anchors.join('') }, verify: { verify_trust: true } };
  try {
    const r = await node.Reader.fromManifestDataAndAsset(Buffer.from(store), { buffer: asset, mimeType }, settings);
    const j = r.json();
    const failures = [...(j.validation_results?.activeManifest?.failure ?? []), ...(j.validation_status ?? [])].map((f: { code: string }) => f.code);
    return { state: j.validation_state ?? 'Unknown', failures };
  } catch (err) {
    return { state: 'Error', failures: [(err as Error).message] };
  }
}
