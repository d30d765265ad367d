// An escaping `html` tagged template: interpolated values are escaped unless they are already Html.
// Everything the site renders goes through it, so a forgotten escape cannot happen by default.

export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type Renderable = Html | string | number | boolean | null | undefined | readonly Renderable[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function render(value: Renderable): string {
  if (value instanceof Html) return value.value;
  if (value == null || value === false || value === true) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Renderable[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Trusted markup (sanitised article bodies, JSON-LD already made safe). */
export function raw(markup: string): Html {
  return new Html(markup);
}

export function join(items: readonly Renderable[], separator: Renderable = ''): Html {
  return new Html(items.map(render).join(render(separator)));
}

/**
 * A URL fit for href/src: http(s), mailto, site-relative paths and fragments pass; anything else
 * (javascript:, data:, protocol-relative) becomes "#".
 */
export function safeUrl(url: string | null | undefined): string {
  if (!url) return '#';
  const u = url.trim();
  if (/^(https?:|mailto:)/i.test(u)) return u;
  if (/^\/(?![/\\])/.test(u) || u.startsWith('#') || u.startsWith('?')) return u;
  return '#';
}
