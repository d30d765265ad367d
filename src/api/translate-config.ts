// What the translation workspace needs to know about the server: the site's languages and whether a
// machine translation provider is configured (the UI offers the "Machine" button only then).
import type { AppContext } from '../context.ts';
import { machineProvider } from '../translate/machine/provider.ts';

export interface TranslateConfig {
  languages: string[];
  defaultLanguage: string;
  machine: { provider: string } | null;
}

export async function getTranslateConfig(ctx: AppContext): Promise<TranslateConfig> {
  let machine: TranslateConfig['machine'] = null;
  try {
    const p = machineProvider();
    if (p) machine = { provider: p.name };
  } catch {
    // A misconfigured provider offers nothing; the suggestion route says why.
  }
  return { languages: ctx.site.languages, defaultLanguage: ctx.site.defaultLanguage, machine };
}
