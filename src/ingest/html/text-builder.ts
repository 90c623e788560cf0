/**
 * Builds article text block by block with exact offsets: blocks are joined by a blank line,
 * whitespace inside a block is collapsed to one space (a line break from <br> or <pre> is kept as
 * "\n"), and link spans are recorded over the characters actually written.
 */

/** What the element that opened a block says about it. */
export type BlockHint = 'heading' | 'caption' | 'list-item' | 'cell' | 'preformatted' | null;

export interface BuiltBlock {
  start: number;
  end: number;
  hint: BlockHint;
  /** What the page's markup says of the block's elements (class or id of site furniture, a figure), outermost first. */
  signals: readonly BlockSignal[];
}

/** A kind the markup gives a block, with the rule that read it (`html/class-share`, `html/figure`). */
export interface BlockSignal {
  kind: 'boilerplate' | 'caption' | 'credit';
  rule: string;
  /** The element it comes from (a number per element), so the blocks under one element can be counted. */
  element: number;
}

export interface BuiltLink {
  start: number;
  end: number;
  href: string;
}

export const BLOCK_SEPARATOR = '\n\n';

interface OpenLink {
  href: string;
  /** Offset inside the current block where the link's first character was written, or null before it. */
  start: number | null;
}

export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private current = '';
  /** Whitespace owed before the next character: '' | ' ' | '\n' | literal whitespace inside <pre>. */
  private pending = '';
  private readonly openLinks: OpenLink[] = [];
  private readonly blockLinks: { start: number; end: number; href: string }[] = [];
  readonly blocks: BuiltBlock[] = [];
  readonly links: BuiltLink[] = [];

  /** Append text, collapsing whitespace runs to one space (or keeping them when `preformatted`). */
  text(data: string, preformatted = false): void {
    const re = /(\s+)|(\S+)/gu;
    for (let m = re.exec(data); m; m = re.exec(data)) {
      if (m[1] !== undefined) this.whitespace(m[1], preformatted);
      else if (m[2] !== undefined) this.word(m[2]);
    }
  }

  /** A line break inside the block (<br>); a second one with nothing between ends the block. */
  lineBreak(hint: BlockHint, signals: readonly BlockSignal[] = []): void {
    if (this.current.length === 0) return;
    if (this.pending.includes('\n')) {
      this.endBlock(hint, signals);
      return;
    }
    this.pending = '\n';
  }

  /** End the current block (if it has text) with the given hint; open links continue in the next block. */
  endBlock(hint: BlockHint, signals: readonly BlockSignal[] = []): void {
    if (this.current.length === 0) {
      this.pending = '';
      return;
    }
    for (const link of this.openLinks) {
      if (link.start !== null && this.current.length > link.start) {
        this.blockLinks.push({ start: link.start, end: this.current.length, href: link.href });
      }
      link.start = null;
    }
    if (this.parts.length > 0) {
      this.parts.push(BLOCK_SEPARATOR);
      this.length += BLOCK_SEPARATOR.length;
    }
    const start = this.length;
    this.parts.push(this.current);
    this.length += this.current.length;
    this.blocks.push({ start, end: this.length, hint, signals });
    for (const link of this.blockLinks) this.links.push({ start: start + link.start, end: start + link.end, href: link.href });
    this.blockLinks.length = 0;
    this.current = '';
    this.pending = '';
  }

  openLink(href: string): void {
    this.openLinks.push({ href, start: null });
  }

  closeLink(): void {
    const link = this.openLinks.pop();
    if (link && link.start !== null && this.current.length > link.start) {
      this.blockLinks.push({ start: link.start, end: this.current.length, href: link.href });
    }
  }

  /** The whole text; call after the last endBlock. */
  toString(): string {
    return this.parts.join('');
  }

  private whitespace(ws: string, preformatted: boolean): void {
    if (this.current.length === 0) return;
    if (!preformatted) {
      if (this.pending === '') this.pending = ' ';
      return;
    }
    // Inside <pre>: keep spaces and single line breaks; blank lines shrink to one line break
    // (a blank line is the block separator); tabs and other spaces are kept as written.
    const normalised = ws.replace(/\r\n?/g, '\n');
    const lastBreak = normalised.lastIndexOf('\n');
    const next = lastBreak >= 0 ? '\n' + normalised.slice(lastBreak + 1).replace(/[^\S\n]/gu, ' ') : normalised.replace(/\s/gu, ' ');
    this.pending = this.pending.includes('\n') && !next.includes('\n') ? this.pending + next : next;
  }

  private word(word: string): void {
    if (this.current.length > 0) this.current += this.pending;
    this.pending = '';
    for (const link of this.openLinks) if (link.start === null) link.start = this.current.length;
    this.current += word;
  }
}
