// A light French stemmer: plurals (s, x, -aux), feminine forms (-euse, -trice, -ive, -elle, -enne, -onne,
// -ette, -ère, -e/-ée) folded onto the masculine, so "évêques"/"évêque", "heureuse"/"heureux",
// "première"/"premier", "publiées"/"publié" meet. It works on accent-free text (see normalize.ts) and leaves
// verb conjugations and derivations alone, which a light stemmer cannot fold without merging unrelated words.

const FEMININE: Array<[string, string]> = [
  ['trice', 'teur'],
  ['teuse', 'teur'],
  ['euse', 'eu'],
  ['ive', 'if'],
  ['elle', 'el'],
  ['enne', 'en'],
  ['onne', 'on'],
  ['ette', 'et'],
  ['ere', 'er'],
];

const DOUBLED = new Set(['ss', 'll', 'tt', 'nn']);

export function stemFrench(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let s = word;
  if (s.endsWith('aux') && !s.endsWith('eaux') && s.length > 4) s = s.slice(0, -3) + 'al';
  else if (s.endsWith('x')) s = s.slice(0, -1);
  else if (s.endsWith('s') && !s.endsWith('ss')) s = s.slice(0, -1);
  if (s.length <= 4) return s.length > 3 && s.endsWith('e') ? s.slice(0, -1) : s;
  for (const [suffix, masculine] of FEMININE) {
    if (s.endsWith(suffix)) return s.slice(0, -suffix.length) + masculine;
  }
  const before = s;
  for (let i = 0; i < 2 && s.length > 3 && s.endsWith('e'); i++) s = s.slice(0, -1);
  // "grosse" → "gros", "basse" → "bas"
  if (s !== before && s.length > 3 && DOUBLED.has(s.slice(-2))) s = s.slice(0, -1);
  return s;
}
