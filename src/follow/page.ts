// The frame of the few pages follow/ writes itself (the Mastodon server form, its confirmation, the
// republication kit): no script, no stylesheet, not indexed, the title repeated as the <h1>.
import { esc } from './escape.ts';

/** A whole page; `mainHtml` (already escaped) follows the <h1> inside <main>. */
export function followPage(o: { lang: string; title: string; mainHtml: string }): string {
  return `<!doctype html>
<html lang="${esc(o.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(o.title)}</title>
</head>
<body>
<main>
<h1>${esc(o.title)}</h1>
${o.mainHtml}
</main>
</body>
</html>
`;
}
