/**
 * How far a metadata value can be trusted, by where it came from: what a publisher states for machines (JSON-LD,
 * `article:published_time`, the canonical link) is right far more often than what is read off the page (the first
 * `<h1>`, a `<time>` in the text, a date in the URL). The figures are priors from the hand check of
 * docs/extraction-metadata-sample.md, not learned values.
 */
const CONFIDENCE: ReadonlyArray<[RegExp, number]> = [
  [/^given$/, 1],
  [/^json-ld:(?:headline|datePublished|dateModified)$/, 0.95],
  [/^json-ld:/, 0.9],
  [/^link:canonical$/, 0.95],
  [/^meta:article:(?:published|modified)_time$/, 0.9],
  [/^meta:og:(?:title|url|site_name)$/, 0.85],
  [/^html:lang$/, 0.9],
  [/^meta:(?:og:updated_time|last-modified|dcterms\.modified)$/, 0.8],
  [/^meta:/, 0.75],
  [/^html:title$/, 0.75],
  [/^html:time$/, 0.7],
  [/^html:byline$/, 0.65],
  [/^html:h1$/, 0.6],
  [/^url:date$/, 0.6],
  [/^html:date-text$/, 0.6],
  [/^html:date-near-title$/, 0.5],
  [/^html:byline-near-title$/, 0.45],
  [/^readability:byline$/, 0.5],
  [/^option:url$/, 1],
  [/^text:first-line$/, 0.5],
];

/** The confidence of a value from `from` (0.5 for a source not in the table). */
export function confidenceOf(from: string): number {
  for (const [re, c] of CONFIDENCE) if (re.test(from)) return c;
  return 0.5;
}
