/**
 * Lexicons used by block classification (src/ingest/blocks.ts), English only for now.
 * One copy of each list: regexes are built from these in blocks.ts, longest entry first.
 */
import { AUXILIARIES, SUBJECT_PRONOUNS } from '../lexicon/function-words.js';
import { cueForms } from '../lexicon/cues.js';


/** News and photo agencies that appear in photo credits ("Brian Snyder | Reuters", "(Getty Images)"). */
export const PHOTO_AGENCIES = [
  'Reuters',
  'AP',
  'AP Photo',
  'Associated Press',
  'The Associated Press',
  'AFP',
  'Agence France-Presse',
  'Getty',
  'Getty Images',
  'Getty Images for',
  'iStock',
  'iStockphoto',
  'Shutterstock',
  'Alamy',
  'EPA',
  'EPA-EFE',
  'EFE',
  'PA',
  'PA Images',
  'PA Wire',
  'PA Media',
  'Bloomberg',
  'ANP',
  'ANSA',
  'dpa',
  'DPA',
  'Xinhua',
  'Anadolu',
  'Anadolu Agency',
  'TASS',
  'Sputnik',
  'Kyodo',
  'Yonhap',
  'SIPA',
  'Sipa USA',
  'Abaca',
  'ZUMA',
  'ZUMA Press',
  'NurPhoto',
  'SOPA Images',
  'LightRocket',
  'Corbis',
  'Rex',
  'Rex Features',
  'REX/Shutterstock',
  'WireImage',
  'Pool',
  'Handout',
  'File',
  'File Photo',
  'Wikimedia Commons',
  'Unsplash',
  'Flickr',
] as const;

/** Words that label a credit line ("Photo: AFP", "Image credit: NASA"). */
export const CREDIT_LABELS = [
  'photo',
  'photos',
  'photograph',
  'photography',
  'image',
  'images',
  'picture',
  'pictures',
  'pic',
  'video',
  'illustration',
  'graphic',
  'graphics',
  'file photo',
  'photo illustration',
  'credit',
  'credits',
  'source',
] as const;

/**
 * Boilerplate: calls to action and site furniture that open a short block. Each entry is the start
 * of such a block; matching is case-insensitive, on word boundaries, only for short blocks.
 */
export const BOILERPLATE_OPENERS = [
  'read more',
  'read the rest',
  'read the full story',
  'read the full article',
  'read the full report',
  'read the original',
  'read the original article',
  'continue reading',
  'click here',
  'sign up',
  'subscribe to',
  'subscribe now',
  'subscribe for',
  'follow us',
  'like us on',
  'share this',
  'share on',
  'share via',
  'download the app',
  'download our app',
  'get the app',
  'related articles',
  'related stories',
  'related coverage',
  'related content',
  'recommended for you',
  'most read',
  'most popular',
  'all rights reserved',
  'copyright',
  'advertisement',
  'sponsored content',
  'scroll to continue',
  'story continues below',
  'article continues below',
  'watch:',
  'listen:',
  'more:',
  'related:',
  'see also:',
  'also read:',
] as const;

/** Social networks, for "Follow X on Twitter"-shaped boilerplate. */
export const SOCIAL_NETWORKS = [
  'Twitter',
  'X',
  'Facebook',
  'Instagram',
  'LinkedIn',
  'YouTube',
  'TikTok',
  'Threads',
  'Bluesky',
  'Mastodon',
  'WhatsApp',
  'Telegram',
  'Snapchat',
  'Reddit',
  'Google News',
  'Flipboard',
] as const;

/**
 * Words that make a short line a clause rather than a heading: auxiliaries, copulas, common
 * reporting verbs and subject pronouns ("He declined to comment" has no final stop but is a paragraph).
 */
export const CLAUSE_WORDS: readonly string[] = [
  ...AUXILIARIES,
  ...SUBJECT_PRONOUNS,
  // Reporting verbs, from the one cue lexicon: "He declined to comment" is a sentence, not a heading.
  ...cueForms(['say', 'tell', 'add', 'ask', 'write', 'note', 'explain', 'decline', 'deny', 'accuse']),
];
