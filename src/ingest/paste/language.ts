// Enough language identification to tell French from English in a pasted article.
const STOPWORDS: Record<string, string[]> = {
  fr: ['le', 'la', 'les', 'des', 'est', 'une', 'dans', 'que', 'qui', 'pour', 'pas', 'sur', 'avec', 'du', 'au', 'aux', 'et', 'ont', 'été', 'cette', 'mais', 'leur'],
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'on', 'are', 'by', 'this', 'from', 'have', 'has', 'were', 'which', 'their', 'but'],
};

export function guessLanguage(text: string): string | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 5) return null;
  let best: string | null = null;
  let bestScore = 0;
  for (const [lang, list] of Object.entries(STOPWORDS)) {
    const set = new Set(list);
    const score = words.filter((w) => set.has(w)).length / words.length;
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return bestScore >= 0.05 ? best : null;
}
