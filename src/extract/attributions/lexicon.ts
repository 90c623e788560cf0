/**
 * Lexicons of the attribution rules (group.ts), English. One copy each.
 */

/** Words that open a line as "Label:" without naming a speaker ("Note: …", "UPDATE: …"), lower-case. */
export const NON_SPEAKER_LABELS = [
  'note', 'update', 'updated', 'updates', 'related', 'photo', 'photos', 'video', 'watch', 'read', 'listen', 'source', 'sources',
  'editor', "editor's note", 'editor’s note', 'correction', 'clarification', 'disclosure', 'background', 'context', 'timeline',
  'warning', 'breaking', 'exclusive', 'analysis', 'opinion', 'comment', 'live', 'more', 'also', 'see', 'subscribe', 'sign up',
  'byline', 'look', 'dateline', 'credit', 'caption', 'share',
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

/** Forms of "have" and "do" as auxiliaries ("has long maintained", "didn't know"), lower-case, as the tokenizer splits them. */
export const HAVE_DO_FORMS = ['have', 'has', 'had', "'ve", '’ve', 'do', 'does', 'did'] as const;

/** Negations as the tokenizer splits them ("did n't"). */
export const NEGATIONS = ['not', "n't", 'n’t', 'never'] as const;

/**
 * Verbs that take a "that" clause without reporting anyone's words or beliefs ("is that …", "ensure that …",
 * "given that …", "means that …"; PolNeAR train: "ensure that" 0 of 20 a cue, "is that" 9 of 163), lower-case.
 * Every other verb followed by a "that" clause is proposed as a cue (cue-proposals.ts `that-clause`).
 */
export const NON_REPORTING_THAT_VERBS = [
  ...BE_FORMS, ...HAVE_DO_FORMS, 'done', 'doing', 'make', 'makes', 'made', 'ensure', 'ensures', 'ensured', 'given', 'mean', 'means', 'meant',
] as const;

/** Marks that end a clause before its verb is reached (a "that" followed by these is no clause of its own). */
export const CLAUSE_BREAK_MARKS = [',', ';', ':', '--', '—', '–', '(', ')', '?', '!', '"', '“', '”'] as const;

/** Raising verbs: their subject is part of what is reported, not its source ("Mr. Clinton does not seem to …"). */
export const RAISING_VERB_LEMMAS = ['seem', 'appear'] as const;

/**
 * Verbs whose first object is the person addressed, not what was said ("told reporters that …", "reminded
 * voters of …"): PolNeAR leaves that recipient out of the content (train: "told" 176 times out, 4 in).
 */
export const RECIPIENT_VERB_LEMMAS = ['tell', 'remind', 'inform', 'assure', 'notify', 'warn'] as const;

/**
 * Verbs whose passive subject is the person addressed ("Ms. Kelly was asked whether …", "Voters were told that …"), not
 * part of what was asked or told.
 */
export const ADDRESSEE_VERB_LEMMAS = ['ask', 'tell', 'press', 'question', 'urge', 'remind', 'inform', 'warn', 'assure', 'notify'] as const;

/** Words that open what is told after its recipient ("told them that …", "reminded voters of …"), lower-case. */
export const TOLD_CONTENT_OPENERS = ['that', 'how', 'what', 'why', 'whether', 'if', 'when', 'where', 'who', 'to', 'about', 'of'] as const;

/**
 * Words that open an indirect question after its addressee ("asked Ms. Kelly whether …", "pressed her if …"),
 * lower-case: with any cue, a person-like noun phrase before one is who was asked (not "to": PolNeAR keeps the
 * recipient before an infinitive more often than not).
 */
export const QUESTION_OPENERS = ['if', 'whether'] as const;

/** Subject pronouns: after a recipient, one opens the clause that was told ("telling his aides he planned …"). */
export const SUBJECT_PRONOUNS = ['he', 'she', 'they', 'i', 'we', 'it'] as const;

/**
 * Words that open a subordinate clause before a sentence's main clause ("After the AP reported that X, the
 * moderators …"), lower-case. Not "as": "As Trump said, …" gives its content in the main clause.
 */
export const OPENING_SUBORDINATORS = ['after', 'before', 'when', 'while', 'although', 'though', 'because', 'since', 'if', 'unless', 'until', 'once', 'whereas', 'whether'] as const;

/**
 * Prepositions a cue verb selects ("spoke about", "accused of", "known as", "called for"), lower-case: PolNeAR draws
 * them inside the cue, so what follows starts the content. Not "to" (an infinitive content: "refused to answer") nor
 * "by" (a passive's agent, the source).
 */
export const CUE_PREPOSITIONS = ['of', 'about', 'for', 'as', 'on', 'with', 'at', 'over', 'in', 'against', 'upon', 'into', 'onto', 'toward', 'towards', 'from', 'like'] as const;
