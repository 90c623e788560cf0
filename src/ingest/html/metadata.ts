/**
 * Page metadata with where each value came from (`Sourced`): JSON-LD first, then OpenGraph and
 * other <meta> tags, then the document itself. Read before Readability runs (it removes scripts).
 */
import type { Message } from '../../model/schema.js';
import type { DocumentParts, Sourced } from '../types.js';
import { type DomDocument, type DomElement, selectAll, selectOne } from './dom.js';
import { normalizePublished } from '../published.js';

/** schema.org types whose headline, author and dates describe the article on the page. */
export const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'AskPublicNewsArticle', 'SatiricalArticle', 'BlogPosting',
  'LiveBlogPosting', 'SocialMediaPosting', 'DiscussionForumPosting', 'TechArticle', 'ScholarlyArticle', 'Report',
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

// A value that is a URL, not a name: "https://www.facebook.com/janedoe".
const URL_LIKE_RE = /^(?:https?:)?\/\/|^www\./i;
// A leading "By": "By Jane Doe", "BY JANE DOE".
const LEADING_BY_RE = /^by\s+/i;
// A BCP 47-ish language tag: "en", "en-GB", "pt_BR".
const LANGUAGE_RE = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i;
// A site-name suffix in <title>: "Labour rejects claims | CNBC", "Headline - The National".
const TITLE_SUFFIX_RE = /^(.*\S)\s+(?:\||–|—|-|::|·|•|»)\s+([^|–—·•»]{1,60})$/u;
// Named and numeric character references sometimes left in JSON-LD strings: "&amp;", "&#8217;".
const ENTITY_RE = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp|#39));/gi;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export interface PageMetadata extends Pick<DocumentParts, 'title' | 'byline' | 'published' | 'publisher' | 'url' | 'language'> {
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

const sourced = (value: string | null | undefined, from: string): Sourced<string> | null => {
  if (typeof value !== 'string') return null;
  const v = clean(decodeEntities(value));
  return v === '' ? null : { value: v, from };
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

/** Clean a byline: no leading "By", no URL, not too long. */
export function cleanByline(value: string | null | undefined, from: string): Sourced<string> | null {
  if (typeof value !== 'string') return null;
  const v = clean(decodeEntities(value)).replace(LEADING_BY_RE, '').trim();
  if (v === '' || URL_LIKE_RE.test(v) || v.length > DEFAULT_MAX_BYLINE_LENGTH) return null;
  return { value: v, from };
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
  const title = first<Sourced<string>>(
    () => sourced(ldString('headline'), 'json-ld:headline'),
    () => sourced(m('og:title'), 'meta:og:title'),
    () => {
      const t = titleElement?.textContent;
      return t ? sourced(stripTitleSuffix(t, siteName), 'html:title') : null;
    },
    () => sourced(selectOne(doc, 'h1')?.textContent, 'html:h1'),
  );

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
    return v ? { value: v, from } : null;
  };
  const published = first<Sourced<string>>(
    () => date(ldString('datePublished'), 'json-ld:datePublished'),
    () => date(m('article:published_time'), 'meta:article:published_time'),
    ...DATE_META_NAMES.map((name) => () => date(m(name), `meta:${name}`)),
    () => date(selectOne(doc, 'article time[datetime]')?.getAttribute('datetime'), 'html:time'),
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
      return lang && LANGUAGE_RE.test(lang) ? { value: lang.replace(/_/g, '-'), from: 'html:lang' } : null;
    },
    () => {
      const locale = m('og:locale')?.trim();
      return locale && LANGUAGE_RE.test(locale) ? { value: locale.replace(/_/g, '-'), from: 'meta:og:locale' } : null;
    },
  );

  const baseHref = selectOne(doc, 'base[href]')?.getAttribute('href');
  const baseUrl = absoluteUrl(baseHref, givenUrl) ?? givenUrl ?? url?.value ?? null;

  return { title, byline, published, publisher, url, language, baseUrl, messages };
}

/** The first <time datetime> inside `root` as a Sourced date, for pages whose metadata has no date. */
export function timeInArticle(root: DomElement | null): Sourced<string> | null {
  if (!root) return null;
  for (const el of selectAll(root, 'time[datetime]')) {
    const v = normalizePublished(el.getAttribute('datetime'));
    if (v) return { value: v, from: 'html:time' };
  }
  return null;
}
