/**
 * Hand-written gold sentences of news text, one case per phenomenon the text layer must handle.
 * Each case's text is its sentences joined by single spaces. Used by sentences.test.ts (exact
 * expectations) and eval-segmenters.ts (boundary accuracy of every candidate).
 */
export interface GoldCase {
  /** What the case exercises. */
  readonly about: string;
  readonly sentences: readonly string[];
}

export const GOLD_CASES: readonly GoldCase[] = [
  { about: 'country abbreviations and titles', sentences: ["The U.K.'s ruling Labour Party rejected the claims by U.S. officials.", 'Mr. Smith and Ms. Jones met Dr. Brown, Gov. Newsom and Sen. Warren.'] },
  { about: 'dates and times', sentences: ['The attacks of Sept. 11 changed the country.', 'He left at 9 a.m. and returned at 5 p.m. on Jan. 3.', 'The vote is on Nov. 5.'] },
  { about: 'companies, numbers and money', sentences: ['Shares of Apple Inc. and Microsoft Corp. rose 3.5 percent to $1.2 billion, or 1,000 times more.', 'The team is No. 1 in the league.'] },
  { about: 'initials and St.', sentences: ["Donald J. Trump met J.K. Rowling on St. Patrick's Day.", 'She said so.'] },
  { about: 'abbreviation inside a quote', sentences: ['"Those searching for foreign interference need to look no further than Ms. Patel\'s LinkedIn post," he said.', 'The post was deleted.'] },
  { about: 'sentence ending inside a closing quote', sentences: ['He said: "No."', 'Then he left.'] },
  { about: 'curly quotes and apostrophes across a quoted sentence boundary', sentences: ['“They’re doing it in their spare time.', 'They’re doing it as volunteers,” he said.'] },
  { about: 'guillemets, low quotes, ’90s and Labour\'s', sentences: ['He called it «blatant» and „illegal“ interference.', "Labour's ’90s campaign was 'door-to-door', they said."] },
  { about: 'ellipsis inside a sentence', sentences: ['The Harris campaign has been ... generously borrowing language from Labour Party officials.', 'Nobody denied it.'] },
  { about: 'ellipsis ending a sentence', sentences: ['He paused...', 'Then he spoke.'] },
  { about: 'brackets', sentences: ['"The Labour Party has volunteers, [they] have gone over pretty much every election," he said.', 'It was true.'] },
  { about: 'em and en dashes', sentences: ['The vote — held on Monday – was close.', 'Critics disagreed.'] },
  { about: 'URL and e-mail', sentences: ['Read more at https://www.example.com/news/story.html.', 'Contact press@example.org for comment.'] },
  { about: 'abbreviation ending a sentence', sentences: ['He moved to the U.S.', 'The move was a surprise.', 'It happened at 5 p.m.', 'He was not there.'] },
  { about: 'question and exclamation marks', sentences: ['Did he win?', 'No!', 'He lost.', '"Why?" he asked.', 'Nobody answered.'] },
  { about: 'no space after a month abbreviation', sentences: ['The campaign ends on Nov.5.', 'The party would "sort" housing.'] },
  { about: 'parentheses around a whole sentence', sentences: ['U.S. officials said the plan (which was secret) worked.', '(It did not.)', 'Really.'] },
  { about: 'emoji', sentences: ['The emoji 👍🏽 was posted.', 'It went viral 🚀!', 'Wow.'] },
];
