import type { EntityType } from '../../model/schema.js';
import type { Gender } from './lexicon/people.js';

/** How a mention names its referent; resolution treats each kind by its own rules. */
export type MentionKind =
  /** A proper name: "Keir Starmer", "Labour", "U.K." */
  | 'name'
  /** An organisation named through a person: "Trump's campaign team", "the Harris campaign". */
  | 'group'
  /** A definite description: "the prime minister", "the British public broadcaster". */
  | 'description'
  /** A pronoun that is the subject of a speech verb: "he said". */
  | 'pronoun';

/** One mention found in the text, before mentions are merged into entities. */
export interface Mention {
  start: number;
  end: number;
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  sentence: number;
  kind: MentionKind;
  type: EntityType;
  /** The rule that found the mention, e.g. `ner/perceptron`, `name/honorific`. */
  rule: string;
  /** Gender implied by an honorific or a pronoun. */
  gender?: Gender;
  /** A canonical name from the alias tables: "United Kingdom" for "U.K.". */
  canonical?: string;
  /** Group mentions: the index of the person mention they are named through, and the group noun ("campaign"). */
  owner?: number;
  groupNoun?: string;
  /** Description mentions: the head noun ("prime minister") and the words before it ("British", "public"). */
  head?: string;
  modifiers?: string[];
  /** Links (href) whose anchor text covers the mention: topic pages are evidence of identity. */
  links?: string[];
}

/** A role or title found for a mention, with the span it came from. */
export interface RoleFinding {
  mention: number;
  role: string;
  start: number;
  end: number;
  rule: string;
  /** A mention inside or beside the role naming what the person belongs to ("Labour" in "head of operations at Labour"). */
  affiliation?: number;
}
