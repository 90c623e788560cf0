/**
 * Cues proposed by rule beside the cue tagger's, for constructions the tagger (trained on PolNeAR, whose
 * annotators leave out some nested attributions) does not mark; the role tagger then finds each one's source
 * and content, and a proposal given no content gives nothing.
 *
 * - `speech-verb`: a finite form (past or present tense by the part-of-speech tagger) of a verb that reports
 *   speech whatever its context (lexicon.ts SPEECH_VERB_LEMMAS), next to its subject (a noun or pronoun just
 *   before it, or a name or pronoun just after: "said Patel"), outside quotation marks (speech reported inside a
 *   quotation is the quoted speaker's, not the article's), not a tag name of markup left in the text
 *   ("<tweet …>") and not followed at once by a verb (a participle: "the refugees admitted are …"):
 *   "…, Patel said, according to the letter".
 * - `reporting-noun`: a noun that reports what someone said or holds (lexicon.ts REPORTING_NOUNS) followed by a
 *   "that" clause, directly or after a "by/from X" phrase: "accusations by Trump's campaign team that …". A
 *   "that" followed by a verb starts a relative clause ("reports that were published"), not a proposal. Its
 *   source is X, or the possessor before the noun ("Tulsa police's earlier claim that …"), else what the role
 *   tagger finds (PolNeAR gives the subject: "Democrats persisted in arguments that …").
 * - `that-clause`: any verb followed by a "that" clause (a "that" not followed by a verb, then a finite verb
 *   before any punctuation), outside quotation marks and with no cue before it in its sentence: verbs that take
 *   such a clause mostly report what someone says, knows or holds, including the long tail no lexicon lists
 *   ("projects that", "calculates that", "proved that"). Not the verbs that take one without reporting anything
 *   (lexicon.ts NON_REPORTING_THAT_VERBS: "is that", "ensure that"); and not after another cue of the sentence
 *   ("Cardin said he thinks that …": PolNeAR leaves such nested beliefs out). The cue runs back over its
 *   auxiliaries, negation and adverbs ("has long maintained", "didn't know"); the content starts at "that".
 */
import { cueForms } from '../../lexicon/cues.js';
import { F_CAP, hashWord } from '../entities/ner/features.js';
import { FINITE_OR_MODAL_TAGS, tagSet, VERB_TAGS } from '../pos/tags.js';
import type { TextLayer } from '../../text/types.js';
import { A_IN_QUOTE, A_SENT_END, A_SENT_START, type AttributionBuffer } from './features.js';
import { BE_FORMS, CLAUSE_BREAK_MARKS, HAVE_DO_FORMS, NEGATIONS, NON_REPORTING_THAT_VERBS, REPORTING_NOUNS, SPEECH_VERB_LEMMAS } from './lexicon.js';
import type { BlockRange, RoleSpan } from './tagger.js';

export interface CueProposal extends RoleSpan {
  origin: 'speech-verb' | 'reporting-noun' | 'that-clause';
  /** What a reporting noun's or a that-clause's construction fixes: the "by/from X" phrase (tokens of X; none for a that-clause) and where the "that" clause starts. */
  frame?: { source: { start: number; end: number } | null; contentStart: number };
}

const SPEECH_VERBS: ReadonlySet<number> = new Set(Array.from(cueForms(SPEECH_VERB_LEMMAS), hashWord));
const NOUNS: ReadonlySet<number> = new Set(REPORTING_NOUNS.map(hashWord));
const FINITE = tagSet(['VBD', 'VBZ', 'VBP']);
/** What a that-clause cue runs back over: auxiliaries, negation, modals and adverbs ("has long maintained", "didn't know"). */
const AUXILIARIES: ReadonlySet<number> = new Set([...BE_FORMS, ...HAVE_DO_FORMS, ...NEGATIONS].map(hashWord));
const AUX_TAGS = tagSet(['MD', 'RB']);
/** Tokens at most that a that-clause cue runs back over. */
const DEFAULT_MAX_AUXILIARIES = 4;
/** Tokens at most between "that" and the finite verb of its clause. */
const DEFAULT_MAX_SUBJECT = 8;
const NOT_THAT_VERBS: ReadonlySet<number> = new Set(NON_REPORTING_THAT_VERBS.map(hashWord));
const CLAUSE_BREAKS: ReadonlySet<number> = new Set(CLAUSE_BREAK_MARKS.map(hashWord));
const SUBJECT_BEFORE = tagSet(['NN', 'NNS', 'NNP', 'PRP']);
const SUBJECT_AFTER = tagSet(['NNP', 'PRP']);
const H_THAT = hashWord('that'), H_BY = hashWord('by'), H_FROM = hashWord('from'), H_COMMA = hashWord(',');
// Markup left in the text ("<tweet id=…>", "</tweet>") names a tag, not a speech act.
const H_LT = hashWord('<'), H_SLASH = hashWord('/');
const inTag = (word: Int32Array, i: number, from: number): boolean => i > from && (word[i - 1] === H_LT || (word[i - 1] === H_SLASH && i - 1 > from && word[i - 2] === H_LT));
/** Tokens at most between a reporting noun and its "that": a "by/from X" phrase. */
const DEFAULT_MAX_BY_PHRASE = 8;

/** Names at most in a possessor ("Donald Trump's"). */
const DEFAULT_MAX_POSSESSOR = 4;
const H_POSSESSIVE = hashWord("'s");
const NAME_TAGS = tagSet(['NNP', 'NN', 'NNS']);
const MODIFIER_TAGS = tagSet(['JJ', 'RB', 'VBN']);
/** Adjectives at most between a possessor and its noun ("police's earlier claim"). */
const DEFAULT_MAX_MODIFIERS = 2;

/** A proposer over one buffer (after readAttributionArticle and markBlock): cue proposals of a range not overlapping `taken`. */
export function createCueProposer(buf: AttributionBuffer): (text: string, layer: TextLayer, range: BlockRange, taken: readonly RoleSpan[]) => CueProposal[] {
  return (_text, _layer, range, takenSpans) => {
    const out: CueProposal[] = [];
    const word = buf.words.word, pos = buf.pos, attr = buf.attr;
    // The tagger's cue tokens of the range, marked once (the checks below ask per token).
    const taken = new Uint8Array(range.to - range.from);
    for (const t of takenSpans) taken.fill(1, Math.max(0, t.start - range.from), Math.max(0, Math.min(range.to, t.end) - range.from));
    const free = (i: number): boolean => !taken[i - range.from];
    /** The possessor ending in "'s" before token i, past adjectives ("Trump's claim", "police's earlier claim"), or null. */
    const possessor = (i: number, from: number): { start: number; end: number } | null => {
      let s = i - 1;
      while (s > from && i - s <= DEFAULT_MAX_MODIFIERS && MODIFIER_TAGS.has(pos[s]!)) s--;
      if (s - 1 < from || word[s] !== H_POSSESSIVE || !NAME_TAGS.has(pos[s - 1]!)) return null;
      let start = s - 1;
      while (start - 1 >= from && s - start < DEFAULT_MAX_POSSESSOR && NAME_TAGS.has(pos[start - 1]!) && buf.words.flags[start - 1]! & F_CAP) start--;
      return { start, end: s + 1 };
    };
    // `speech-verb/participle`: a past form followed at once by a finite verb or modal modifies the noun before it
    // ("the refugees admitted are women"): the tagger reads it as past tense, but nobody is speaking.
    const participle = (i: number, to: number): boolean => i + 1 < to && FINITE_OR_MODAL_TAGS.has(pos[i + 1]!);
    /** A clause starts at token j: a finite verb or modal within a few tokens, before any punctuation ("that he had raised …"; not "that message to the convention"). */
    const clauseAt = (j: number, to: number): boolean => {
      for (let k = j; k < to && k < j + DEFAULT_MAX_SUBJECT; k++) {
        if (FINITE_OR_MODAL_TAGS.has(pos[k]!)) return true;
        if (CLAUSE_BREAKS.has(word[k]!) || attr[k]! & A_SENT_END) return false;
      }
      return false;
    };
    /** A cue before token i in its sentence: what i's subject holds is then part of what that cue reports ("Cardin said he thinks that …"). */
    const cueBefore = (i: number, from: number): boolean => {
      for (let k = i - 1; k >= from; k--) {
        if (taken[k - from]) return true;
        if (attr[k]! & A_SENT_START) return false;
      }
      return false;
    };
    for (let i = range.from; i < range.to; i++) {
      const w = word[i]!;
      if (SPEECH_VERBS.has(w) && FINITE.has(pos[i]!) && !(attr[i]! & A_IN_QUOTE) && free(i) && !inTag(word, i, range.from) && !participle(i, range.to)
        && ((i > range.from && SUBJECT_BEFORE.has(pos[i - 1]!)) || (i + 1 < range.to && SUBJECT_AFTER.has(pos[i + 1]!)))) {
        out.push({ start: i, end: i + 1, role: 1, origin: 'speech-verb' });
        continue;
      }
      if (VERB_TAGS.has(pos[i]!) && !NOT_THAT_VERBS.has(w) && i + 2 < range.to && word[i + 1] === H_THAT && !VERB_TAGS.has(pos[i + 2]!) && !(attr[i]! & A_IN_QUOTE)
        && free(i) && clauseAt(i + 2, range.to) && !cueBefore(i, range.from)) {
        let start = i;
        while (start > range.from && i - start < DEFAULT_MAX_AUXILIARIES && free(start - 1) && !(attr[start]! & A_SENT_START) && (AUXILIARIES.has(word[start - 1]!) || AUX_TAGS.has(pos[start - 1]!))) start--;
        out.push({ start, end: i + 1, role: 1, origin: 'that-clause', frame: { source: null, contentStart: i + 1 } });
        continue;
      }
      if (!NOUNS.has(w) || !free(i)) continue;
      let j = i + 1;
      const by = j < range.to && (word[j] === H_BY || word[j] === H_FROM);
      if (by) {
        const stop = Math.min(range.to, j + DEFAULT_MAX_BY_PHRASE + 1);
        // The by-phrase is a noun phrase: a comma or a verb ends it before any "that" ("reports by X, suggesting that …").
        while (j < stop && word[j] !== H_THAT && !(attr[j]! & A_SENT_END) && word[j] !== H_COMMA && !VERB_TAGS.has(pos[j]!)) j++;
      }
      if (j + 1 < range.to && word[j] === H_THAT && !VERB_TAGS.has(pos[j + 1]!) && (!by || j > i + 2)) {
        out.push({ start: i, end: i + 1, role: 1, origin: 'reporting-noun', frame: { source: by ? { start: i + 2, end: j } : possessor(i, range.from), contentStart: j } });
      }
    }
    return out;
  };
}
