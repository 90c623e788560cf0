/**
 * The small part of the DOM that the HTML reader uses, typed here because the project compiles
 * without the DOM lib; linkedom provides the implementation.
 */
import { parseHTML } from 'linkedom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

export interface DomNode {
  nodeType: number;
  nodeName: string;
  parentNode: DomNode | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  textContent: string | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface DomText extends DomNode {
  data: string;
}

export interface DomDocument {
  documentElement: DomElement | null;
  head: DomElement | null;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const isElement = (node: DomNode): node is DomElement => node.nodeType === ELEMENT_NODE;
export const isText = (node: DomNode): node is DomText =>
  node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;
export const tagOf = (el: DomElement): string => (el.tagName ?? '').toLowerCase();

/** Parse a whole page. */
export function parseDocument(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}

/** Parse a fragment into the body of an empty document. */
export function parseFragment(html: string): DomDocument {
  const document = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>')
    .document as unknown as DomDocument & { body: { innerHTML: string } };
  document.body.innerHTML = html;
  return document;
}

/** querySelectorAll that never throws (linkedom rejects some selectors) and returns an array. */
export function selectAll(root: DomDocument | DomElement, selector: string): DomElement[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** querySelector that never throws. */
export function selectOne(root: DomDocument | DomElement, selector: string): DomElement | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}
