// `relais extract FILE... [--url URL]`: one JSON object per input file per line on stdout.
// Files may be .html or .html.gz. Per-file errors go to stderr with the file name; the exit code is
// non-zero when any file failed, but every file is attempted.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { decodeBody } from '../text/decode.ts';
import { extractArticle } from './index.ts';

const USAGE = 'usage: relais extract FILE... [--url URL]\n' +
  '  Prints one JSON object per file per line: file, title, authors, publishedAt, language, siteName,\n' +
  '  canonicalUrl, leadImage, description, text, html. FILE may be .html or .html.gz.\n' +
  '  --url URL   address of the page(s), used to resolve relative links and images';

export async function extractCommand(argv: string[]): Promise<number> {
  const files: string[] = [];
  let url: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--url') {
      url = argv[++i];
      if (!url) {
        process.stderr.write(`relais extract: --url needs a value\n${USAGE}\n`);
        return 2;
      }
    } else if (a.startsWith('--url=')) {
      url = a.slice(6);
    } else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    } else if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') {
      process.stderr.write(`relais extract: unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else {
      files.push(a);
    }
  }
  if (url !== undefined) {
    try {
      new URL(url);
    } catch {
      process.stderr.write(`relais extract: --url is not an absolute URL: ${url}\n`);
      return 2;
    }
  }
  if (!files.length) {
    process.stderr.write(`relais extract: no input file\n${USAGE}\n`);
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    try {
      let bytes: Buffer = await readFile(file);
      if (file.endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b)) bytes = gunzipSync(bytes);
      const { text: html } = decodeBody(bytes, { kind: 'html' });
      const a = extractArticle(html, { url });
      const line = JSON.stringify({
        file,
        title: a.title,
        authors: a.authors,
        publishedAt: a.publishedAt,
        language: a.language,
        siteName: a.siteName,
        canonicalUrl: a.canonicalUrl,
        leadImage: a.leadImage,
        description: a.description,
        text: a.text,
        html: a.html,
      });
      await write(line + '\n');
    } catch (e) {
      failed++;
      const err = e as NodeJS.ErrnoException;
      const msg = err.code === 'ENOENT' ? 'no such file' : err.code === 'Z_DATA_ERROR' ? `not valid gzip (${err.message})` : err.message;
      process.stderr.write(`relais extract: ${file}: ${msg}\n`);
    }
  }
  return failed ? 1 : 0;
}

function write(s: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(s, (err) => (err ? reject(err) : resolve()));
  });
}

if (import.meta.main) {
  process.exitCode = await extractCommand(process.argv.slice(2));
}
