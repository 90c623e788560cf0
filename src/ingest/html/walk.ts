/**
 * Walks a DOM subtree (iteratively: no recursion, so depth is not a problem) and builds the
 * article text, blocks and links with the TextBuilder. Block kinds come from the element that
 * opened the block (h1–h6, figcaption, li, td, pre) and otherwise from classifyBlock.
 */
import type { Block, Link } from '../../model/schema.js';
import { classifyBlock, type BlockClass } from '../blocks.js';
import { type DomElement, type DomNode, isElement, isText, tagOf } from './dom.js';
import { believedSignals, elementSignal } from './furniture.js';
import { type BlockHint, type BlockSignal, TextBuilder } from './text-builder.js';

/** Elements whose content is never article text. */
const DROPPED_ELEMENTS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math', 'object', 'embed', 'canvas', 'audio',
  'video', 'head', 'title', 'meta', 'link', 'base', 'button', 'select', 'option', 'textarea', 'input', 'map',
]);

/** Elements that start and end a block. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'xmp',
]);

const OWN_HINTS: Record<string, BlockHint> = {
  h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
  figcaption: 'caption',
  li: 'list-item', dt: 'list-item', dd: 'list-item',
  td: 'cell', th: 'cell',
  pre: 'preformatted', listing: 'preformatted', xmp: 'preformatted',
};

// Inline styles that hide an element: "display:none", "visibility: hidden".
const HIDDEN_STYLE_RE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
// Links that are not links: "javascript:void(0)".
const NON_LINK_HREF_RE = /^\s*(?:javascript|vbscript|data):/i;

export interface WalkOptions {
  /** Base URL to resolve relative hrefs against, when known. */
  baseUrl?: string | null;
  /** Treat a blank line in text outside any block element as a block break (fragments saved as text). */
  splitOnBlankLines?: boolean;
  /**
   * Read what the markup says of blocks (whole pages): class and id words of site furniture, captions and credits,
   * `<figure>`, and short blocks that are all link (menus, related lists).
   */
  markupSignals?: boolean;
}

/** A short block this much of whose characters are link text is a menu entry or a related-article link. */
export const DEFAULT_LINK_LIST_SHARE = 0.8;
/** …when it has at most this many words (a linked sentence in prose is longer). */
export const DEFAULT_LINK_LIST_MAX_WORDS = 15;

/** `html/link-dense`: a short block that is almost all link text ("Home", "Fans really want The Doobie Brothers…"). */
function isLinkList(text: string, start: number, end: number, links: readonly { start: number; end: number }[]): boolean {
  // A written-out address is a reference the article lists, not a menu entry.
  if (text.split(/\s+/).length > DEFAULT_LINK_LIST_MAX_WORDS || /^(?:https?:\/\/|www\.)\S+$/i.test(text)) return false;
  let linked = 0;
  for (const l of links) if (l.end > start && l.start < end) linked += Math.min(end, l.end) - Math.max(start, l.start);
  return linked >= DEFAULT_LINK_LIST_SHARE * (end - start);
}

export interface WalkResult {
  text: string;
  blocks: Block[];
  links: Link[];
}

/** Resolve an href against a base URL; keeps it as written when it cannot be resolved. */
export function resolveHref(href: string, base: string | null | undefined): string {
  const trimmed = href.trim();
  try {
    return base ? new URL(trimmed, base).href : new URL(trimmed).href;
  } catch {
    return trimmed;
  }
}

function isHidden(el: DomElement): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE_RE.test(style);
}

/** Kind and rule of one built block. */
function classify(text: string, hint: BlockHint): BlockClass {
  switch (hint) {
    case 'heading':
      return { kind: 'heading', rule: 'html/heading' };
    case 'caption': {
      // A figcaption that is only a credit ("Brian Snyder | Reuters") is a credit.
      const c = classifyBlock(text);
      return c.kind === 'credit' ? c : { kind: 'caption', rule: 'html/figcaption' };
    }
    case 'preformatted':
      return { kind: 'paragraph', rule: 'html/pre' };
    case 'list-item':
    case 'cell': {
      // Short list items and table cells are not section headings.
      const c = classifyBlock(text);
      return c.kind === 'heading' ? { kind: 'paragraph', rule: hint === 'cell' ? 'html/table-cell' : 'html/list-item' } : c;
    }
    default:
      return classifyBlock(text);
  }
}

interface Context {
  el: DomNode;
  hint: BlockHint;
  /** Signals of this element and its ancestors, outermost first. */
  signals: readonly BlockSignal[];
}

/** Build text, blocks and links from the children of `root`. */
export function walkToText(root: DomNode, options: WalkOptions = {}): WalkResult {
  const builder = new TextBuilder();
  const contexts: Context[] = [{ el: root, hint: null, signals: [] }];
  const top = (): Context => contexts[contexts.length - 1] ?? { el: root, hint: null, signals: [] };
  let elements = 0;
  const readSignals = options.markupSignals ?? false;
  const linkElements = new Set<DomNode>();

  /** Returns whether to descend into the element. */
  const enter = (el: DomElement): boolean => {
    const tag = tagOf(el);
    if (DROPPED_ELEMENTS.has(tag) || isHidden(el)) return false;
    if (tag === 'br') {
      builder.lineBreak(top().hint, top().signals);
      return false;
    }
    if (BLOCK_ELEMENTS.has(tag)) {
      builder.endBlock(top().hint, top().signals);
      const signal = readSignals ? elementSignal(el, tag, elements++) : null;
      contexts.push({ el, hint: OWN_HINTS[tag] ?? top().hint, signals: signal ? [...top().signals, signal] : top().signals });
    } else if (tag === 'a') {
      const href = el.getAttribute('href');
      if (href !== null && href.trim() !== '' && !NON_LINK_HREF_RE.test(href)) {
        builder.openLink(resolveHref(href, options.baseUrl));
        linkElements.add(el);
      }
    }
    return true;
  };

  const leave = (el: DomNode): void => {
    if (linkElements.has(el)) {
      builder.closeLink();
      linkElements.delete(el);
    } else if (top().el === el) {
      builder.endBlock(top().hint, top().signals);
      contexts.pop();
    }
  };

  const text = (data: string): void => {
    const { hint } = top();
    const preformatted = hint === 'preformatted';
    if (options.splitOnBlankLines && contexts.length === 1 && !preformatted) {
      const pieces = data.split(/\r?\n[^\S\r\n]*\r?\n\s*/u);
      pieces.forEach((piece, i) => {
        if (i > 0) builder.endBlock(hint, top().signals);
        builder.text(piece);
      });
      return;
    }
    builder.text(data, preformatted);
  };

  let node: DomNode | null = root.firstChild;
  while (node) {
    let descend = false;
    if (isElement(node)) descend = enter(node);
    else if (isText(node)) text((node as DomNode & { data: string }).data ?? '');
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (descend) leave(node);
    // Move to the next node in document order, leaving every element we climb out of.
    while (node) {
      const next: DomNode | null = node.nextSibling;
      if (next) {
        node = next;
        break;
      }
      const parent: DomNode | null = node.parentNode;
      if (!parent || parent === root) {
        node = null;
        break;
      }
      leave(parent);
      node = parent;
    }
  }
  builder.endBlock(top().hint, top().signals);

  const out = builder.toString();
  const links = builder.links.map(({ start, end, href }) => ({ start, end, href }));
  // The outermost believed signal: a caption's credit inside a share bar is still the share bar's.
  const signals = believedSignals(builder.blocks);
  const blocks: Block[] = builder.blocks.map(({ start, end, hint }, k) => {
    const signal = signals[k];
    const text = out.slice(start, end);
    const own = classify(text, hint);
    if (own.kind !== 'paragraph' && own.kind !== 'heading') return { start, end, ...own };
    if (signal) return { start, end, kind: signal.kind, rule: signal.rule };
    if (readSignals && isLinkList(text, start, end, links)) return { start, end, kind: 'boilerplate', rule: 'html/link-dense' };
    return { start, end, ...own };
  });
  return { text: out, blocks, links };
}
