/** Reading PolNeAR (../shared/docs/data.md): `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBrat, type BratDocument } from './brat.js';

export interface PolnearArticle {
  name: string;
  textPath: string;
  annPath: string;
  /** Every annotator file for this article, sorted by name; `annPath` is the first. */
  annotatorFiles: string[];
}

/** `NAME_ANNOTATOR.ann` → `NAME` (the annotator part has no underscore). */
export const articleNameOf = (annFile: string): string => annFile.replace(/_[^_]*\.ann$/, '');

/**
 * The articles of one split folder (e.g. `polnear/dev`) that have both a text and an annotation
 * file, in name order; an article with several annotator files uses the first by name.
 */
export function listPolnear(splitDir: string): { articles: PolnearArticle[]; textOnly: string[]; annOnly: string[] } {
  const textDir = join(splitDir, 'text');
  const annDir = join(splitDir, 'attributions');
  const texts = existsSync(textDir) ? readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort() : [];
  const anns = existsSync(annDir) ? readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort() : [];
  const byName = new Map<string, string[]>();
  for (const f of anns) {
    const name = articleNameOf(f);
    const list = byName.get(name) ?? [];
    list.push(f);
    byName.set(name, list);
  }
  const articles: PolnearArticle[] = [];
  const textOnly: string[] = [];
  for (const t of texts) {
    const name = t.slice(0, -'.txt'.length);
    const files = byName.get(name);
    if (!files) {
      textOnly.push(name);
      continue;
    }
    articles.push({ name, textPath: join(textDir, t), annPath: join(annDir, files[0]!), annotatorFiles: files });
    byName.delete(name);
  }
  return { articles, textOnly, annOnly: [...byName.keys()] };
}

export function readPolnearAnnotation(article: PolnearArticle): BratDocument {
  return parseBrat(readFileSync(article.annPath, 'utf8'));
}

/**
 * The extract record of a PolNeAR article, or why it cannot be scored: gold offsets index the .txt file,
 * so a record whose article.text differs from it is skipped, never scored against shifted offsets.
 */
export function recordForArticle<R extends { article: { text: string } }>(
  article: PolnearArticle,
  byInput: ReadonlyMap<string, R>,
  fileText: string,
): { record: R } | { reason: string } {
  const record = byInput.get(article.textPath);
  if (!record) return { reason: 'no extract record' };
  if (record.article.text !== fileText) return { reason: 'article.text differs from the file, so gold offsets do not apply' };
  return { record };
}
