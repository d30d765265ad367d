// The soak's HTTP client: undici on a keep-alive pool, no redirects followed (a share click's 302 is its
// answer), every body read to the end so that connections are reused.
import { Agent, request } from 'undici';

export interface Answer {
  status: number;
  json: any;
  headers: Record<string, string | string[] | undefined>;
}

export function httpClient(base: string) {
  const dispatcher = new Agent({ connections: 64, headersTimeout: 30_000, bodyTimeout: 30_000, keepAliveTimeout: 30_000 });
  async function call(method: string, path: string, headers: Record<string, string> = {}, body?: unknown, readJson = false): Promise<Answer> {
    const res = await request(base + path, {
      dispatcher,
      method: method as 'GET',
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = readJson && res.statusCode < 300 ? await res.body.json() : (await res.body.dump(), null);
    return { status: res.statusCode, json, headers: res.headers };
  }
  return {
    call,
    /** The status of one request, its body read and dropped. */
    status: async (path: string, headers?: Record<string, string>) => (await call('GET', path, headers)).status,
    text: async (path: string) => {
      const res = await request(base + path, { dispatcher });
      if (res.statusCode !== 200) throw new Error(`GET ${path}: ${res.statusCode}`);
      return res.body.text();
    },
    close: () => dispatcher.close(),
  };
}

export type HttpClient = ReturnType<typeof httpClient>;
