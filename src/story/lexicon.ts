/**
 * Lexicons of the story sections (English). One copy each.
 */

/** Cue words of an accusation ("accused Labour of …", "accusations by … that …"); matched on their stems. */
export const ACCUSATION_CUES = ['accuse', 'accused', 'accuses', 'accusing', 'accusation', 'accusations', 'allege', 'alleged', 'alleges', 'alleging', 'allegation', 'allegations', 'charge', 'charged', 'charges', 'blame', 'blamed', 'blames'] as const;

/** Cue words of a denial or rejection. */
export const DENIAL_CUES = ['deny', 'denied', 'denies', 'denying', 'reject', 'rejected', 'rejects', 'rejecting', 'dismiss', 'dismissed', 'dismisses', 'refute', 'refuted', 'rebut', 'rebutted', 'dispute', 'disputed', 'disputes', 'repudiate', 'repudiated'] as const;

/** Words that make a sentence an answer to the accusation: "Asked about the accusation …", "in response to the claims". */
export const RESPONSE_MARKERS = ['asked about', 'asked whether', 'asked if', 'in response to', 'responding to', 'responded to', 'the accusation', 'the accusations', 'the allegation', 'the allegations', 'the claims', 'the complaint'] as const;

/** Words that negate, making a response a denial. */
export const NEGATIONS = ['not', "n't", 'no', 'never', 'nothing', 'none', 'nor', 'neither'] as const;

/** Verbs of citing evidence, with the preposition they take: "cited media reports", "objected to a post". */
export const EVIDENCE_VERBS = ['cited', 'cites', 'citing', 'pointed to', 'points to', 'pointing to', 'referenced', 'referred to', 'objected to', 'objects to', 'relied on', 'based on', 'highlighted'] as const;

/**
 * Cues that only report speech ("said", "told", "according to"): two outlets' statements with such a cue and some
 * words in common are as often two different statements as one, so they make no conflict without a shared quotation.
 */
export const NEUTRAL_CUES = ['say', 'said', 'says', 'saying', 'tell', 'told', 'tells', 'add', 'added', 'adds', 'adding', 'note', 'noted', 'notes', 'according', 'to', 'state', 'stated', 'states', 'write', 'wrote', 'writes', 'report', 'reported', 'reports', 'quote', 'quoted', 'explain', 'explained', 'continue', 'continued', 'in', 'a', 'statement', 'interview', 'ask', 'asked'] as const;
