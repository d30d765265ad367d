// Configuration from the environment, with defaults that make `npm start` work on a fresh machine.
import { resolve } from 'node:path';
import type { SiteConfig } from './domain/types.ts';
import { cdnConfigFromEnv } from './cdn/config.ts';
import type { CdnConfig } from './cdn/index.ts';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  site: SiteConfig;
  /** Cache lifetimes of public pages and feeds, and the CDN purge URL (src/cdn). */
  cdn: CdnConfig;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST ?? '0.0.0.0';
  const dataDir = resolve(env.RELAIS_DATA_DIR ?? 'data');
  const baseUrl = (env.RELAIS_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    port,
    host,
    dataDir,
    databaseUrl: env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'relais.sqlite')}`,
    cdn: cdnConfigFromEnv(env),
    site: {
      name: env.RELAIS_SITE_NAME ?? 'Relais Demo',
      baseUrl,
      defaultLanguage: env.RELAIS_LANGUAGE ?? 'fr',
      languages: (env.RELAIS_LANGUAGES ?? 'fr,en').split(',').map((s) => s.trim()).filter(Boolean),
      description: {
        fr: 'Actualités traduites et republiées, avec leur provenance.',
        en: 'News translated and republished, with its provenance.',
        es: 'Noticias traducidas y republicadas, con su procedencia.',
        de: 'Übersetzte und wiederveröffentlichte Nachrichten, mit ihrer Herkunft.',
        ar: 'أخبار مترجمة ومعاد نشرها، مع مصدرها.',
      },
      copyMinChars: Number(env.RELAIS_COPY_MIN_CHARS ?? 80),
      shareDedupSeconds: Number(env.RELAIS_SHARE_DEDUP_SECONDS ?? 1800),
      timeZone: env.RELAIS_TIMEZONE ?? 'UTC',
    },
  };
}
