/**
 * Words for comparing what outlets write: lower-cased, curly apostrophes straightened, a light stem (plural -s, -es,
 * -ing, -ed off; "accusations" and "accusation" alike), function words left out. One copy for every story section.
 */

/** English function words that say nothing about what is reported. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'nor', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'into', 'onto',
  'over', 'about', 'after', 'before', 'than', 'that', 'this', 'these', 'those', 'it', 'its', 'is', 'are', 'was', 'were', 'be',
  'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'he', 'she', 'they', 'them', 'his', 'her', 'their', 'him',
  'we', 'us', 'our', 'you', 'your', 'i', 'me', 'my', 'which', 'who', 'whom', 'whose', 'what', 'would', 'will', 'could',
  'should', 'can', 'may', 'might', 'must', 'shall', 'not', 'no', 'also', 'said', 'says', 'say', 'there', 'here', 'if',
  'so', 'such', 'any', 'some', 'all', 'more', 'most', 'other', 'up', 'out', 'then', 'just', 'very', 'mr', 'mrs', 'ms',
]);

/** A light stem: enough to make "accusations" meet "accusation" and "advising" meet "advise(d)". */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/[’']/g, "'").replace(/'s$/, '');
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('es') && /(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w.replace(/e$/, '');
}

/** Every word of a text, lower-cased, in order (letters, digits, inner apostrophes and hyphens). */
export const wordsOf = (text: string): string[] => (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).map((w) => w.replace(/’/g, "'"));

/** The stems of a text's content words (function words and one-letter words left out), as a set. */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of wordsOf(text)) if (w.length > 1 && !STOP_WORDS.has(w.replace(/'s$/, ''))) out.add(stem(w));
  return out;
}

/** How many members two sets share. */
export function shared<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  let n = 0;
  for (const x of a.size <= b.size ? a : b) if ((a.size <= b.size ? b : a).has(x)) n++;
  return n;
}
