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
  'also on',
  'filed under',
  'posted on',
  'posted by',
  'this post may contain',
  'have a tip',
  'got a tip',
  'get the latest',
  'like this story',
  'this website uses cookies',
  'we use cookies',
  'by using this site',
  "don't miss",
  'more great',
  'related news',
  'related post',
  'related posts',
  'you may also like',
  'you might also like',
  'tell us what you think',
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

/**
 * Class and id words (split at spaces, hyphens, underscores and case changes, lower-cased) that mark an element of
 * a page as site furniture rather than the article: share bars, related lists, bylines and datelines, newsletter
 * boxes, comments, ads. A block inside such an element is boilerplate (rule `html/class-<word>`).
 */
export const FURNITURE_CLASS_WORDS = [
  'share', 'shares', 'sharing', 'social', 'follow', 'subscribe', 'subscription', 'signup', 'newsletter', 'paywall',
  'cookie', 'cookies', 'consent', 'gdpr', 'breadcrumb', 'breadcrumbs', 'pagination', 'pager', 'sidebar', 'widget',
  'menu', 'nav', 'navbar', 'navigation', 'skip', 'toolbar', 'utility', 'disclaimer', 'copyright', 'author', 'authors',
  'bio', 'byline', 'contributor', 'dateline', 'timestamp', 'date', 'meta', 'related', 'recirc', 'recommended',
  'trending', 'popular', 'readmore', 'comment', 'comments', 'disqus', 'ad', 'ads', 'advert', 'advertisement',
  'adsense', 'dfp', 'sponsor', 'sponsored', 'promo', 'outbrain', 'taboola', 'tags', 'tag', 'footer', 'sr', 'hidden',
  'print', 'rating', 'ratings',
] as const;

/** Class and id words of a caption's element (rule `html/class-caption`). */
export const CAPTION_CLASS_WORDS = ['caption', 'captions', 'figcaption', 'wp-caption-text'] as const;

/** Class and id words of a photo credit's element (rule `html/class-credit`). */
export const CREDIT_CLASS_WORDS = ['credit', 'credits', 'photographer', 'attribution'] as const;

/**
 * Whole blocks that are site furniture (compared lower-case, a trailing colon, period or ellipsis aside): menu
 * entries, labels of widgets, links to comments.
 */
export const FURNITURE_BLOCKS = [
  'skip to content', 'skip to main content', 'advert', 'advertisement', 'ad', 'subscribe', 'sign in', 'log in',
  'login', 'register', 'comments', 'comment', 'post comment', 'post comment (+)', 'leave a comment', 'home', 'menu',
  'search', 'share', 'print', 'email', 'close', 'caption', 'you may also like', 'more stories', 'more from',
  'latest news', 'breaking news', 'recent articles', 'recent posts', 'popular this week', 'most popular',
  'tell us what you think', 'view author archive', 'email the author', 'this slideshow requires javascript',
  'continue reading below', 'continue reading', 'show comments', 'hide caption', 'toggle caption', 'next', 'previous',
  'back to top', 'top stories', 'trending', 'watch', 'listen', 'by',
] as const;

/** Words a dateline is made of, besides numbers: "Updated Nov 19, 6:55 AM; Posted Nov 18", "Published 1 day ago". */
export const DATELINE_WORDS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thurs',
  'fri', 'sat', 'sun', 'am', 'pm', 'a', 'm', 'p', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'gmt', 'utc',
  'bst', 'cet', 'cest', 'ist', 'et', 'pt', 'updated', 'posted', 'published', 'first', 'last', 'modified', 'on', 'at',
  'ago', 'day', 'days', 'hour', 'hours', 'minute', 'minutes', 'min', 'mins', 'read', 'time', 'reading', 'of', 'the',
  'st', 'nd', 'rd', 'th', 'today', 'yesterday',
] as const;
