// What `relais serve` prints once it listens: the site, the newsroom and, on the demo, the owner's sign-in link.
import type { AppContext } from '../context.ts';

export function localUrl(host: string, port: number): string {
  return `http://${/^(0\.0\.0\.0|::)$/.test(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${port}/`;
}

export async function printAddresses(ctx: AppContext, local: string, demo: boolean, env: NodeJS.ProcessEnv, processes = ''): Promise<void> {
  // With port 0 (or a port the configuration did not know), links must name the port actually used.
  if (!env.RELAIS_BASE_URL) ctx.site.baseUrl = local.replace(/\/$/, '');
  console.log(`Relais is serving on ${local}${processes}`);
  if (ctx.site.baseUrl !== local.replace(/\/$/, '')) console.log(`Public address: ${ctx.site.baseUrl}/`);
  console.log(`Newsroom: ${ctx.site.baseUrl}/newsroom/`);
  if (demo && env.RELAIS_DEMO_OWNER !== '0') {
    const { demoOwnerLink } = await import('../demo/owner.ts');
    const link = await demoOwnerLink(ctx);
    if (link) console.log(`Sign in to the newsroom as the demo owner (one-time link, 24 h): ${link}`);
  }
}
