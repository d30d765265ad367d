// Across languages the anchors of a translation come in the same order as the original's; a text on the
// same topic shares anchors too, but in another order. The measure: the longest common subsequence of the
// two anchor sequences, as a Dice ratio (2·LCS / (|a| + |b|)).

export interface AnchorOrder {
  lcs: number;
  dice: number;
}

export function anchorOrder(a: readonly string[], b: readonly string[]): AnchorOrder {
  if (a.length === 0 || b.length === 0) return { lcs: 0, dice: 0 };
  const row = new Uint16Array(b.length + 1);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1]);
      diagonal = above;
    }
  }
  const lcs = row[b.length];
  return { lcs, dice: (2 * lcs) / (a.length + b.length) };
}
