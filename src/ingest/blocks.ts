/**
 * Block classification shared by the plain-text and HTML readers: is one block's text a
 * paragraph, a heading, a caption, a photo credit or boilerplate? General, named heuristics in
 * the manner of Readability's REGEXPS; every result says which rule produced it.
 * Lexicons live in ./lexicon.ts; thresholds are DEFAULT_* constants, overridable by options.
 */
import type { BlockKind } from '../model/schema.js';
import { BOILERPLATE_OPENERS, CLAUSE_WORDS, CREDIT_LABELS, DATELINE_WORDS, FURNITURE_BLOCKS, PHOTO_AGENCIES, SOCIAL_NETWORKS } from './lexicon.js';

export interface BlockClass {
  kind: BlockKind;
  /** e.g. `block/credit-pipe`. */
  rule: string;
}

export interface BlockClassifierOptions {
  headingMaxWords?: number;
  headingMaxLength?: number;
  creditMaxLength?: number;
  boilerplateMaxLength?: number;
  captionMaxLength?: number;
}

/** Section headings in news bodies are a few words ("Complaint", "What happens next"); more is a sentence missing its stop. */
export const DEFAULT_HEADING_MAX_WORDS = 10;
/** Same bound in characters, for long-word headings. */
export const DEFAULT_HEADING_MAX_LENGTH = 90;
/** Credit lines are a name and an agency; anything longer is prose that mentions an agency. */
export const DEFAULT_CREDIT_MAX_LENGTH = 100;
/** Calls to action are one short line; a long block that opens with "Sign up" is a paragraph. */
export const DEFAULT_BOILERPLATE_MAX_LENGTH = 160;
/** Captions are one or two sentences. */
export const DEFAULT_CAPTION_MAX_LENGTH = 300;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Alternation of a lexicon, longest entry first so that "Getty Images" wins over "Getty". */
const alternation = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';

// An agency name anywhere, case-sensitive (so "pa" or "pool" in prose do not count): "Reuters", "AFP via Getty Images".
const AGENCY_RE = new RegExp(`${NOT_WORD_BEFORE}(?:${alternation(PHOTO_AGENCIES)})${NOT_WORD_AFTER}`, 'u');
// An agency name closing the block: "AFP via Getty Images", "Evan Vucci/AP" (not "Trump and the AP press pool").
const AGENCY_AT_END_RE = new RegExp(`${NOT_WORD_BEFORE}(?:${alternation(PHOTO_AGENCIES)})$`, 'u');

// A block with no letter or digit is a separator: "* * *", "—".
const SEPARATOR_RE = /^[^\p{L}\p{N}]*$/u;

// A labelled credit: "Photo: AFP", "Image credit: NASA/JPL", "Photograph by Jane Doe", "Credit: Getty Images".
const CREDIT_LABEL_RE = new RegExp(
  `^(?:${alternation(CREDIT_LABELS)})(?:\\s+(?:credits?|courtesy))?\\s*(?::|\\||—|–|\\s-\\s|\\sby\\s|\\scourtesy of\\s)\\s*\\S`,
  'iu',
);

// The whole block in parentheses: "(Getty Images)", "(AP Photo/Evan Vucci)", "(Photo: Reuters)".
const PARENTHESISED_RE = /^\(([^()]{1,98})\)$/u;

// One word of a proper name as it appears in credits: "Brian", "O'Neill", "McSweeney", "AFP", "J.";
// it opens with a capital letter, so "9/11" in a headline is not "Name/Agency".
const NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}\\p{N}.'’&-]*";
// Lower-case particles allowed inside names and credits: "Jim Watson/AFP via Getty Images", "Ludwig van Beethoven".
const NAME_PARTICLE = '(?:via|for|de|da|del|della|di|du|van|von|der|den|le|la|al|bin|ibn|and|of|&)';
const NAME_SEQUENCE = `${NAME_WORD}(?:\\s+(?:${NAME_PARTICLE}\\s+)?${NAME_WORD}){0,5}`;

// The "Name | Agency" shape of photo credits: "Brian Snyder | Reuters", "Evan Vucci/AP", "Getty Images / iStockphoto".
const CREDIT_PIPE_RE = new RegExp(`^(${NAME_SEQUENCE})\\s*[|/]\\s*(${NAME_SEQUENCE})$`, 'u');

// A bare agency line: "Getty Images", "AFP via Getty Images", "Reuters", "AP Photo".
const CREDIT_AGENCY_ONLY_RE = new RegExp(`^${NAME_SEQUENCE}(?:\\s*[,|/]\\s*${NAME_SEQUENCE}){0,3}$`, 'u');

// A byline inside the body: "By Jane Doe", "By Jane Doe and John Roe, Reuters".
const BYLINE_RE = new RegExp(
  `^By\\s+(${NAME_SEQUENCE})(?:\\s*(?:,|and|&)\\s*(${NAME_SEQUENCE}))*(?:\\s*[,|/–—-]\\s*(${NAME_SEQUENCE}))?$`,
  'u',
);

// A call to action or site furniture opening a short block: "Read more: …", "Sign up for our newsletter", "Share this article".
const BOILERPLATE_OPENER_RE = new RegExp(
  `^(?:${alternation(BOILERPLATE_OPENERS)})(?:(?<=:)|${NOT_WORD_AFTER})`,
  'iu',
);

// "Follow Jane Doe on Twitter", "Follow @parallax on X", "Follow us on Instagram".
const FOLLOW_ON_RE = new RegExp(
  `^follow\\s+\\S+(?:\\s+\\S+){0,3}\\s+on\\s+(?:${alternation(SOCIAL_NETWORKS)})${NOT_WORD_AFTER}`,
  'iu',
);

// A copyright line: "© 2024 Reuters", "(c) Example Media".
const COPYRIGHT_RE = /^(?:©|\(c\)\s)/iu;

// A copyright sign before a name or agency is a photo credit: "© Aaron Schwartz", "© Reuters".
const COPYRIGHT_NAME_RE = new RegExp(`^(?:©|\\(c\\))\\s*${NAME_SEQUENCE}(?:\\s*[,|/]\\s*${NAME_SEQUENCE}){0,3}$`, 'u');

// A caption closed by a labelled credit in parentheses, with or without a stop before it: "Protesters do not want
// Hong Kong to lose its autonomy (Image: Getty)".
const CAPTION_LABELLED_CREDIT_RE = new RegExp(`\\S\\s+\\((?:${alternation(CREDIT_LABELS)})(?:\\s+credits?)?\\s*:\\s*[^()]{1,60}\\)$`, 'iu');

// A sentence followed by a credit in parentheses or after a label: "Keir Starmer speaks in Samoa on Wednesday. (Reuters)".
const CAPTION_TRAILING_CREDIT_RE = new RegExp(
  `[.!?…]["”’]?\\s+(?:\\(([^()]{1,80})\\)|(?:${alternation(CREDIT_LABELS)})(?:\\s+credits?)?\\s*:\\s*[^.!?]{1,80})$`,
  'iu',
);

// A dateline on its own line — a place, then the date: "LONDON 1996-08-30", "WASHINGTON, Oct. 23",
// "AL-AIN , United Arab Emirates 1996-12-06". Prose that names a place, not a section heading.
const DATELINE_RE = /^\p{Lu}[\p{L}\p{M}.'’ ,-]{1,80}?[\s,]+(?:\d{4}-\d{2}-\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?)$/u;

// Characters that end a sentence or a quotation: a line ending in one is not a heading ("No," he said.).
const TERMINAL_PUNCTUATION_RE = /[.!?…,;:"”’'»)\]]$/u;
// A heading opens with a capital letter or digit, not with a quotation mark or a dash.
const HEADING_START_RE = /^[\p{Lu}\p{N}]/u;
// A clause word (auxiliary, reporting verb, subject pronoun) makes a short line a sentence: "He declined to comment".
const CLAUSE_WORD_RE = new RegExp(`${NOT_WORD_BEFORE}(?:${alternation(CLAUSE_WORDS)})${NOT_WORD_AFTER}`, 'iu');

// Site furniture as a whole block: "Skip to content", "Advertisement", "Comments", "Home".
const FURNITURE: ReadonlySet<string> = new Set(FURNITURE_BLOCKS);
const furnitureKey = (t: string): string => t.toLowerCase().replace(/\s*(?:[:.…]|\.\.\.)+$/u, '');
// Credits for the reporting at an article's end: "(Reporting by Jane Doe; Editing by John Roe)".
const REPORTING_CREDIT_RE = /^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|research|graphics)\s+by\s/iu;
const DATE_WORDS: ReadonlySet<string> = new Set(DATELINE_WORDS);
const CALENDAR_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/u;

/**
 * `block/date-only`: a line of dates, times and the words around them ("Updated Nov 19, 6:55 AM; Posted Nov 18",
 * "November 18, 2019 | 4:10pm", "Published 1 day ago"): page furniture, not a sentence of the article.
 */
function isDateOnly(t: string): boolean {
  const tokens = t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 16) return false;
  // Numbers alone are a table's cells; a month, a weekday, a clock time or "ago" makes them a date.
  let anchored = /\d:\d\d/u.test(t);
  for (const w of tokens) {
    if (/^\d+(?:st|nd|rd|th|am|pm)?$/u.test(w)) continue;
    if (!DATE_WORDS.has(w)) return false;
    if ((CALENDAR_WORD.test(w) && w.length >= 3) || w === 'ago') anchored = true;
  }
  return anchored;
}

/** Non-space characters of `text`, counting no further than `limit`. */
function countNonSpace(text: string, limit: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n < limit; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 160) n++;
  }
  return n;
}

const words = (t: string): string[] => t.split(' ').filter((w) => w.length > 0);

/** Does the inside of a parenthesis name a credit: "Getty Images", "AP Photo/Evan Vucci", "Photo: Reuters"? */
function isCreditInner(inner: string): boolean {
  const t = inner.trim();
  return AGENCY_RE.test(t) || CREDIT_LABEL_RE.test(t);
}

/** Build a classifier; lexicon regexes are compiled once at module load, thresholds come from options. */
export function createBlockClassifier(options: BlockClassifierOptions = {}): (text: string) => BlockClass {
  const headingMaxWords = options.headingMaxWords ?? DEFAULT_HEADING_MAX_WORDS;
  const headingMaxLength = options.headingMaxLength ?? DEFAULT_HEADING_MAX_LENGTH;
  const creditMaxLength = options.creditMaxLength ?? DEFAULT_CREDIT_MAX_LENGTH;
  const boilerplateMaxLength = options.boilerplateMaxLength ?? DEFAULT_BOILERPLATE_MAX_LENGTH;
  const captionMaxLength = options.captionMaxLength ?? DEFAULT_CAPTION_MAX_LENGTH;

  // Order matters: separators and credits are the most specific shapes, then boilerplate,
  // then captions (a sentence plus a credit), then headings; everything else is a paragraph.
  // Every shape but a paragraph is short; a block whose letters alone exceed every bound needs no regex at all.
  const longestShape = Math.max(headingMaxLength, creditMaxLength, boilerplateMaxLength, captionMaxLength);
  return function classify(text: string): BlockClass {
    if (text.length > longestShape && countNonSpace(text, longestShape + 1) > longestShape) return { kind: 'paragraph', rule: 'block/paragraph' };
    const t = text.replace(/\s+/gu, ' ').trim();
    if (SEPARATOR_RE.test(t)) return { kind: 'boilerplate', rule: 'block/separator' };

    if (t.length <= creditMaxLength) {
      if (CREDIT_LABEL_RE.test(t)) return { kind: 'credit', rule: 'block/credit-label' };
      const paren = PARENTHESISED_RE.exec(t);
      if (paren && isCreditInner(paren[1] ?? '')) return { kind: 'credit', rule: 'block/credit-parenthesised' };
      const pipe = CREDIT_PIPE_RE.exec(t);
      if (pipe) {
        const left = pipe[1] ?? '';
        const right = pipe[2] ?? '';
        // A person's name (two or more words) or an agency on either side: not "Politics | Opinion".
        if (words(left).length >= 2 || AGENCY_RE.test(right) || AGENCY_RE.test(left)) {
          return { kind: 'credit', rule: 'block/credit-pipe' };
        }
      }
      const byline = BYLINE_RE.exec(t);
      if (byline && (words(byline[1] ?? '').length >= 2 || AGENCY_RE.test(t))) {
        return { kind: 'credit', rule: 'block/credit-byline' };
      }
      if (CREDIT_AGENCY_ONLY_RE.test(t) && AGENCY_AT_END_RE.test(t)) return { kind: 'credit', rule: 'block/credit-agency' };
      const copyrightName = COPYRIGHT_NAME_RE.exec(t);
      if (copyrightName) return { kind: 'credit', rule: 'block/credit-copyright' };
    }

    if (t.length <= boilerplateMaxLength) {
      if (BOILERPLATE_OPENER_RE.test(t)) return { kind: 'boilerplate', rule: 'block/boilerplate-phrase' };
      if (FOLLOW_ON_RE.test(t)) return { kind: 'boilerplate', rule: 'block/boilerplate-follow' };
      if (COPYRIGHT_RE.test(t)) return { kind: 'boilerplate', rule: 'block/boilerplate-copyright' };
      if (FURNITURE.has(furnitureKey(t))) return { kind: 'boilerplate', rule: 'block/furniture' };
      if (isDateOnly(t)) return { kind: 'boilerplate', rule: 'block/date-only' };
    }
    if (t.length <= captionMaxLength && REPORTING_CREDIT_RE.test(t)) return { kind: 'credit', rule: 'block/credit-reporting' };

    if (t.length <= captionMaxLength) {
      const caption = CAPTION_TRAILING_CREDIT_RE.exec(t);
      if (caption && (caption[1] === undefined || isCreditInner(caption[1]))) {
        return { kind: 'caption', rule: 'block/caption-trailing-credit' };
      }
      if (CAPTION_LABELLED_CREDIT_RE.test(t)) return { kind: 'caption', rule: 'block/caption-labelled-credit' };
    }

    if (t.length <= headingMaxLength && DATELINE_RE.test(t)) return { kind: 'paragraph', rule: 'block/dateline' };

    if (
      t.length <= headingMaxLength &&
      words(t).length <= headingMaxWords &&
      HEADING_START_RE.test(t) &&
      !TERMINAL_PUNCTUATION_RE.test(t) &&
      !CLAUSE_WORD_RE.test(t)
    ) {
      return { kind: 'heading', rule: 'block/heading-short-line' };
    }

    return { kind: 'paragraph', rule: 'block/paragraph' };
  };
}

const defaultClassifier = createBlockClassifier();

/** Classify one block's text with the default thresholds. */
export function classifyBlock(text: string): BlockClass {
  return defaultClassifier(text);
}
