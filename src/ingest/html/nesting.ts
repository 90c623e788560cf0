/**
 * A cheap pre-parse pass that caps element nesting, as browsers do (Blink flattens beyond 512
 * levels): linkedom's parser slows quadratically with depth (100,000 nested <div>s take ~10 s)
 * and Readability's cost grows with depth squared (1.6 s for one page 512 deep). Tags beyond the
 * cap are dropped; their text is kept.
 */

/** Real pages nest far less (at most ~50 on the 88 benchmark pages); deeper is abuse, and slow. */
export const DEFAULT_MAX_NESTING_DEPTH = 200;

const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  '!doctype',
]);
/** Elements whose content is text, not markup: skip to their closing tag. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Elements closed implicitly by a sibling of the same kind ("<li>a<li>b"), so that they do not count as nesting. */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th']);

// A comment, or an opening or closing tag with its name: "<!-- x -->", "<div class=a>", "</div>".
const TAG_RE = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z!][^\s/>]*)[^>]*>/g;

export interface NestingResult {
  html: string;
  /** Estimated maximum nesting depth of the input. */
  depth: number;
  /** Number of tags dropped. */
  dropped: number;
}

/** Cap the nesting depth of `html` at maxDepth; the input comes back unchanged when it is within the cap. */
export function limitNestingDepth(html: string, maxDepth = DEFAULT_MAX_NESTING_DEPTH): NestingResult {
  const stack: { name: string; kept: boolean }[] = [];
  const cuts: [number, number][] = [];
  let depth = 0;
  TAG_RE.lastIndex = 0;
  for (let m = TAG_RE.exec(html); m; m = TAG_RE.exec(html)) {
    const rawName = m[2];
    if (rawName === undefined) continue; // a comment
    const name = rawName.toLowerCase();
    if (m[1] === '/') {
      let i = stack.length - 1;
      while (i >= 0 && stack[i]?.name !== name) i--;
      if (i < 0) continue; // a stray closing tag: the parser ignores it
      const entry = stack[i];
      if (entry && !entry.kept) cuts.push([m.index, m.index + m[0].length]);
      stack.length = i;
      continue;
    }
    if (VOID_ELEMENTS.has(name) || m[0].endsWith('/>')) {
      if (stack.length >= maxDepth && !VOID_ELEMENTS.has(name)) cuts.push([m.index, m.index + m[0].length]);
      continue;
    }
    const top = stack[stack.length - 1];
    if (top && top.name === name && SELF_CLOSING_SIBLINGS.has(name)) stack.pop();
    const kept = stack.length < maxDepth;
    if (!kept) cuts.push([m.index, m.index + m[0].length]);
    stack.push({ name, kept });
    depth = Math.max(depth, stack.length);
    if (RAW_TEXT_ELEMENTS.has(name)) {
      // Case-insensitive search (toLowerCase may change the length of some strings, so no indexOf on a copy).
      const closeRe = new RegExp(`</${name}`, 'gi');
      closeRe.lastIndex = TAG_RE.lastIndex;
      const close = closeRe.exec(html);
      if (!close) break;
      TAG_RE.lastIndex = close.index;
    }
  }
  if (cuts.length === 0) return { html, depth, dropped: 0 };
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of cuts) {
    const between = html.slice(at, start);
    // One space stands for a run of dropped tags, so their text does not run together
    // and 100,000 dropped tags do not leave 100,000 spaces.
    if (between.trim() !== '' || parts[parts.length - 1] !== ' ') parts.push(between, ' ');
    at = end;
  }
  parts.push(html.slice(at));
  return { html: parts.join(''), depth, dropped: cuts.length };
}
