// What import keeps of a source's Content Credentials: its manifest store and our verdict on it.
import type { ImportedCredentials } from '../store/imported-credentials.ts';
import { embeddedStore } from './html.ts';
import { findWrapperSafe, MARKER } from './text-wrapper.ts';
import { verifyAsset } from './verify.ts';

export interface SourceBytes {
  bytes: Buffer;
  mimeType: 'text/html' | 'text/plain';
}

/** The source as read, when it carries a manifest (cheap test: no parsing unless a marker is there). */
export function signedSource(bytes: Buffer | string, mimeType: SourceBytes['mimeType']): SourceBytes | null {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  if (mimeType === 'text/html' ? !embeddedStore(buf) : !buf.includes(MARKER)) return null;
  return { bytes: buf, mimeType };
}

export async function checkImported(source: SourceBytes, anchors: string[], now: Date): Promise<ImportedCredentials | null> {
  const v = await verifyAsset({ bytes: source.bytes, mimeType: source.mimeType, trustAnchors: anchors, now });
  if (v.status === 'unsigned') return null;
  const store = source.mimeType === 'text/html' ? embeddedStore(source.bytes)?.store : undefined;
  const fromText = source.mimeType === 'text/plain' ? findWrapperSafe(source.bytes.toString('utf8')) : null;
  const bytes = store ?? fromText;
  if (!bytes) return null;
  return { store: bytes, status: v.status, summary: v.summary, failures: v.failures.map((f) => f.code), checkedAt: now.toISOString() };
}
