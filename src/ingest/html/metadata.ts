/**
 * Page metadata with where each value came from (`Sourced`): JSON-LD first, then OpenGraph and
 * other <meta> tags, then the document itself. Read before Readability runs (it removes scripts).
 */
import type { Message } from '../../model/schema.js';
import type { DocumentParts, Sourced } from '../types.js';
import { type DomDocument, type DomElement, selectAll, selectOne } from './dom.js';
import { classWords } from './furniture.js';
import { normalizePublished } from '../published.js';
import { confidenceOf } from '../metadata-confidence.js';

/** schema.org types whose headline, author and dates describe the article on the page. */
export const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'AskPublicNewsArticle', 'SatiricalArticle', 'BlogPosting',
  'LiveBlogPosting', 'SocialMediaPosting', 'DiscussionForumPosting', 'TechArticle', 'ScholarlyArticle', 'Report',
  'ClaimReview',
]);

/** JSON-LD documents can be large graphs; stop looking for articles after this many objects. */
export const DEFAULT_MAX_JSON_LD_NODES = 10_000;
/** Longer "names" are not bylines but prose. */
export const DEFAULT_MAX_BYLINE_LENGTH = 200;

// <meta> names that carry a publication date: "date", "pubdate", "DC.date.issued", "parsely-pub-date".
const DATE_META_NAMES = [
  'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'dc.date', 'dc.date.issued', 'dcterms.date',
  'dcterms.issued', 'dcterms.created', 'datepublished', 'og:published_time', 'sailthru.date', 'parsely-pub-date',
] as const;

// <meta> names that carry a modification date.
const MODIFIED_META_NAMES = ['og:updated_time', 'last-modified', 'dcterms.modified', 'datemodified', 'parsely-updated'] as const;
// <meta> names that carry the site's section.
const SECTION_META_NAMES = ['article:section', 'section', 'parsely-section', 'category', 'og:section'] as const;
// A date in a page's address: "/2019/11/19/", "/2019-11-19-".
const URL_DATE_RE = /\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/-]|$)/;

// Other <meta> keys naming a publication date: "sn-post-date", "article.published", "publication_date".
const GENERIC_DATE_META_RE = /(?:^|[-_.:])(?:pub(?:lish(?:ed)?|lication)?[-_.]?date|post(?:ed)?[-_.]?date|date[-_.]?pub(?:lished)?|published)$/;
// Elements whose class may say they hold the publication date as text (checked word by word: DATE_CLASS_WORDS).
const DATE_ELEMENT_SELECTOR = '[class*="date"], [class*="publish"], [class*="posted"], [class*="timestamp"], [itemprop="datePublished"]';
const DATE_CLASS_WORDS: ReadonlySet<string> = new Set(['date', 'pubdate', 'published', 'publish', 'posted', 'postdate', 'dateline', 'timestamp', 'datepublished']);
// …but not in the lists of other stories, tweets or comments beside the article.
const ELSEWHERE_RE = /related|recommend|trending|popular|more-stories|sidebar|comment|tweet|widget|update/i;

/**
 * `html:date-text`: the first element whose class says it holds the publication date ("article-publish-date") and
 * whose text is a full date ("November 19, 2019, 9:02 AM"); for pages that state no date for machines.
 */
function dateText(doc: DomDocument): Sourced<string> | null {
  for (const el of selectAll(doc, DATE_ELEMENT_SELECTOR)) {
    const cls = el.getAttribute('class') ?? '';
    if (ELSEWHERE_RE.test(cls) || (el.getAttribute('itemprop') !== 'datePublished' && !classWords(el).some((w) => DATE_CLASS_WORDS.has(w)))) continue;
    const text = clean(el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent ?? '').replace(/^(?:published|posted|updated|on)\s*:?\s*/i, '');
    const v = text.length <= 60 ? normalizePublished(text) : null;
    if (v) return withSource(v.slice(0, 10), 'html:date-text');
  }
  return null;
}

// Elements whose class, rel or itemprop may say they hold the byline; their class words must say so (BYLINE_CLASS_WORDS).
const BYLINE_ELEMENT_SELECTOR = '[class*="byline"], [class*="author"], [rel="author"], [itemprop="author"]';
const BYLINE_CLASS_WORDS: ReadonlySet<string> = new Set(['byline', 'author', 'authors']);
// …not an author box about the writer, a comment's author or another story's.
const NOT_BYLINE_RE = /comment|related|recommend|bio|about|avatar|widget|popular|trending/i;
/** Words a byline that names no person (a wire credit) may have. */
const DEFAULT_CREDIT_BYLINE_WORDS = 6;
/** Longest element text read as a byline. */
const DEFAULT_BYLINE_ELEMENT_MAX_LENGTH = 120;

/**
 * `html:byline`: the first element marked as the byline or author ("byline-section", `rel="author"`) whose text,
 * cleaned (no "By", no date after the names), is a short run of names; for pages that state no author for machines.
 */
export function bylineText(doc: DomDocument): Sourced<string> | null {
  for (const el of selectAll(doc, BYLINE_ELEMENT_SELECTOR)) {
    const cls = el.getAttribute('class') ?? '';
    if (NOT_BYLINE_RE.test(cls)) continue;
    if (el.getAttribute('rel') !== 'author' && el.getAttribute('itemprop') !== 'author' && !classWords(el).some((w) => BYLINE_CLASS_WORDS.has(w))) continue;
    const text = clean(el.textContent ?? '');
    if (!text || text.length > DEFAULT_BYLINE_ELEMENT_MAX_LENGTH) continue;
    const b = cleanByline(text, 'html:byline');
    // Names ("Tom Davies"), or a short credit of its own ("Detroit News wire services").
    if (b && (bylineNames(b.value).length > 0 || (/^\p{Lu}/u.test(b.value) && b.value.split(/\s+/).length <= DEFAULT_CREDIT_BYLINE_WORDS))) return b;
  }
  return null;
}

/**
 * `title/vote`: the headline most of the page's statements of it agree on (JSON-LD, og:title, <title>, the first
 * <h1>, compared without case and punctuation); a tie goes to the one the reader sees (the <h1>), then to the
 * order above. A JSON-LD or og headline written for search or sharing ("Taylor Swift's AMA row seems to be over")
 * loses to the page's own when <title> and <h1> agree on another.
 */
function chooseTitle(candidates: ReadonlyArray<Sourced<string> | null>): Sourced<string> | null {
  const present = candidates.filter((c): c is Sourced<string> => c !== null);
  const keys = present.map((c) => squash(c.value));
  const h1 = present.findIndex((c) => c.from === 'html:h1');
  let best: { c: Sourced<string>; support: number; seen: boolean } | null = null;
  present.forEach((c, i) => {
    const support = keys.filter((k, j) => j !== i && k === keys[i]).length;
    const seen = h1 >= 0 && keys[h1] === keys[i];
    if (!best || support > best.support || (support === best.support && support > 0 && seen && !best.seen)) best = { c, support, seen };
  });
  return best === null ? null : (best as { c: Sourced<string> }).c;
}

// A full date as pages print it: "2018-08-25 15:24", "2019.11.19", "November 19, 2019", "19 Nov 2019".
const PRINTED_DATE_RE = /\b(?:(?:19|20)\d{2}[-./](?:0?[1-9]|1[0-2])[-./](?:0?[1-9]|[12]\d|3[01])|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d{2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d{2})\b/;
/** Characters of text after the headline searched for its date. */
const DEFAULT_DATE_AFTER_TITLE = 300;

/**
 * `html:date-near-title`: the first full date printed within a few lines after the headline in the page's body
 * ("기사입력 :[ 2018-08-25 15:24 ]" under the title): where news pages print the date, for pages that state none
 * for machines and mark none by class.
 */
function dateNearTitle(html: string, title: string): Sourced<string> | null {
  const text = textAfterTitle(html, title);
  const m = text ? PRINTED_DATE_RE.exec(text) : null;
  const v = m ? normalizePublished(m[0].replace(/\./g, m[0].includes(' ') ? '' : '-')) : null;
  return v ? withSource(v.slice(0, 10), 'html:date-near-title') : null;
}

// "by Admin", "By Jane Doe": a byline printed as text.
// (The names stay on one line of the page: "\n" is where an element ended.)
const PRINTED_BYLINE_RE = /\b[Bb]y (\p{Lu}[\p{L}\p{M}.'’-]*(?: \p{Lu}[\p{L}\p{M}.'’-]*){0,3})/u;

/** The text printed within a few lines after the headline in the page's body (markup and scripts left out). */
function textAfterTitle(html: string, title: string): string | null {
  // The headline as an element's text (after a ">"), past the <head>: not a <title> or an attribute's value.
  // Words of the title apart by any space as pages write it (a no-break space, "&nbsp;").
  const words = title.split(/\s+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!words.length) return null;
  const re = new RegExp(`>\\s*${words.join('(?:\\s|&nbsp;|&#160;|\\u00a0)+')}`, 'g');
  const head = html.search(/<\/head\s*>/i);
  re.lastIndex = Math.max(0, head);
  const m = re.exec(html);
  if (!m) return null;
  const after = m.index + m[0].length;
  return html.slice(after, after + 20 * DEFAULT_DATE_AFTER_TITLE)
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, '\n').replace(/[^\S\n]+/g, ' ').replace(/\s*\n\s*/g, '\n').slice(0, DEFAULT_DATE_AFTER_TITLE);
}

/** `html:byline-near-title`: "… Maret 30, 2015 by Admin" printed under the headline, for pages that mark no byline. */
export function bylineNearTitle(html: string, title: string): Sourced<string> | null {
  const text = textAfterTitle(html, title);
  const m = text ? PRINTED_BYLINE_RE.exec(text) : null;
  return m ? cleanByline(m[1]!, 'html:byline-near-title') : null;
}

/** The brand in a page's host: "thehill" for https://thehill.com/…, "sportsnet" for www.sportsnet.ca. */
function hostBrand(url: string | null): string | null {
  if (!url) return null;
  const parts = new URL(url).hostname.replace(/^www\d?\./, '').split('.');
  return parts.length > 1 ? parts.slice(0, -1).join('.') : parts[0] ?? null;
}

const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * "South Dakota governor doubles down … | TheHill" → without " | TheHill": a title ends with its site's name (og
 * site name, publisher, or the host's brand, compared without case, spaces and punctuation) after a separator.
 */
export function stripSiteName(title: string, sites: ReadonlyArray<string | null>): string {
  const m = /^(.*\S)\s+(?:\||–|—|-|::|·|•|»|:)\s+([^|–—·•»]{1,60})$/u.exec(title);
  if (!m) return title;
  const tail = squash(m[2]!);
  const known = sites.filter((x): x is string => !!x).map(squash).filter((x) => x.length >= 3);
  return tail && known.some((site) => tail === site || tail.startsWith(site) || site.startsWith(tail)) ? m[1]! : title;
}

/** `url:date`: the publication date a page's address states. */
function urlDate(url: string | null | undefined): Sourced<string> | null {
  const m = url ? URL_DATE_RE.exec(new URL(url).pathname) : null;
  return m ? withSource(`${m[1]}-${m[2]}-${m[3]}`, 'url:date') : null;
}

// A value that is a URL, not a name: "https://www.facebook.com/janedoe".
const URL_LIKE_RE = /^(?:https?:)?\/\/|^www\./i;
// A leading "By" or label: "By Jane Doe", "BY JANE DOE", "Text: …", "Author: …" (and their equivalents elsewhere).
const LEADING_BY_RE = /^(?:by|von|por|par|di|door|av|af)\s+|^(?:by|text|words|author|authors|reporter|autor|auteur|texto|текст|автор)\s*:\s*/iu;
// A BCP 47-ish language tag: "en", "en-GB", "pt_BR".
const LANGUAGE_RE = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i;
// A site-name suffix in <title>: "Labour rejects claims | CNBC", "Headline - The National".
const TITLE_SUFFIX_RE = /^(.*\S)\s+(?:\||–|—|-|::|·|•|»)\s+([^|–—·•»]{1,60})$/u;
// Named and numeric character references sometimes left in JSON-LD strings: "&amp;", "&#8217;".
const ENTITY_RE = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp|#39));/gi;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export interface PageMetadata extends Pick<DocumentParts, 'title' | 'byline' | 'published' | 'publisher' | 'url' | 'language' | 'modified' | 'section' | 'authors'> {
  /** The URL to resolve relative links against: <base href>, the given URL, or the canonical URL. */
  baseUrl: string | null;
  messages: Message[];
}

const clean = (s: string): string => s.replace(/\s+/gu, ' ').trim();

function decodeEntities(s: string): string {
  return s.replace(ENTITY_RE, (whole, dec?: string, hex?: string, name?: string) => {
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : NaN;
    if (!Number.isNaN(code)) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    const key = (name ?? '').toLowerCase();
    return key === '#39' ? "'" : (NAMED_ENTITIES[key] ?? whole);
  });
}

/** A value with its source and that source's confidence. */
export const withSource = (value: string, from: string): Sourced<string> => ({ value, from, confidence: confidenceOf(from) });

const sourced = (value: string | null | undefined, from: string): Sourced<string> | null => {
  if (typeof value !== 'string') return null;
  const v = clean(decodeEntities(value));
  return v === '' ? null : withSource(v, from);
};

const first = <T>(...candidates: (() => T | null)[]): T | null => {
  for (const c of candidates) {
    const v = c();
    if (v !== null) return v;
  }
  return null;
};

/** Absolute http(s) URL or null. */
function absoluteUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  if (!href || href.trim() === '') return null;
  try {
    const u = base ? new URL(href.trim(), base) : new URL(href.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** All <meta> values by lower-cased property / name / itemprop; the first occurrence wins. */
function metaMap(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of selectAll(doc, 'meta')) {
    const content = meta.getAttribute('content');
    if (content === null) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content);
    }
  }
  return map;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parse JSON-LD leniently: CDATA wrappers, comments and raw control characters are common. */
function parseJsonLd(text: string): Json | undefined {
  const attempts = [
    text,
    text
      .replace(/^\s*(?:<!--|<!\[CDATA\[|\/\/\s*<!\[CDATA\[)/, '')
      .replace(/(?:-->|\]\]>|\/\/\s*\]\]>)\s*$/, '')
      .replace(/[\u0000-\u001f]+/g, ' ')
      .replace(/;\s*$/, ''),
  ];
  for (const attempt of attempts) {
    try {
      return JSON.parse(attempt) as Json;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

/** Article-typed objects anywhere in the JSON-LD values (arrays, @graph, nested mainEntity), in order. */
function findArticles(roots: Json[], maxNodes: number): JsonObject[] {
  const found: JsonObject[] = [];
  const stack: Json[] = [...roots].reverse();
  let seen = 0;
  while (stack.length > 0 && seen++ < maxNodes) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i] ?? null);
    } else if (isObject(v)) {
      const type = v['@type'];
      const types = Array.isArray(type) ? type : [type];
      if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, '')))) {
        found.push(v);
      }
      const values = Object.values(v);
      for (let i = values.length - 1; i >= 0; i--) {
        const child = values[i];
        if (typeof child === 'object' && child !== null) stack.push(child);
      }
    }
  }
  return found;
}

/** Names from a schema.org person/organisation value: "Jane Doe", {name}, or an array of these. */
function names(v: Json | undefined): string[] {
  const out: string[] = [];
  const items = Array.isArray(v) ? v : [v];
  for (const item of items) {
    const name = typeof item === 'string' ? item : isObject(item) ? item['name'] : undefined;
    const n = typeof name === 'string' ? clean(decodeEntities(name)) : Array.isArray(name) && typeof name[0] === 'string' ? clean(name[0]) : '';
    if (n !== '' && !URL_LIKE_RE.test(n) && !out.includes(n)) out.push(n);
  }
  return out;
}

/** Clean a byline: no leading "By", no URL, no date or time after the names, not too long. */
export function cleanByline(value: string | null | undefined, from: string): Sourced<string> | null {
  if (typeof value !== 'string') return null;
  let v = clean(decodeEntities(value)).replace(LEADING_BY_RE, '').trim();
  // "Regan September 15, 2014", "Jane Doe | Updated 6:55 AM": the names end where a date, a time or a bar begins.
  v = v.replace(BYLINE_TAIL_RE, '').replace(/[\s,;|·•–—-]+$/u, '').trim();
  if (v === '' || URL_LIKE_RE.test(v) || v.length > DEFAULT_MAX_BYLINE_LENGTH || !/\p{L}/u.test(v)) return null;
  return withSource(v, from);
}

// Where a byline's names end: a month, a weekday, "Updated", "Published", a number, a bar.
const BYLINE_TAIL_RE = /\s*(?:[|·•]|(?:\b|(?<=[a-z]))(?:Updated|Published|Posted|updated|published|posted|UPDATED|PUBLISHED|POSTED)\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b,?\s|\d).*$/iu;
// Words of a role, not a name, after a comma in a byline: "Tom Krisher, AP Auto Writer".
const ROLE_WORD_RE = /\b(?:writer|editor|reporter|correspondent|staff|columnist|contributor|producer|journalist|analyst|chief|senior|deputy|bureau|desk|team|news|press|associated|for|the)\b/iu;

/**
 * The names in a byline, one per author: split at commas, "and", "&"; a part that is a role ("AP Auto Writer",
 * "Staff") or an outlet is left out. "Jane Doe and John Roe, Reuters" → ["Jane Doe", "John Roe"] when Reuters is
 * the outlet given; else it stays a name.
 */
export function bylineNames(byline: string, publisher?: string | null): string[] {
  const out: string[] = [];
  for (const part of byline.split(/\s*(?:,|;|\band\b|&|\/)\s*/iu)) {
    const p = part.trim();
    if (!p || !/^\p{Lu}/u.test(p) || p.split(/\s+/).length > 5) continue;
    if (ROLE_WORD_RE.test(p) || (publisher && p.toLowerCase() === publisher.toLowerCase())) continue;
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

/** "Headline | Site" → "Headline" when the headline is the longer part. */
export function stripTitleSuffix(title: string, siteName?: string | null): string {
  const t = clean(title);
  if (siteName) {
    const site = clean(siteName);
    for (const sep of [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' • ', ' » ']) {
      if (t.endsWith(sep + site) && t.length > (sep + site).length) return t.slice(0, t.length - (sep + site).length).trim();
    }
  }
  const m = TITLE_SUFFIX_RE.exec(t);
  if (m && m[1] && m[2] && m[1].length > m[2].length) return m[1];
  return t;
}

export interface MetadataOptions {
  url?: string;
  /** The page's markup, for the date printed under the headline (`html:date-near-title`). */
  html?: string;
  maxJsonLdNodes?: number;
}

/** Read title, byline, date, publisher, URL and language from a parsed page. Never throws. */
export function readMetadata(doc: DomDocument, options: MetadataOptions = {}): PageMetadata {
  const messages: Message[] = [];
  const meta = metaMap(doc);
  const m = (key: string): string | null => meta.get(key) ?? null;

  const roots: Json[] = [];
  selectAll(doc, 'script').forEach((script, i) => {
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    if (!type.startsWith('application/ld+json')) return;
    const parsed = parseJsonLd(script.textContent ?? '');
    if (parsed === undefined) {
      messages.push({
        code: 'json-ld-malformed',
        severity: 'info',
        reason: `ignored JSON-LD block ${i + 1}: not valid JSON`,
        rule: 'html/json-ld',
      });
    } else roots.push(parsed);
  });
  const articles = findArticles(roots, options.maxJsonLdNodes ?? DEFAULT_MAX_JSON_LD_NODES);
  const fromLd = (key: string): Json | undefined => articles.find((a) => a[key] !== undefined && a[key] !== null)?.[key];
  const ldString = (key: string): string | null => {
    const v = fromLd(key);
    return typeof v === 'string' ? v : null;
  };

  const siteName = m('og:site_name');
  const titleElement = selectOne(doc, 'title');
  const givenUrlEarly = absoluteUrl(options.url, null);
  const pageUrl = absoluteUrl(selectOne(doc, 'link[rel="canonical"]')?.getAttribute('href'), givenUrlEarly) ?? absoluteUrl(m('og:url'), givenUrlEarly) ?? givenUrlEarly;
  // The site's names a title may end with: its og:site_name, its JSON-LD publisher, its host ("TheHill" for thehill.com).
  const sites = [siteName, names(fromLd('publisher'))[0] ?? null, hostBrand(pageUrl)];
  const titled = (value: string | null | undefined, from: string): Sourced<string> | null => sourced(value ? stripSiteName(clean(decodeEntities(value)), sites) : value, from);
  const h1 = selectAll(doc, 'h1').map((el) => clean(el.textContent ?? '')).find((t) => t !== '') ?? null;
  const title = chooseTitle([
    titled(ldString('headline'), 'json-ld:headline'),
    titled(m('og:title'), 'meta:og:title'),
    titleElement?.textContent ? sourced(stripTitleSuffix(stripSiteName(clean(titleElement.textContent), sites), siteName), 'html:title') : null,
    sourced(h1, 'html:h1'),
  ]);

  const byline = first<Sourced<string>>(
    () => {
      const n = names(fromLd('author'));
      return n.length > 0 ? cleanByline(n.join(', '), 'json-ld:author') : null;
    },
    () => cleanByline(m('author'), 'meta:author'),
    () => cleanByline(m('article:author'), 'meta:article:author'),
  );

  const date = (value: string | null | undefined, from: string): Sourced<string> | null => {
    const v = normalizePublished(value);
    return v ? withSource(v, from) : null;
  };
  const published = first<Sourced<string>>(
    () => date(ldString('datePublished'), 'json-ld:datePublished'),
    () => date(m('article:published_time'), 'meta:article:published_time'),
    ...DATE_META_NAMES.map((name) => () => date(m(name), `meta:${name}`)),
    () => {
      for (const [key, value] of meta) if (GENERIC_DATE_META_RE.test(key)) { const d = date(value, `meta:${key}`); if (d) return d; }
      return null;
    },
    () => date(selectOne(doc, 'article time[datetime]')?.getAttribute('datetime'), 'html:time'),
  );
  const modified = first<Sourced<string>>(
    () => date(ldString('dateModified'), 'json-ld:dateModified'),
    () => date(m('article:modified_time'), 'meta:article:modified_time'),
    ...MODIFIED_META_NAMES.map((name) => () => date(m(name), `meta:${name}`)),
  );
  const section = first<Sourced<string>>(
    () => {
      const v = fromLd('articleSection');
      const text = typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : null;
      return sourced(text, 'json-ld:articleSection');
    },
    ...SECTION_META_NAMES.map((name) => () => sourced(m(name), `meta:${name}`)),
  );

  const publisher = first<Sourced<string>>(
    () => {
      const n = names(fromLd('publisher'));
      return n[0] ? sourced(n[0], 'json-ld:publisher') : null;
    },
    () => sourced(siteName, 'meta:og:site_name'),
    () => sourced(m('application-name'), 'meta:application-name'),
  );

  const givenUrl = absoluteUrl(options.url, null);
  const url = first<Sourced<string>>(
    () => sourced(absoluteUrl(selectOne(doc, 'link[rel="canonical"]')?.getAttribute('href'), givenUrl), 'link:canonical'),
    () => sourced(absoluteUrl(m('og:url'), givenUrl), 'meta:og:url'),
    () => sourced(givenUrl, 'option:url'),
  );

  const language = first<Sourced<string>>(
    () => {
      const lang = doc.documentElement?.getAttribute('lang')?.trim();
      return lang && LANGUAGE_RE.test(lang) ? withSource(lang.replace(/_/g, '-'), 'html:lang') : null;
    },
    () => {
      const locale = m('og:locale')?.trim();
      return locale && LANGUAGE_RE.test(locale) ? withSource(locale.replace(/_/g, '-'), 'meta:og:locale') : null;
    },
  );

  const baseHref = selectOne(doc, 'base[href]')?.getAttribute('href');
  const baseUrl = absoluteUrl(baseHref, givenUrl) ?? givenUrl ?? url?.value ?? null;

  // A page that states no date but has one in its address: /2019/11/19/, /2019-11-19-.
  const datedUrl = published ?? first<Sourced<string>>(
    ...[url?.value, givenUrl].map((u) => () => urlDate(u)),
    () => dateText(doc),
    () => (options.html && title ? dateNearTitle(options.html, title.value) : null),
  );
  // `byline/fuller-on-page`: the page's byline naming everyone the metadata names, and more ("By Stefan Becket,
  // Kathryn Watson, Grace Segers" where JSON-LD gives the first): the metadata left co-authors out.
  let fullByline = byline;
  if (byline) {
    const onPage = bylineText(doc);
    const stated = bylineNames(byline.value, publisher?.value);
    const shown = onPage ? bylineNames(onPage.value, publisher?.value) : [];
    if (onPage && stated.length && shown.length > stated.length && stated.every((n) => shown.some((x) => squash(x) === squash(n)))) fullByline = onPage;
  }
  const ldAuthors = names(fromLd('author'));
  const authors = fullByline && fullByline !== byline ? bylineNames(fullByline.value, publisher?.value)
    : ldAuthors.length ? ldAuthors.flatMap((n) => bylineNames(n, publisher?.value)) : byline ? bylineNames(byline.value, publisher?.value) : [];

  return { title, byline: fullByline, published: datedUrl, publisher, url, language, modified, section, authors, baseUrl, messages };
}

/** The first <time datetime> inside `root` as a Sourced date, for pages whose metadata has no date. */
export function timeInArticle(root: DomElement | null): Sourced<string> | null {
  if (!root) return null;
  for (const el of selectAll(root, 'time[datetime]')) {
    const v = normalizePublished(el.getAttribute('datetime'));
    if (v) return withSource(v, 'html:time');
  }
  return null;
}
