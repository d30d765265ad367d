// Machine translation providers: off unless RELAIS_MT names one (libretranslate | deepl), with
// RELAIS_MT_URL (the server; DeepL defaults to its free API) and RELAIS_MT_KEY. Requests go through the
// safe fetcher. Placeholders travel as XML tags (<g id="1">…</g>, <x id="2"/>) both APIs keep.
import { InputError } from '../../domain/types.ts';
import type { Fetcher } from '../../ingest/fetch/index.ts';
import { deepl } from './deepl.ts';
import { libreTranslate } from './libretranslate.ts';

export interface MachineProvider {
  /** The name disclosed to readers ("DeepL", "LibreTranslate"). */
  name: string;
  /** Translates texts written with XML tags for the placeholders; answers in the same form and order. */
  translate(fetcher: Fetcher, texts: string[], from: string, to: string): Promise<string[]>;
}

export interface MachineConfig {
  kind: 'libretranslate' | 'deepl';
  url: string;
  key: string | null;
}

export function machineConfig(env: NodeJS.ProcessEnv = process.env): MachineConfig | null {
  const kind = env.RELAIS_MT?.trim().toLowerCase();
  if (!kind || kind === 'off' || kind === 'none') return null;
  if (kind !== 'libretranslate' && kind !== 'deepl') throw new InputError(`RELAIS_MT must be libretranslate or deepl, not ${JSON.stringify(kind)}`, null, 500);
  const url = env.RELAIS_MT_URL?.trim() || (kind === 'deepl' ? 'https://api-free.deepl.com' : '');
  if (!url) throw new InputError('RELAIS_MT=libretranslate needs RELAIS_MT_URL (the LibreTranslate server)', null, 500);
  return { kind, url: url.replace(/\/+$/, ''), key: env.RELAIS_MT_KEY?.trim() || null };
}

export function machineProvider(env: NodeJS.ProcessEnv = process.env): MachineProvider | null {
  const c = machineConfig(env);
  if (!c) return null;
  return c.kind === 'deepl' ? deepl(c.url, c.key) : libreTranslate(c.url, c.key);
}
