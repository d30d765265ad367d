// `relais extract FILE... [--url URL]`: delegates to the extraction capability, when it is installed.
export const USAGE = `usage: relais extract FILE... [--url URL]
  Extracts the article (metadata and body) from saved HTML pages and prints one JSON object per file.`;

export async function extractDelegate(argv: string[]): Promise<number> {
  let mod: { extractCommand?: (argv: string[]) => Promise<number> };
  try {
    mod = await import('../extract/cli.ts');
  } catch (err) {
    if ((err as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    console.error('relais extract: the extraction module (src/extract/cli.ts) is not available in this installation.');
    return 1;
  }
  if (typeof mod.extractCommand !== 'function') {
    console.error('relais extract: src/extract/cli.ts does not export extractCommand.');
    return 1;
  }
  return mod.extractCommand(argv);
}
