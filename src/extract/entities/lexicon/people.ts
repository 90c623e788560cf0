/**
 * English lexicons about people: honorifics, role words, group nouns, pronouns.
 * One copy of each list; regexes and sets elsewhere are built from these.
 */

export type Gender = 'male' | 'female' | 'unknown';

/** Honorifics before a name, with the gender they imply (used by pronoun resolution). Matched with or without the period. */
export const HONORIFICS: Readonly<Record<string, Gender>> = {
  Mr: 'male', Mister: 'male', Sir: 'male', Lord: 'male', Messrs: 'male',
  Mrs: 'female', Ms: 'female', Miss: 'female', Dame: 'female', Lady: 'female', Madam: 'female',
  Dr: 'unknown', Prof: 'unknown', Professor: 'unknown', Rev: 'unknown', Reverend: 'unknown', Mx: 'unknown',
};


/**
 * Nouns that head a role or title: "Prime Minister", "campaign lawyer", "head of operations".
 * A role phrase must end in (or, for "head of X", start with) one of these.
 */
export const ROLE_HEADS = [
  'president', 'vice president', 'minister', 'prime minister', 'secretary', 'chancellor', 'premier', 'governor', 'senator',
  'congressman', 'congresswoman', 'representative', 'lawmaker', 'legislator', 'mayor', 'leader', 'nominee', 'candidate',
  'chairman', 'chairwoman', 'chair', 'chairperson', 'director', 'manager', 'chief', 'head', 'officer', 'spokesman',
  'spokeswoman', 'spokesperson', 'lawyer', 'attorney', 'counsel', 'adviser', 'advisor', 'aide', 'strategist', 'staffer',
  'ambassador', 'envoy', 'diplomat', 'commissioner', 'judge', 'justice', 'prosecutor', 'general', 'commander', 'admiral',
  'founder', 'co-founder', 'owner', 'executive', 'ceo', 'cfo', 'coo', 'analyst', 'economist', 'professor', 'researcher',
  'scientist', 'editor', 'correspondent', 'reporter', 'columnist', 'journalist', 'anchor', 'host', 'activist', 'organizer',
  'organiser', 'volunteer', 'member', 'deputy', 'speaker', 'whip', 'king', 'queen', 'prince', 'princess', 'pope', 'bishop',
  'archbishop', 'monarch', 'dictator', 'coach', 'captain', 'striker', 'player', 'partner', 'president-elect', 'mp', 'mep',
  'democrat', 'republican', 'conservative', 'liberal', 'spokesperson', 'official', 'operative', 'pollster', 'consultant',
  'fundraiser', 'donor', 'sheriff', 'detective', 'inspector', 'superintendent', 'surgeon', 'doctor', 'physician',
  'campaign manager', 'chief of staff', 'press secretary', 'running mate',
] as const;

/** Words that may stand before a role head inside a title: "former U.S. president", "Deputy Prime Minister". */
export const ROLE_MODIFIERS = [
  'former', 'current', 'then', 'acting', 'interim', 'deputy', 'vice', 'assistant', 'associate', 'senior', 'junior',
  'chief', 'executive', 'general', 'principal', 'lead', 'top', 'presumptive', 'presidential', 'vice-presidential',
  'prime', 'foreign', 'home', 'defence', 'defense', 'finance', 'health', 'environment', 'interior', 'justice', 'trade',
  'campaign', 'press', 'communications', 'policy', 'national', 'security', 'political', 'party', 'shadow', 'state',
  'federal', 'regional', 'local', 'first', 'lady', 'district', 'attorney', 'majority', 'minority', 'house', 'senate',
  'labour', 'labor', 'opposition', 'cabinet', 'white', 'european', 'independent', 'special', 'legal', 'managing',
  'operations', 'news', 'sports', 'staff', 'union', 'co', 'ex', 'longtime', 'veteran', 'newly', 'elected',
] as const;

/** Nouns for a group around a person: "Trump's campaign team", "Ms Harris's team", "the Biden administration". */
export const GROUP_NOUNS: Readonly<Record<string, string>> = {
  campaign: 'campaign',
  'campaign team': 'campaign',
  team: 'campaign',
  'election campaign': 'campaign',
  administration: 'administration',
  government: 'government',
  allies: 'allies',
  aides: 'aides',
  camp: 'campaign',
  family: 'family',
  foundation: 'foundation',
  'legal team': 'legal team',
  lawyers: 'legal team',
};

/** Subject and object pronouns by gender and number, for resolving speakers. */
export const PERSONAL_PRONOUNS: Readonly<Record<string, { gender: Gender; plural: boolean }>> = {
  he: { gender: 'male', plural: false },
  him: { gender: 'male', plural: false },
  his: { gender: 'male', plural: false },
  she: { gender: 'female', plural: false },
  her: { gender: 'female', plural: false },
  they: { gender: 'unknown', plural: true },
  them: { gender: 'unknown', plural: true },
  their: { gender: 'unknown', plural: true },
};

/** Determiners and pronouns that never start a name, even when capitalised at a sentence start. */
export const NON_NAME_WORDS = [
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its',
  'their', 'our', 'my', 'your', 'some', 'many', 'one', 'another', 'but', 'and', 'or', 'if', 'when', 'while', 'asked',
] as const;

/** Party adjectives that taggers mark as miscellaneous names but that name no entity on their own: "Republican nominee". */
export const PARTY_ADJECTIVES = ['Democratic', 'Democrat', 'Republican', 'Conservative', 'Liberal', 'Socialist', 'Libertarian', 'Progressive'] as const;

/** Offices in the names of campaign committees: "Harris for President", "Friends of X for Senate". */
export const CAMPAIGN_OFFICES = ['President', 'Senate', 'Congress', 'Governor', 'Mayor', 'America', 'Parliament', 'Assembly', 'Council'] as const;

/** Function words that never end a name; a tagger span ending in one is trimmed ("Labour Party of"). */
export const NAME_TRAILING_FUNCTION_WORDS = ['of', 'the', 'and', 'for', 'in', 'at', 'to', 'on', 'with', '&'] as const;

/** Generational suffixes that belong to a name: "John G. Roberts Jr.", "Martin Luther King III". */
export const NAME_SUFFIXES = ['Jr', 'Jr.', 'Sr', 'Sr.', 'II', 'III', 'IV'] as const;
