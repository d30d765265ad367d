// A light English stemmer (in the spirit of Porter's first step): plurals, -ed, -ing, a final y or e, so
// "policies"/"policy", "houses"/"house", "running"/"runs" meet. Words keep their meaning-bearing suffixes.

const VOWEL = /[aeiouy]/;

export function stemEnglish(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let s = word;
  if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (/(?:xes|ches|shes|zzes)$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);

  if (s.endsWith('eed')) s = s.slice(0, -1);
  else {
    const m = /^(.+?)(?:ed|ing)$/.exec(s);
    if (m && m[1].length >= 2 && VOWEL.test(m[1])) {
      s = m[1];
      // "running" → "run", "stopped" → "stop"; "falling" and "missed" keep their double letter.
      if (/([^aeiouylsz])\1$/.test(s)) s = s.slice(0, -1);
    }
  }
  if (s.length > 2 && /[^aeiou]y$/.test(s)) s = s.slice(0, -1) + 'i';
  if (s.length > 3 && s.endsWith('e')) s = s.slice(0, -1);
  return s;
}
