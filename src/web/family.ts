// Which articles are the same text in other languages (hreflang alternates), from provenance links alone.

export interface FamilyMember {
  id: number;
  language: string;
  publishedAt: string | null;
  provenance: { translationOfId: number | null; republicationOfId: number | null };
}

export interface Alternate<T extends FamilyMember> {
  lang: string;
  article: T;
}

/** Same-language republications are copies, not alternates: an original or a translation is preferred. */
function better(a: FamilyMember, b: FamilyMember): boolean {
  const ra = a.provenance.republicationOfId != null ? 1 : 0;
  const rb = b.provenance.republicationOfId != null ? 1 : 0;
  if (ra !== rb) return ra < rb;
  const pa = a.publishedAt ?? '';
  const pb = b.publishedAt ?? '';
  if (pa !== pb) return pa < pb;
  return a.id < b.id;
}

/**
 * One article per language among `self` and its relatives, `self` standing for its own language.
 * Empty when there is no other language (a lone hreflang is noise).
 */
export function pickAlternates<T extends FamilyMember>(self: T | null, relatives: T[], keep: (a: T) => boolean): Alternate<T>[] {
  const byLang = new Map<string, T>();
  if (self) byLang.set(self.language, self);
  for (const a of relatives) {
    if (!keep(a) || (self && (a.id === self.id || a.language === self.language))) continue;
    const cur = byLang.get(a.language);
    if (!cur || better(a, cur)) byLang.set(a.language, a);
  }
  if (byLang.size < 2) return [];
  return [...byLang].sort(([x], [y]) => x.localeCompare(y)).map(([lang, article]) => ({ lang, article }));
}

/** Groups articles into families joined by translation/republication links (for the sitemap). */
export function families<T extends FamilyMember>(articles: T[]): T[][] {
  const parent = new Map<number, number>();
  const find = (id: number): number => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let x = id; x !== root; ) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const a of articles) parent.set(a.id, a.id);
  for (const a of articles) {
    const other = a.provenance.translationOfId ?? a.provenance.republicationOfId;
    if (other != null && parent.has(other)) parent.set(find(a.id), find(other));
  }
  const groups = new Map<number, T[]>();
  for (const a of articles) {
    const r = find(a.id);
    const g = groups.get(r);
    if (g) g.push(a);
    else groups.set(r, [a]);
  }
  return [...groups.values()];
}
