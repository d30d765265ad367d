// The LibreTranslate API: POST /translate, JSON {q, source, target, format: "html", api_key} →
// {translatedText} (q may be a list; the answer then is a list too).
import type { Fetcher } from '../../ingest/fetch/index.ts';
import type { MachineProvider } from './provider.ts';

export function libreTranslate(baseUrl: string, key: string | null): MachineProvider {
  return {
    name: 'LibreTranslate',
    async translate(fetcher: Fetcher, texts: string[], from: string, to: string): Promise<string[]> {
      const res = await fetcher.fetch(`${baseUrl}/translate`, {
        method: 'POST',
        accept: 'application/json',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ q: texts.length === 1 ? texts[0] : texts, source: from, target: to, format: 'html', ...(key ? { api_key: key } : {}) }),
      });
      const data = JSON.parse(res.body.toString('utf8')) as { translatedText?: unknown };
      const out = Array.isArray(data.translatedText) ? data.translatedText : [data.translatedText];
      if (out.length !== texts.length || out.some((t) => typeof t !== 'string')) throw new Error('LibreTranslate answered without translatedText');
      return out as string[];
    },
  };
}
