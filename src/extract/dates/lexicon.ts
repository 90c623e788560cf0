/**
 * Lexicons of the date extractor (English). One copy each; regexes are built from them in index.ts.
 */

/** Words that make a clause look forward ("will meet on Friday", "ahead of the election on Nov. 5"). */
export const FORWARD_CUES = [
  'will', "'ll", '’ll', 'shall', 'going to', 'plans to', 'plan to', 'planned for', 'set to', 'scheduled', 'expected to',
  'upcoming', 'ahead of', 'coming', 'next', 'due to', 'is due', 'are due', 'in the run-up to', 'before the',
] as const;
// Not "until": "kept going until 2 a.m. Friday" is past.

/** Irregular past-tense verbs common in news (regular ones end in -ed): "met on Nov. 28" is not next month's. */
export const IRREGULAR_PAST = [
  'was', 'were', 'had', 'did', 'said', 'told', 'met', 'went', 'came', 'took', 'made', 'gave', 'won', 'lost', 'began',
  'left', 'spoke', 'wrote', 'ran', 'saw', 'held', 'sought', 'led', 'fell', 'rose', 'thought', 'brought', 'bought',
  'paid', 'sent', 'spent', 'kept', 'found', 'became', 'chose', 'drew', 'flew', 'grew', 'knew', 'struck', 'stood',
  'threw', 'broke', 'caught', 'fought', 'taught', 'felt', 'heard', 'meant', 'got', 'sat', 'hit', 'quit',
] as const;

/** Words that make a chrono result relative to the publication date, resolved as chrono computes it. */
export const RELATIVE_WORDS = [
  'ago', 'last', 'next', 'this', 'past', 'coming', 'yesterday', 'today', 'tomorrow', 'tonight', 'earlier', 'later',
  'previous', 'following', 'recent', 'now',
] as const;

/** Prepositions taken into a date's span: they do not change its meaning ("on Monday", "in July"). */
export const SPAN_PREPOSITIONS = ['on', 'in'] as const;

/** "a few", "several" … as a count, for ranges like "over the next few weeks". */
export const VAGUE_COUNTS: Readonly<Record<string, number>> = { few: 3, 'a few': 3, several: 3, couple: 2, 'a couple of': 2 };

/** Number words for ranges ("the next two weeks"). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/**
 * Dates that name a well-known event rather than a day of the publication year: "the 9/11 attacks" is 2001's in
 * a 2016 article. Each: the words (a regex source, case-insensitive) and the day.
 */
export const NAMED_DATES: ReadonlyArray<{ words: string; value: string }> = [
  { words: '9/11', value: '2001-09-11' },
  { words: '(?:Sept\\.?|September)\\s+11(?:th)?(?=\\s+(?:attacks?|terror\\w*|conspirac\\w*|hijack\\w*|commission|victims|families|era|truthers?))', value: '2001-09-11' },
];

/** Words before a month that make it a part of the month, not a day: "at the end of June", "in early May". */
export const MONTH_PARTS = ['end of', 'beginning of', 'start of', 'middle of', 'early', 'late', 'mid', 'mid-'] as const;
