/**
 * Organisations: generic name endings (so "Labour" and "Labour Party" are one), and a table of
 * common institutions with their aliases and what kind of body they are ("the British public
 * broadcaster" can only be a broadcaster). Data, not code: extend freely.
 */

/** Generic last words of organisation names that a short form may drop: "Labour Party" → "Labour". */
export const ORG_GENERIC_SUFFIXES = ['party', 'inc', 'inc.', 'corp', 'corp.', 'corporation', 'co', 'co.', 'ltd', 'ltd.', 'plc', 'llc', 'group', 'company'] as const;

/** Nouns that describe what kind of body an organisation is: the heads of definite descriptions like "the broadcaster". */
export type InstitutionKind = 'broadcaster' | 'newspaper' | 'news agency' | 'party' | 'agency' | 'court' | 'legislature' | 'company' | 'alliance' | 'organization' | 'social network';

export interface Institution {
  name: string;
  aliases: readonly string[];
  kind: InstitutionKind;
}

export const INSTITUTIONS: readonly Institution[] = [
  { name: 'BBC', aliases: ['British Broadcasting Corporation', 'the BBC'], kind: 'broadcaster' },
  { name: 'CNBC', aliases: [], kind: 'broadcaster' },
  { name: 'CNN', aliases: [], kind: 'broadcaster' },
  { name: 'Fox News', aliases: ['Fox'], kind: 'broadcaster' },
  { name: 'NBC News', aliases: ['NBC'], kind: 'broadcaster' },
  { name: 'CBS News', aliases: ['CBS'], kind: 'broadcaster' },
  { name: 'ABC News', aliases: ['ABC'], kind: 'broadcaster' },
  { name: 'MSNBC', aliases: [], kind: 'broadcaster' },
  { name: 'NPR', aliases: ['National Public Radio'], kind: 'broadcaster' },
  { name: 'Sky News', aliases: [], kind: 'broadcaster' },
  { name: 'Al Jazeera', aliases: [], kind: 'broadcaster' },
  { name: 'Reuters', aliases: ['Thomson Reuters'], kind: 'news agency' },
  { name: 'Associated Press', aliases: ['AP', 'The Associated Press'], kind: 'news agency' },
  { name: 'Agence France-Presse', aliases: ['AFP'], kind: 'news agency' },
  { name: 'Bloomberg', aliases: ['Bloomberg News'], kind: 'news agency' },
  { name: 'Washington Post', aliases: ['The Washington Post', 'the Post'], kind: 'newspaper' },
  { name: 'New York Times', aliases: ['The New York Times', 'the Times', 'NYT'], kind: 'newspaper' },
  { name: 'Wall Street Journal', aliases: ['The Wall Street Journal', 'WSJ', 'the Journal'], kind: 'newspaper' },
  { name: 'Telegraph', aliases: ['The Telegraph', 'Daily Telegraph', 'The Daily Telegraph'], kind: 'newspaper' },
  { name: 'Guardian', aliases: ['The Guardian'], kind: 'newspaper' },
  { name: 'Financial Times', aliases: ['FT', 'The Financial Times'], kind: 'newspaper' },
  { name: 'USA Today', aliases: ['USA TODAY'], kind: 'newspaper' },
  { name: 'Politico', aliases: [], kind: 'newspaper' },
  { name: 'Breitbart', aliases: ['Breitbart News'], kind: 'newspaper' },
  { name: 'Huffington Post', aliases: ['HuffPost', 'The Huffington Post'], kind: 'newspaper' },
  { name: 'The National', aliases: [], kind: 'newspaper' },
  { name: 'Federal Election Commission', aliases: ['FEC'], kind: 'agency' },
  { name: 'Federal Bureau of Investigation', aliases: ['FBI'], kind: 'agency' },
  { name: 'Central Intelligence Agency', aliases: ['CIA'], kind: 'agency' },
  { name: 'Department of Justice', aliases: ['Justice Department', 'DOJ'], kind: 'agency' },
  { name: 'Secret Service', aliases: [], kind: 'agency' },
  { name: 'United Nations', aliases: ['UN', 'U.N.'], kind: 'organization' },
  { name: 'European Union', aliases: ['EU', 'E.U.'], kind: 'alliance' },
  { name: 'NATO', aliases: ['Nato', 'North Atlantic Treaty Organization'], kind: 'alliance' },
  { name: 'Labour Party', aliases: ['Labour', 'the Labour Party'], kind: 'party' },
  { name: 'Conservative Party', aliases: ['Conservatives', 'Tories', 'the Tories'], kind: 'party' },
  { name: 'Democratic Party', aliases: ['Democrats', 'the Democrats'], kind: 'party' },
  { name: 'Republican Party', aliases: ['Republicans', 'GOP', 'the GOP', 'the Republicans'], kind: 'party' },
  { name: 'Supreme Court', aliases: [], kind: 'court' },
  { name: 'Congress', aliases: ['U.S. Congress', 'US Congress'], kind: 'legislature' },
  { name: 'Senate', aliases: ['U.S. Senate', 'US Senate'], kind: 'legislature' },
  { name: 'House of Representatives', aliases: ['the House'], kind: 'legislature' },
  { name: 'Parliament', aliases: [], kind: 'legislature' },
  { name: 'Republican National Committee', aliases: ['RNC'], kind: 'party' },
  { name: 'Democratic National Committee', aliases: ['DNC'], kind: 'party' },
  { name: 'NAACP', aliases: ['National Association for the Advancement of Colored People'], kind: 'organization' },
  { name: 'American Civil Liberties Union', aliases: ['ACLU'], kind: 'organization' },
  { name: 'White House', aliases: ['the White House'], kind: 'agency' },
  { name: 'Pentagon', aliases: ['the Pentagon'], kind: 'agency' },
  { name: 'Kremlin', aliases: ['the Kremlin'], kind: 'agency' },
  { name: 'Downing Street', aliases: ['No 10', 'Number 10'], kind: 'agency' },
  { name: 'State Department', aliases: ['Department of State'], kind: 'agency' },
  { name: 'Home Office', aliases: [], kind: 'agency' },
  { name: 'Foreign Office', aliases: [], kind: 'agency' },
  { name: 'European Commission', aliases: [], kind: 'agency' },
  { name: 'World Health Organization', aliases: ['WHO'], kind: 'organization' },
  { name: 'International Monetary Fund', aliases: ['IMF'], kind: 'organization' },
  { name: 'Federal Reserve', aliases: ['the Fed'], kind: 'agency' },
  { name: 'Yahoo News', aliases: [], kind: 'newspaper' },
  { name: 'PolitiFact', aliases: [], kind: 'newspaper' },
  { name: 'RealClearPolitics', aliases: [], kind: 'newspaper' },
  { name: 'National Review', aliases: [], kind: 'newspaper' },
  { name: 'The New Yorker', aliases: ['New Yorker'], kind: 'newspaper' },
  { name: 'The Atlantic', aliases: [], kind: 'newspaper' },
  { name: 'The Economist', aliases: ['Economist'], kind: 'newspaper' },
  { name: 'Daily Mail', aliases: ['the Mail'], kind: 'newspaper' },
  { name: 'The Independent', aliases: [], kind: 'newspaper' },
  { name: 'The Times', aliases: [], kind: 'newspaper' },
  { name: 'Los Angeles Times', aliases: ['LA Times'], kind: 'newspaper' },
  { name: 'Chicago Tribune', aliases: [], kind: 'newspaper' },
  { name: 'Axios', aliases: [], kind: 'newspaper' },
  { name: 'Gallup', aliases: [], kind: 'company' },
  { name: 'Quinnipiac University', aliases: ['Quinnipiac'], kind: 'organization' },
  { name: 'Pew Research Center', aliases: ['Pew'], kind: 'organization' },
  { name: 'LinkedIn', aliases: [], kind: 'social network' },
  { name: 'Facebook', aliases: [], kind: 'social network' },
  { name: 'Twitter', aliases: ['X'], kind: 'social network' },
];

/** Head nouns of definite descriptions for each institution kind: "the British public broadcaster", "the newspaper". */
export const INSTITUTION_KIND_NOUNS: Readonly<Record<string, readonly InstitutionKind[]>> = {
  broadcaster: ['broadcaster'],
  network: ['broadcaster', 'social network'],
  channel: ['broadcaster'],
  newspaper: ['newspaper'],
  paper: ['newspaper'],
  daily: ['newspaper'],
  outlet: ['broadcaster', 'newspaper', 'news agency'],
  agency: ['news agency', 'agency'],
  party: ['party'],
  commission: ['agency'],
  bureau: ['agency'],
  court: ['court'],
  alliance: ['alliance'],
  company: ['company'],
  platform: ['social network'],
};

/** Words that mark a name as an organisation's, never a person's: "Federal Election Commission", "Reuters Institute". */
export const ORG_NAME_WORDS = [
  'party', 'commission', 'committee', 'council', 'association', 'department', 'ministry', 'university', 'bank', 'group',
  'company', 'corporation', 'institute', 'foundation', 'news', 'post', 'times', 'agency', 'office', 'court', 'senate',
  'congress', 'parliament', 'union', 'league', 'club', 'fund', 'board', 'authority', 'service', 'network', 'campaign',
  'organization', 'organisation', 'inc', 'inc.', 'corp', 'corp.', 'ltd', 'ltd.', 'plc', 'llc', 'co', 'co.', 'for',
] as const;
