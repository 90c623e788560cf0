/**
 * `createDateExtractor()`: every date expression of an article, with its span, its value resolved against the
 * publication date by news conventions, its grain, the rule that resolved it, and the sentence it anchors (the
 * event it dates). chrono-node (a well-kept date parser) proposes expressions; news rules decide the value:
 *
 * - `date/absolute`: a full date ("5 November 2024", "Nov. 8, 2016"), a month and year ("March 2016").
 * - `date/month-day`: a month and day with no year ("Nov. 5"): the occurrence nearest publication, held back by
 *   the clause's tense (calendar.ts resolveMonthDay).
 * - `date/month`: a bare month ("in August"): the most recent up to publication, the next if the clause looks
 *   forward ("will … in May").
 * - `date/weekday`: a bare weekday ("on Monday"): the most recent on or before publication, the next if the
 *   clause looks forward.
 * - `date/relative`: "yesterday", "last month", "three days ago", "this week", "earlier this year", "last
 *   Thursday": as chrono counts from publication, at the grain the words name.
 * - `date/range`: "over the next few weeks", "Oct. 21-23": an ISO 8601 interval (start/end).
 * - `date/previous-day`: "the previous day", "the day before", "the next day": from the date right after it
 *   ("the day after Monday's debate"), else the latest day the article dated before it, else publication.
 * - `date/relative-to-previous`: "two years later", "a few months earlier": counted from the latest date the
 *   article gave before it (not from publication); none → value null with the reason.
 * - `date/year`, `date/decade`: "in 2016", "the 2016 race", "in the 1990s".
 * - `date/named`: a date that names a well-known event ("the 9/11 attacks": 2001-09-11; lexicon.ts NAMED_DATES).
 * - A part of a month ("at the end of June", "in early May") is that month, at month grain; "midnight" gives a
 *   day, not a time (it is said of the day's end as often as of its start).
 *
 * With no publication date, what needs one keeps its span with value null and a reason.
 *
 * Near misses chrono proposes and the rules drop: a month name with no date word before it ("the March on
 * Washington"), weekday abbreviations ("sat down", "the Sun"), a bare hour ("at 3"), seasons.
 */
import * as chrono from 'chrono-node';
import type { Article, DateGrain } from '../../model/schema.js';
import type { TextLayer } from '../../text/types.js';
import { addDays, addUnits, daysBetween, firstDay, formatAt, parseDay, weekdayOf, resolveMonth, resolveMonthDay, resolveWeekday, type Day } from './calendar.js';
import { FORWARD_CUES, IRREGULAR_PAST, MONTH_PARTS, NAMED_DATES, NUMBER_WORDS, RELATIVE_WORDS, SPAN_PREPOSITIONS, VAGUE_COUNTS } from './lexicon.js';

export type DateRule =
  | 'date/absolute' | 'date/month-day' | 'date/month' | 'date/weekday' | 'date/relative' | 'date/range'
  | 'date/previous-day' | 'date/relative-to-previous' | 'date/year' | 'date/decade' | 'date/named';

export interface DateFinding {
  /** The expression: offsets into article.text. */
  start: number;
  end: number;
  /** ISO 8601: 2024-10-21, 2024-W43, 2024-10, 2024, 202 (the 2020s), 2024-10-21T10:00, or an interval a/b; null when it cannot be resolved. */
  value: string | null;
  grain: DateGrain | null;
  rule: DateRule;
  /** Why the value is null. */
  reason?: string;
  /** The sentence the date anchors: what happened then. */
  event: { start: number; end: number };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (list: readonly string[]): string => [...list].sort((a, b) => b.length - a.length).map(escape).join('|');

// A sentence worth giving to chrono: a month name, a weekday, a relative day or a unit with a word that places
// it, a slash date or a clock time. e.g. "on Monday", "Nov.5", "last month", "three days ago", "9/11", "10 a.m."
// ("decision", "market" are no months; "May" is matched apart, capitalised only: "may" is mostly the verb).
const MAY = /\bMay\b/g;
// A bare weekday, the commonest date in news, is read by the weekday rule without chrono: "on Monday", "Monday night",
// "Monday's debate". With "last", "next", "this" … before it, or "of" after it, chrono reads the sentence.
const WEEKDAY = /(?:\b([Oo]n)\s+)?\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b(?:\s+(?:morning|afternoon|evening|night)\b)?/g;
const WEEKDAY_NEEDS_CHRONO = /\b(?:last|next|this|past|coming|every|each|until|by|from|through)\s+$/i;
const WEEKDAY_INDEX: Readonly<Record<string, number>> = { sun: 0, mon: 1, tues: 2, wednes: 3, thurs: 4, fri: 5, satur: 6 };
const CHRONO_TRIGGER = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\b(?:yesterday|today|tomorrow|tonight|noon|midnight)\b|\b(?:last|next|this|past|coming|previous|following|recent|earlier|later)\s+(?:week|weekend|month|year|decade|night|morning|afternoon|evening|days|weeks|months|years)\b|\b\d{1,2}\/\d{1,2}\b|\b\d{1,2}(?::\d\d)?\s*[ap]\.?m\b/gi;
// A sentence for the news rules alone: a year or decade, a range, a neighbouring day.
const RULE_TRIGGER = /\b(?:1[89]|20)\d\d|\b(?:day|week|month|year|decade)s?\s+(?:ago|later|earlier|after|before)\b|\b(?:next|coming|past|last)\s+\S+\s+(?:day|week|month|year)s\b|\bday\s+(?:before|after)\b|\b(?:previous|following|next)\s+day\b/gi;
// "in 2016", "since 2016", "the 2016 race": a year after a date word. Not "2,016" or "2016 votes" (no such word before it).
const YEAR = /\b(in|since|until|by|from|during|through|before|after|of|the|early|late|mid|end of|start of|spring|summer|fall|autumn|winter)\s+(1[89]\d\d|20\d\d)(?![\d,.]\d|\s*(?:%|percent\b))\b/gi;
// "in the 1990s", "the 2020s".
const DECADE = /\b(?:in\s+)?the\s+(1[89]\d0|20\d0)s\b/gi;
// "over the next few weeks", "in the past two months".
const RANGE = new RegExp(`\\b(?:over|in|during|within|for)\\s+the\\s+(next|coming|past|last)\\s+(${words([...Object.keys(VAGUE_COUNTS), ...Object.keys(NUMBER_WORDS)])}|\\d{1,2})\\s+(day|week|month|year)s\\b`, 'gi');
// "three days ago", "two years later", "a few months earlier", "six weeks before": a count of units and a word that
// places it. "ago" counts back from publication; the others from the article's previous date.
const COUNTED = new RegExp(`\\b(?:(\\d{1,3}|${words([...Object.keys(NUMBER_WORDS), ...Object.keys(VAGUE_COUNTS), 'a', 'an', 'a few', 'several', 'some'])})\\s+)(day|week|month|year|decade)s?\\s+(ago|later|earlier|afterwards?|after|before)\\b`, 'gi');
// "the previous day", "the day before", "the next day", "the following day".
const NEIGHBOUR_DAY = /\bthe\s+(?:(previous|following|next)\s+day|day\s+(before|after))\b/gi;
const FORWARD = new RegExp(`(?:^|[^\\p{L}'’])(?:${words(FORWARD_CUES)})(?![\\p{L}])`, 'iu');
const PAST = new RegExp(`\\b(?:${words(IRREGULAR_PAST)}|\\p{L}{2,}ed)\\b`, 'iu');
const RELATIVE = new RegExp(`\\b(?:${words(RELATIVE_WORDS)})\\b`, 'i');
// The preposition as a word of its own ("on Monday"), not the end of another ("pile-on Tuesday").
const PREPOSITION_BEFORE = new RegExp(`(?:^|\\s)(?:${words(SPAN_PREPOSITIONS)})\\s+$`, 'i');
// "at the end of June", "in early May": a part of the month, at month grain.
const MONTH_PART_BEFORE = new RegExp(`(?:${words(MONTH_PARTS)})\\s*$`, 'i');
const NAMED = NAMED_DATES.map((n) => ({ pattern: new RegExp(`(?<![\\p{L}\\d/])${n.words}(?![\\d/])`, 'giu'), value: n.value }));
const NAMED_TRIGGER = new RegExp(NAMED_DATES.map((n) => n.words).join('|'), 'giu');
// A weekday that ends a quoted title ("“Fox News Sunday,”") is a name, not a day.
// "for three years", "in 24 years", "in the weeks": a length of time, with no word that places it ("ago", "last", "next").
const DURATION = new RegExp(`^(?:(?:in|for|over|within|during)\\s+)?(?:the\\s+)?(?:(?:\\d+|${words([...Object.keys(NUMBER_WORDS), ...Object.keys(VAGUE_COUNTS), 'a', 'an', 'many'])})\\s+)?(?:day|week|month|year|decade)s?$`, 'i');
const TITLE_HINT = /\s(?:This|Last|Next|Today)\s+\p{Lu}/u;
const TITLE_WORDS = /(?<=\S\s+)(?:This|Last|Next|Today)(?:\s+\p{Lu}[\p{L}'’]*)+/gu;
const TITLE_BEFORE = /["“][^"”]{0,40}\p{Lu}[\p{L}.'’-]*\s+$/u;
// A month alone is a date only after a date word: "in March", "since May", "last August", "early June".
const MONTH_CONTEXT = /\b(?:in|since|until|by|from|during|through|before|after|last|next|this|early|late|mid|mid-|end of|start of)\s*$/i;
const FULL_WEEKDAY = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day/;
// Clause boundaries for the tense of a date's clause: punctuation, and before a subordinator ("…, he said, [if Trump
// wins on November 5]": the condition's tense, not the report's).
const CLAUSE_BREAK = /[,;:—–()]|\s-\s|\s(?=(?:if|when|whether|unless|because|while|although|though|after|before|that)\s)/gi;

const NO_PUBLISHED = 'no publication date to count from; give one with --published or a manifest';

/** The clause around [start, end) of the sentence text; a clause of few words besides the date ("On Friday,") takes in the next. */
function clauseOf(sentence: string, start: number, end: number): string {
  let from = 0, to = sentence.length;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) { to = m.index; break; }
  }
  const clause = sentence.slice(from, to);
  const rest = (clause.slice(0, start - from) + clause.slice(end - from)).trim().split(/\s+/).filter(Boolean).length;
  if (rest <= 2 && to < sentence.length) {
    const next = sentence.slice(to + 1).search(CLAUSE_BREAK);
    return sentence.slice(from, next < 0 ? sentence.length : to + 1 + next);
  }
  return clause;
}

/**
 * The clause's tense as far as dates care: 'forward' by a forward cue; 'would' for a future seen from the past
 * ("would declare … by the end of March": forward for a month, not enough to move a weekday); 'past' by a
 * past-tense verb or a "since" before the date; else 'none'.
 */
function tenseOf(clause: string, before: string): Tense {
  if (SINCE_BEFORE.test(before)) return 'past';
  if (FORWARD.test(clause)) return 'forward';
  if (WOULD.test(clause)) return 'would';
  return PAST.test(clause) ? 'past' : 'none';
}
type Tense = 'past' | 'forward' | 'would' | 'none';

/** `date/weekday`: a bare weekday (0 = Sunday) by calendar.ts resolveWeekday, forward only for a forward clause. */
function weekdayValue(weekday: number, published: Day | null, tense: Tense): { value: string | null; grain: DateGrain; rule: DateRule; reason?: string } {
  if (!published) return { value: null, grain: 'day', rule: 'date/weekday', reason: NO_PUBLISHED };
  return { value: formatAt(resolveWeekday(weekday, published, tense === 'forward'), 'day'), grain: 'day', rule: 'date/weekday' };
}
// "since January 1st": a date after "since" is past.
const SINCE_BEFORE = /\bsince\s+(?:the\s+)?$/i;
const WOULD = /\bwould\b|['’]d\b/i;

/** Grain named by a relative expression's words ("last month" → month). */
function relativeGrain(text: string, hasHour: boolean): DateGrain {
  if (/\bweeks?\b/i.test(text)) return 'week';
  if (/\bmonths?\b/i.test(text)) return 'month';
  if (/\byears?\b/i.test(text)) return 'year';
  return hasHour ? 'time' : 'day';
}

/**
 * "three days ago" (`date/relative`, from publication); "two years later", "a few months earlier"
 * (`date/relative-to-previous`, from the article's previous date, `anchor`); "six weeks before the election" counts
 * from an undated event: value null with the reason.
 */
function countedFinding(m: RegExpMatchArray, sentence: string, published: Day | null, anchor: DateFinding | null): { value: string | null; grain: DateGrain; rule: DateRule; reason?: string } {
  const raw = m[1]!.toLowerCase().replace(/^(?:a|an|some)\s+(?=\S)/, '');
  const n = /^\d+$/.test(raw) ? Number(raw) : raw === 'a' || raw === 'an' || raw === 'some' ? 1 : (NUMBER_WORDS[raw] ?? VAGUE_COUNTS[raw] ?? 3);
  const unit = m[2]!.toLowerCase() as 'day' | 'week' | 'month' | 'year' | 'decade';
  const grain: DateGrain = unit;
  const word = m[3]!.toLowerCase();
  if (word === 'ago') {
    if (!published) return { value: null, grain, rule: 'date/relative', reason: NO_PUBLISHED };
    return { value: formatAt(addUnits(published, -n, unit), grain), grain, rule: 'date/relative' };
  }
  const after = m.index! + m[0].length;
  if ((word === 'before' || word === 'after') && /^\s+(?:the|a|an|his|her|their|its|\p{Ll})/u.test(sentence.slice(after))) {
    return { value: null, grain, rule: 'date/relative-to-previous', reason: 'counted from an event the text names but does not date' };
  }
  const from = anchor?.value ? parseDay(firstDay(anchor.value)) : null;
  if (!from) return { value: null, grain, rule: 'date/relative-to-previous', reason: 'counted from an earlier date the text does not give' };
  return { value: formatAt(addUnits(from, /later|after/.test(word) ? n : -n, unit), grain), grain, rule: 'date/relative-to-previous' };
}

/** The index of the sentence holding offset `at` (sentences in text order), or -1. */
function sentenceAt(sentences: TextLayer['sentences'], at: number): number {
  let lo = 0, hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1, s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const dayOf = (d: Date): Day => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
const pad = (n: number): string => String(n).padStart(2, '0');

export type DateExtractor = (article: Pick<Article, 'text' | 'blocks' | 'published'>, layer: TextLayer) => DateFinding[];

const UNUSED_PARSERS = new Set([
  'ENTimeUnitWithinFormatParser', 'ENTimeUnitCasualRelativeFormatParser', 'ISOFormatParser', 'ENYearMonthDayParser', 'ENEndOfCurrentMonthParser',
  // Counted units ("three days ago", "two years later") are COUNTED's.
  'ENTimeUnitAgoFormatParser', 'ENTimeUnitLaterFormatParser',
]);

/** Blocks whose sentences are read: prose, headings and captions (not credits or boilerplate). */
const READ_KINDS = new Set(['paragraph', 'heading', 'caption']);

export function createDateExtractor(): DateExtractor {
  const parser = chrono.casual.clone();
  // Parsers whose readings the news rules make themselves or news does not write, each a scan of every sentence
  // given to chrono: "within 3 days", "+2 weeks" (ranges are RANGE's), ISO and year-first dates, "end of this month",
  // counted units.
  parser.parsers = parser.parsers.filter((p) => !UNUSED_PARSERS.has(p.constructor.name));
  return (article, layer) => {
    if (typeof article?.text !== 'string') throw new TypeError('dateExtractor(article, layer): article.text must be a string');
    const text = article.text;
    const published = parseDay(article.published);
    // chrono counts from noon UTC of the publication day, so no time zone moves it to another day.
    const instant = published ? new Date(Date.UTC(published.year, published.month - 1, published.day, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
    const out: DateFinding[] = [];
    // One scan of the whole text for each trigger marks the sentences worth reading: 1 for chrono, 2 for the rules.
    const marks = new Uint8Array(layer.sentences.length);
    const mark = (pattern: RegExp, bit: number): void => {
      for (const m of text.matchAll(pattern)) {
        const k = sentenceAt(layer.sentences, m.index);
        if (k >= 0) marks[k] = marks[k]! | bit;
      }
    };
    mark(CHRONO_TRIGGER, 1); mark(MAY, 1); mark(RULE_TRIGGER, 2); mark(NAMED_TRIGGER, 2); mark(WEEKDAY, 4);
    for (let k = 0; k < layer.sentences.length; k++) {
      if (marks[k] === 0) continue;
      const s = layer.sentences[k]!;
      if (!READ_KINDS.has(article.blocks[s.block]?.kind ?? 'paragraph')) continue;
      const sentence = text.slice(s.start, s.end);
      const forChrono = (marks[k]! & 1) !== 0;
      const event = { start: s.start, end: s.end };
      const found: DateFinding[] = [];
      const add = (start: number, end: number, value: string | null, grain: DateGrain | null, rule: DateRule, reason?: string): void => {
        if (found.some((f) => f.start < s.start + end && s.start + start < f.end)) return;
        found.push({ start: s.start + start, end: s.start + end, value, grain, rule, ...(reason ? { reason } : {}), event });
      };
      // The news rules first: they win over chrono where both read the same words.
      for (const { pattern, value } of NAMED) {
        for (const m of sentence.matchAll(pattern)) add(m.index, m.index + m[0].length, value, 'day', 'date/named');
      }
      for (const m of sentence.matchAll(RANGE)) {
        const [, direction, count, unit] = m;
        const n = /^\d+$/.test(count!) ? Number(count) : (VAGUE_COUNTS[count!.toLowerCase()] ?? NUMBER_WORDS[count!.toLowerCase()] ?? 3);
        const grain = unit!.toLowerCase() as 'day' | 'week' | 'month' | 'year';
        const span = { start: m.index, end: m.index + m[0].length };
        if (!published) { add(span.start, span.end, null, grain, 'date/range', NO_PUBLISHED); continue; }
        const forward = /next|coming/i.test(direction!);
        const [a, b] = forward ? [published, addUnits(published, n, grain)] : [addUnits(published, -n, grain), published];
        add(span.start, span.end, `${formatAt(a, 'day')}/${formatAt(b, 'day')}`, grain, 'date/range');
      }
      // "CBS This Morning on Monday": a capitalised title ("This Morning") mid-sentence is no date word; chrono reads
      // the sentence with such titles blanked out (same length, so offsets hold).
      // Weekdays chrono will not read: the sentence's own rule, unless a word around one wants chrono after all.
      let chrono = forChrono;
      if (!chrono && marks[k]! & 4) {
        for (const m of sentence.matchAll(WEEKDAY)) {
          const from = m.index + (m[1] ? m[1].length + 1 : 0);
          if (WEEKDAY_NEEDS_CHRONO.test(sentence.slice(0, from)) || /^\s+of\b/.test(sentence.slice(m.index + m[0].length))) chrono = true;
        }
        if (!chrono) {
          for (const m of sentence.matchAll(WEEKDAY)) {
            if (TITLE_BEFORE.test(sentence.slice(0, m.index))) continue;
            const tense = tenseOf(clauseOf(sentence, m.index, m.index + m[0].length), sentence.slice(0, m.index));
            const f = weekdayValue(WEEKDAY_INDEX[m[2]!.toLowerCase()]!, published, tense);
            add(m.index, m.index + m[0].length, f.value, f.grain, f.rule, f.reason);
          }
        }
      }
      const readable = chrono && TITLE_HINT.test(sentence) ? sentence.replace(TITLE_WORDS, (m) => ' '.repeat(m.length)) : sentence;
      for (const r of chrono ? parser.parse(readable, { instant, timezone: 0 }) : []) {
        const finding = classify(r, sentence, published);
        if (finding) add(finding.start, finding.end, finding.value, finding.grain, finding.rule, finding.reason);
      }
      for (const m of sentence.matchAll(COUNTED)) {
        const f = countedFinding(m, sentence, published, [...out, ...found].filter((x) => x.value && x.end <= s.start + m.index).pop() ?? null);
        add(m.index, m.index + m[0].length, f.value, f.grain, f.rule, f.reason);
      }
      // After chrono: "the day after Monday's debate" counts from the date that follows it.
      for (const m of sentence.matchAll(NEIGHBOUR_DAY)) {
        const before = /previous|before/i.test(m[1] ?? m[2] ?? '');
        const end = s.start + m.index + m[0].length;
        const following = found.find((f) => f.grain === 'day' && f.value && f.start >= end && f.start - end <= 2);
        const anchor = following ?? [...out, ...found].filter((f) => f.grain === 'day' && f.value && f.end <= s.start + m.index).pop();
        const from = anchor ? parseDay(anchor.value) : published;
        if (!from) { add(m.index, m.index + m[0].length, null, 'day', 'date/previous-day', NO_PUBLISHED); continue; }
        add(m.index, m.index + m[0].length, formatAt(addDays(from, before ? -1 : 1), 'day'), 'day', 'date/previous-day');
      }
      for (const m of sentence.matchAll(DECADE)) {
        const start = m.index + m[0].indexOf('the');
        add(start, m.index + m[0].length, String(Math.floor(Number(m[1]) / 10)), 'decade', 'date/decade');
      }
      for (const m of sentence.matchAll(YEAR)) {
        const keep = /^(in)$/i.test(m[1]!) ? 0 : m[0].length - m[2]!.length;
        add(m.index + keep, m.index + m[0].length, m[2]!, 'year', 'date/year');
      }
      found.sort((a, b) => a.start - b.start);
      out.push(...found);
    }
    return out;
  };

  /** A chrono result as a finding (span relative to the sentence), or null for a near miss. */
  function classify(r: chrono.ParsedResult, sentence: string, published: Day | null): Omit<DateFinding, 'event'> | null {
    let start = r.index, end = r.index + r.text.length;
    while (end > start && /[\s,.;:]/.test(sentence[end - 1]!) && !/\b[A-Z][a-z]{0,3}\.$/.test(sentence.slice(start, end))) end--;
    let words = sentence.slice(start, end);
    const known = (c: chrono.Component): boolean => r.start.isCertain(c);
    const hasWeekday = known('weekday'), hasDay = known('day'), hasMonth = known('month'), hasYear = known('year'), hasHour = known('hour');
    // Near misses: weekday abbreviations ("sat down", "the Sun"), a bare hour ("at 3"), a month with no date word before it.
    if (hasWeekday && !FULL_WEEKDAY.test(words)) return null;
    if (hasWeekday && !hasDay && TITLE_BEFORE.test(sentence.slice(0, start))) return null;
    if (hasHour && !hasWeekday && !hasDay && !hasMonth && !RELATIVE.test(words)) return null;
    // A duration dates nothing: "for three years", "in 24 years in Congress", "in the weeks leading up to".
    if (DURATION.test(words)) return null;
    // "on Monday of last week's shooting": the weekday alone is the date.
    const possessiveWeek = /^(.*?\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s+of\s+(?:last|this|next)\s+week$/i.exec(words);
    if (possessiveWeek && /^['’]s\b/.test(sentence.slice(r.index + r.text.length))) {
      end = start + possessiveWeek[1]!.length;
      words = sentence.slice(start, end);
    }
    // Relative words count from publication unless the words write the year out ("last Oct. 21, 2015").
    const relative = RELATIVE.test(words) && !(hasYear && /\d{4}/.test(words));
    if (hasMonth && !hasDay && !hasYear && !relative && !MONTH_CONTEXT.test(sentence.slice(0, start))) return null;
    // "on Monday", "in July": the preposition belongs to the span.
    const prep = PREPOSITION_BEFORE.exec(sentence.slice(0, start));
    if (prep && !/^(on|in)\b/i.test(words)) start = prep.index + prep[0].length - prep[0].trimStart().length;
    const tense = tenseOf(clauseOf(sentence, r.index, r.index + r.text.length), sentence.slice(0, start));
    const monthPart = hasMonth && !/\d/.test(words) && MONTH_PART_BEFORE.test(sentence.slice(0, r.index) + words.replace(/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?.*$/i, ''));
    const midnight = /\bmidnight\b/i.test(words);
    const time = (d: Date): string => `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    const valueOf = (c: chrono.ParsedComponents): { value: string | null; grain: DateGrain | null; rule: DateRule; reason?: string } | null => {
      const d = c.date();
      const withTime = (v: string, grain: DateGrain): { value: string; grain: DateGrain } => (c.isCertain('hour') && grain === 'day' && !midnight ? { value: v + time(d), grain: 'time' } : { value: v, grain });
      if (monthPart) {
        if (c.isCertain('year')) return { value: formatAt(dayOf(d), 'month'), grain: 'month', rule: 'date/absolute' };
        if (!published) return { value: null, grain: 'month', rule: 'date/month', reason: NO_PUBLISHED };
        const m = resolveMonth(c.get('month')!, published, tense === 'forward' || tense === 'would');
        return { value: formatAt({ ...m, day: 1 }, 'month'), grain: 'month', rule: 'date/month' };
      }
      // "Monday of last week": that weekday in the ISO week before publication's (chrono takes this week's);
      // not "on Monday of last week's shooting", where last week belongs to the shooting.
      const weekOf = /\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+of\s+(last|this|next)\s+week\b/i.exec(words);
      if (weekOf && published && !/^['’]s\b/.test(sentence.slice(r.index + r.text.length))) {
        const offset = /last/i.test(weekOf[2]!) ? -7 : /next/i.test(weekOf[2]!) ? 7 : 0;
        const ref = addDays(published, offset);
        const monday = addDays(ref, -((weekdayOf(ref) + 6) % 7));
        const index = ['mon', 'tues', 'wednes', 'thurs', 'fri', 'satur', 'sun'].indexOf(weekOf[1]!.toLowerCase());
        return { value: formatAt(addDays(monday, index), 'day'), grain: 'day', rule: 'date/relative' };
      }
      if (relative) {
        const grain = c.isCertain('weekday') ? (c.isCertain('hour') && !midnight ? 'time' : 'day') : relativeGrain(words, c.isCertain('hour') && !midnight);
        if (!published) return { value: null, grain, rule: 'date/relative', reason: NO_PUBLISHED };
        // "this week", "last week", "next week": the publication day's ISO week and its neighbours (chrono counts weeks from Sunday).
        const week = grain === 'week' ? /\b(this|last|past|next|coming)\s+week\b/i.exec(words) : null;
        if (week) {
          const offset = /last|past/i.test(week[1]!) ? -1 : /next|coming/i.test(week[1]!) ? 1 : 0;
          return { value: formatAt(addDays(published, 7 * offset), 'week'), grain, rule: 'date/relative' };
        }
        return { value: grain === 'time' ? formatAt(dayOf(d), 'day') + time(d) : formatAt(dayOf(d), grain), grain, rule: 'date/relative' };
      }
      if (c.isCertain('year') && c.isCertain('month') && c.isCertain('day')) return { ...withTime(formatAt(dayOf(d), 'day'), 'day'), rule: 'date/absolute' };
      if (c.isCertain('year') && c.isCertain('month')) return { value: formatAt(dayOf(d), 'month'), grain: 'month', rule: 'date/absolute' };
      if (c.isCertain('month') && c.isCertain('day')) {
        if (!published) return { value: null, grain: 'day', rule: 'date/month-day', reason: NO_PUBLISHED };
        const day = resolveMonthDay(c.get('month')!, c.get('day')!, published, tense === 'would' ? 'forward' : tense);
        return day ? { ...withTime(formatAt(day, 'day'), 'day'), rule: 'date/month-day' } : null;
      }
      if (c.isCertain('month')) {
        if (!published) return { value: null, grain: 'month', rule: 'date/month', reason: NO_PUBLISHED };
        const m = resolveMonth(c.get('month')!, published, tense === 'forward' || tense === 'would');
        return { value: formatAt({ ...m, day: 1 }, 'month'), grain: 'month', rule: 'date/month' };
      }
      if (c.isCertain('weekday')) {
        const f = weekdayValue(c.get('weekday')!, published, tense);
        return f.value ? { ...withTime(f.value, 'day'), rule: f.rule } : f;
      }
      if (c.isCertain('year')) return { value: String(c.get('year')), grain: 'year', rule: 'date/year' };
      return null;
    };
    const first = valueOf(r.start);
    if (!first) return null;
    if (r.end) {
      const last = valueOf(r.end);
      if (last?.value && first.value && last.grain === first.grain) {
        // "Oct. 21-23", "from Monday to Wednesday": an interval whose end is not before its start.
        const a = parseDay(first.value), b = parseDay(last.value);
        if (!a || !b || daysBetween(a, b) >= 0) return { start, end, value: `${first.value}/${last.value}`, grain: first.grain, rule: 'date/range' };
      }
    }
    return { start, end, ...first };
  }
}

