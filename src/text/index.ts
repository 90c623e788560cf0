/** The text layer: tokens and sentences with exact offsets into `article.text`. */
export { createSegmenter, type Segment } from './segment.js';
export type { Sentence, SegmenterOptions, TextLayer, Token, TokenKind } from './types.js';
