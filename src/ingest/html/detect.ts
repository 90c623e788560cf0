/**
 * What kind of HTML is this? A whole page (has <html>, <head>, <body> or an HTML doctype) goes
 * through Readability; a fragment is walked directly. looksLikeHtml sniffs markup in a .txt file.
 */

// A whole page announces itself with a doctype or a document-level tag: "<!DOCTYPE html>", "<html lang=en>", "<body>".
const WHOLE_PAGE_RE = /<(?:!doctype\s+html|html|head|body)(?=[\s>/])[^>]*>/i;

/** True when `html` is a whole page rather than a fragment. */
export function isWholePage(html: string): boolean {
  return WHOLE_PAGE_RE.test(html);
}

/** Common HTML element names; sniffing only trusts these, so "<3" or "a <b> c" in prose do not count. */
const SNIFF_ELEMENTS =
  'a|abbr|article|aside|b|blockquote|body|br|caption|cite|code|div|em|figcaption|figure|footer|h[1-6]|head|header|hr|html|i|iframe|img|li|main|nav|ol|p|pre|q|s|script|section|small|span|strong|style|sub|sup|table|tbody|td|th|thead|time|tr|u|ul';

// A closing tag of a known element: "</a>", "</p>".
const CLOSING_TAG_RE = new RegExp(`</(?:${SNIFF_ELEMENTS})\\s*>`, 'i');
// An opening tag of a known element, bare or with attributes: "<p>", "<a href=\"/tags/x/\" target=\"_blank\">".
const OPENING_TAG_RE = new RegExp(`<(?:${SNIFF_ELEMENTS})(?:\\s+[\\w:-]+(?:\\s*=\\s*(?:"[^"]*"|'[^']*'|[^\\s"'<>=]+))?)*\\s*/?>`, 'i');
// A void element with an attribute or a self-closing slash: "<br/>", "<img src=\"x.jpg\">", "<hr />".
const VOID_TAG_RE = /<(?:br|hr|img|wbr)(?:\s+[\w:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/?>/i;
// A doctype or an HTML comment: "<!DOCTYPE html>", "<!-- … -->".
const DOCTYPE_OR_COMMENT_RE = /<!doctype\s+html|<!--[\s\S]*?-->/i;

/**
 * Does this text contain HTML markup? True for a whole page, for a known element's opening tag
 * together with a closing tag (seed 001: text with <a href=…>…</a>), for <br>/<img> tags, or for
 * a doctype/comment. False for prose with "<3", "a < b" or "x<y>z".
 */
export function looksLikeHtml(text: string): boolean {
  if (typeof text !== 'string') return false;
  if (WHOLE_PAGE_RE.test(text) || DOCTYPE_OR_COMMENT_RE.test(text)) return true;
  if (OPENING_TAG_RE.test(text) && CLOSING_TAG_RE.test(text)) return true;
  return VOID_TAG_RE.test(text);
}
