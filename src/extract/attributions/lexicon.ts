/**
 * Lexicons of the attribution rules (group.ts), English. One copy each.
 */

/** Words that open a line as "Label:" without naming a speaker ("Note: …", "UPDATE: …"), lower-case. */
export const NON_SPEAKER_LABELS = [
  'note', 'update', 'updated', 'updates', 'related', 'photo', 'photos', 'video', 'watch', 'read', 'listen', 'source', 'sources',
  'editor', "editor's note", 'editor’s note', 'correction', 'clarification', 'disclosure', 'background', 'context', 'timeline',
  'warning', 'breaking', 'exclusive', 'analysis', 'opinion', 'comment', 'live', 'more', 'also', 'see', 'subscribe', 'sign up',
] as const;

/** Dashes that credit a quotation to its speaker ("“…” ― Name"). */
export const CREDIT_DASHES = ['\u2015', '\u2014', '\u2013'] as const;

/**
 * Verbs that report speech whatever their context ("said", "told", "wrote"): a finite form of one is proposed
 * as a cue even where the cue tagger (trained on PolNeAR, which leaves out some nested attributions, as in
 * "…, Patel said, according to the letter") did not mark it. Belief and perception verbs are not here.
 */
export const SPEECH_VERB_LEMMAS = [
  'say', 'tell', 'write', 'add', 'note', 'insist', 'argue', 'state', 'claim', 'explain', 'tweet', 'reply', 'respond',
  'warn', 'allege', 'contend', 'acknowledge', 'admit', 'deny', 'announce', 'declare', 'confirm', 'complain', 'testify',
  'concede', 'counter', 'stress', 'assert',
] as const;

/** Nouns that report what someone said or holds, when a "that" clause follows ("accusations by X that …"). */
export const REPORTING_NOUNS = [
  'accusation', 'accusations', 'allegation', 'allegations', 'claim', 'claims', 'charge', 'charges', 'assertion', 'assertions',
  'suggestion', 'suggestions', 'warning', 'warnings', 'denial', 'denials', 'statement', 'statements', 'report', 'reports',
  'promise', 'promises', 'pledge', 'pledges', 'argument', 'arguments', 'admission', 'insistence', 'complaint', 'complaints',
  'assurance', 'assurances', 'announcement', 'prediction', 'predictions', 'belief',
] as const;

/**
 * Forms of "be" that make a following past participle passive ("is expected", "was seen", "has been criticized"),
 * lower-case, as the tokenizer splits them ("'s").
 */
export const BE_FORMS = ['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", '’s', "'re", '’re', 'am', "'m", '’m'] as const;

/** Raising verbs: their subject is part of what is reported, not its source ("Mr. Clinton does not seem to …"). */
export const RAISING_VERB_LEMMAS = ['seem', 'appear'] as const;
