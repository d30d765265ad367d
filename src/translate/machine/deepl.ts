// The DeepL API: POST /v2/translate, "Authorization: DeepL-Auth-Key <key>", JSON
// {text: [...], source_lang, target_lang, tag_handling: "xml"} → {translations: [{text}]}.
import type { Fetcher } from '../../ingest/fetch/index.ts';
import type { MachineProvider } from './provider.ts';

export function deepl(baseUrl: string, key: string | null): MachineProvider {
  return {
    name: 'DeepL',
    async translate(fetcher: Fetcher, texts: string[], from: string, to: string): Promise<string[]> {
      const res = await fetcher.fetch(`${baseUrl}/v2/translate`, {
        method: 'POST',
        accept: 'application/json',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `DeepL-Auth-Key ${key}` } : {}) },
        body: JSON.stringify({ text: texts, source_lang: from.toUpperCase(), target_lang: to.toUpperCase(), tag_handling: 'xml', ignore_tags: ['x'] }),
      });
      const data = JSON.parse(res.body.toString('utf8')) as { translations?: { text?: unknown }[] };
      const out = data.translations?.map((t) => t.text);
      if (!out || out.length !== texts.length || out.some((t) => typeof t !== 'string')) throw new Error('DeepL answered without the expected translations');
      return out as string[];
    },
  };
}
