/**
 * The English lexicons of the text layer, as data. Entries are case-sensitive and written without
 * the final period. Dotted forms (U.S., J.K., a.m., Ph.D.) need no entry: the tokenizer recognises
 * any run of one- or two-letter segments each followed by a period.
 */
import { PERSON_TITLE_ABBREVIATIONS, PLACE_TITLE_ABBREVIATIONS } from '../lexicon/titles.js';

/** Titles before a name or a place: a sentence never ends after them ("Ms. Patel", "Mt. Everest"). */
export const TITLE_ABBREVIATIONS = [...PERSON_TITLE_ABBREVIATIONS, ...PLACE_TITLE_ABBREVIATIONS] as const;

/** Abbreviations that take their period only before a number ("Nov. 5", "No. 1"); elsewhere "." ends the word. */
export const BEFORE_NUMBER_ABBREVIATIONS = [
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'No', 'Nos', 'no', 'nos', 'Vol', 'vol', 'Vols', 'p', 'pp', 'Art', 'art', 'Fig', 'fig', 'Ch', 'ch',
  'Sec', 'sec', 'Para', 'para', 'Ex', 'Tel', 'tel', 'Ref', 'ref', 'Nr', 'nr',
] as const;

/**
 * Abbreviations that may end a sentence ("Apple Inc." / "in the U.S."): the sentence is split after
 * them only when the next word is a sentence starter (SENTENCE_STARTERS) or they are followed by a
 * closing quote or bracket.
 */
export const OTHER_ABBREVIATIONS = [
  // companies and organisations
  'Inc', 'Corp', 'Co', 'Cos', 'Ltd', 'Plc', 'Bros', 'Assn', 'Dept', 'Univ', 'Intl', 'Natl', 'Govt',
  // name suffixes, streets, places
  'Jr', 'Ave', 'Blvd', 'Rd', 'St', 'Ste', 'Sq', 'Hwy',
  // days of the week
  'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun',
  // US states (AP style) and Canadian provinces
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Kans',
  'Ky', 'La', 'Md', 'Mass', 'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nebr', 'Nev', 'Okla',
  'Ore', 'Pa', 'Penn', 'Tenn', 'Tex', 'Va', 'Vt', 'Wash', 'Wis', 'Wyo', 'Alta', 'Ont', 'Que', 'Sask',
  // lower-case
  'etc', 'vs', 'v', 'al', 'approx', 'est', 'cf', 'ca', 'ft', 'mph', 'yr', 'yrs',
] as const;

/**
 * Capitalised words that typically open a sentence. After an ambiguous abbreviation ("in the U.S.",
 * "Apple Inc.", "5 p.m.", "Donald J.") a sentence ends only if the next word is one of these
 * (a capitalised name after "U.S." or "J." is taken as the same sentence).
 */
export const SENTENCE_STARTERS = [
  'A', 'An', 'The', 'This', 'That', 'These', 'Those', 'There', 'Here', 'It', 'Its', 'He', 'His', 'Him',
  'She', 'Her', 'They', 'Their', 'Them', 'We', 'Our', 'I', 'My', 'You', 'Your', 'Some', 'Many', 'Most',
  'All', 'Both', 'Each', 'Every', 'Several', 'Few', 'Any', 'Such', 'Other', 'Others', 'Another',
  'But', 'And', 'Or', 'So', 'Yet', 'Nor', 'Also', 'However', 'Meanwhile', 'Moreover', 'Still', 'Then',
  'Now', 'Instead', 'Indeed', 'Nevertheless', 'Thus', 'Therefore', 'Earlier', 'Later', 'Last', 'Next',
  'In', 'On', 'At', 'For', 'From', 'With', 'Without', 'By', 'As', 'After', 'Before', 'During', 'Since',
  'Until', 'Under', 'Over', 'Among', 'About', 'Against', 'Despite', 'According', 'If', 'When', 'While',
  'Where', 'Whether', 'Although', 'Though', 'Because', 'Unlike', 'What', 'Who', 'Whom', 'Whose',
  'Which', 'Why', 'How', 'Not', 'No', 'None', 'Asked', 'Officials', 'Shares', 'Police',
] as const;

export type AbbreviationCategory = 'title' | 'beforeNumber' | 'other';
