// The WebSub hub our feeds advertise: the built-in one (`<base>/websub`), or RELAIS_WEBSUB_HUB.
import type { SiteConfig } from '../../domain/types.ts';

export const HUB_PATH = '/websub';

export function websubHubUrl(site: Pick<SiteConfig, 'baseUrl'>, env: NodeJS.ProcessEnv = process.env): string {
  const given = env.RELAIS_WEBSUB_HUB?.trim();
  return given && /^https?:\/\//.test(given) ? given : `${site.baseUrl}${HUB_PATH}`;
}
