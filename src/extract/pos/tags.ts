/**
 * The part-of-speech tags the tagger predicts: the Penn Treebank tags of CoNLL-2003 folded into 31
 * classes (comparatives into their base, NNPS into NNP, punctuation by role), so that a weight-table row
 * (at most 32 labels) holds them all. The folds keep what later stages read: verb forms (tense, -ing,
 * participle), modals, subordinators, relative words, nouns vs. proper nouns, punctuation kinds.
 */

export const POS_TAGS = [
  'NN', 'NNS', 'NNP', 'PRP', 'PRP$', 'VB', 'VBD', 'VBG', 'VBN', 'VBP', 'VBZ', 'MD', 'IN', 'TO', 'DT', 'WDT',
  'WRB', 'JJ', 'RB', 'RP', 'CC', 'CD', 'POS', 'EX', ',', '.', ':', 'QUOTE', 'BRACKET', 'SYM', 'UH',
] as const;
export type PosTag = (typeof POS_TAGS)[number];
export const NUM_POS = POS_TAGS.length;

const INDEX = new Map<string, number>(POS_TAGS.map((t, i) => [t, i]));

/** Penn Treebank tags folded into ours. */
const FOLD: Readonly<Record<string, PosTag>> = {
  NNPS: 'NNP', JJR: 'JJ', JJS: 'JJ', RBR: 'RB', RBS: 'RB', WP: 'WDT', 'WP$': 'PRP$', PDT: 'DT',
  '``': 'QUOTE', "''": 'QUOTE', '"': 'QUOTE', '(': 'BRACKET', ')': 'BRACKET', '-LRB-': 'BRACKET', '-RRB-': 'BRACKET',
  $: 'SYM', '#': 'SYM', FW: 'NN', LS: 'SYM',
};

/** Our tag index for a Penn Treebank tag (`NN|SYM` reads as its first part); -1 for none (`-X-`). */
export function posIndex(ptb: string): number {
  const tag = ptb.split('|')[0]!;
  const direct = INDEX.get(tag);
  if (direct !== undefined) return direct;
  const folded = FOLD[tag];
  return folded === undefined ? -1 : INDEX.get(folded)!;
}

export const tagIndex = (tag: PosTag): number => INDEX.get(tag)!;

/** The tag indexes of some tags, for membership tests in hot loops. */
export const tagSet = (tags: readonly PosTag[]): ReadonlySet<number> => new Set(tags.map(tagIndex));
/** Every verb form and the modals. */
export const VERB_TAGS = tagSet(['VB', 'VBD', 'VBG', 'VBN', 'VBP', 'VBZ', 'MD']);
/** Finite verbs (past, present) and the modals: what makes words a clause. */
export const FINITE_OR_MODAL_TAGS = tagSet(['VBD', 'VBP', 'VBZ', 'MD']);
