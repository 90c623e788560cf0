/**
 * The data model of Parallax as zod schemas: the boundary types (the `parallax extract`
 * contract in ../shared/docs/contract.md, the story report) are validated with these,
 * and docs/parallax.schema.json is generated from them for other programs.
 * Inside the pipeline the inferred TypeScript types are used as plain types.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1 as const;

/** Half-open UTF-16 offsets into `article.text`; `text === article.text.slice(start, end)`. */
export const Span = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    text: z.string(),
  })
  .describe('Half-open UTF-16 code-unit offsets into article.text; text === article.text.slice(start, end)');
export type Span = z.infer<typeof Span>;

export const BlockKind = z.enum(['paragraph', 'heading', 'caption', 'credit', 'boilerplate']);
export type BlockKind = z.infer<typeof BlockKind>;

export const Block = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: BlockKind,
  /** Which rule classified the block (e.g. `block/credit-pipe`), so users can see why. */
  rule: z.string().optional(),
});
export type Block = z.infer<typeof Block>;

export const Link = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  href: z.string(),
});
export type Link = z.infer<typeof Link>;

/** ISO 8601 date (YYYY-MM-DD) or date-time. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'ISO 8601 date or date-time');

/** A metadata value with where it came from (e.g. `json-ld:datePublished`) and how far to trust it (0–1). */
export const SourcedValue = z.object({ value: z.string(), from: z.string(), confidence: z.number().min(0).max(1) });

/** Each metadata field of a page with its source and confidence; absent fields were not found. */
export const ArticleMetadata = z.object({
  title: SourcedValue.optional(),
  byline: SourcedValue.optional(),
  /** The byline's names, one per author ("By Jane Doe and John Roe" → both). */
  authors: z.array(z.string()).optional(),
  published: SourcedValue.optional(),
  modified: SourcedValue.optional(),
  publisher: SourcedValue.optional(),
  url: SourcedValue.optional(),
  language: SourcedValue.optional(),
  section: SourcedValue.optional(),
});

export type ArticleMetadata = z.infer<typeof ArticleMetadata>;

export const Article = z.object({
  id: z.string(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  published: IsoDate.nullable(),
  text: z.string(),
  blocks: z.array(Block),
  links: z.array(Link),
  /** Language from the page or record when known (BCP 47), else null. */
  language: z.string().nullable().optional(),
  /** Where each metadata value came from and how far to trust it (pages; values given by the caller are `given`). */
  metadata: ArticleMetadata.optional(),
});
export type Article = z.infer<typeof Article>;

export const EntityType = z.enum(['person', 'organization', 'place', 'other']);
export type EntityType = z.infer<typeof EntityType>;

export const Entity = z.object({
  id: z.string(),
  type: EntityType,
  name: z.string(),
  roles: z.array(z.string()),
  /** Ids of entities this one belongs to or is named through (a person's party, a campaign's candidate). */
  affiliations: z.array(z.string()),
  mentions: z.array(Span),
  /** A key shared by the same entity in every article of a story, e.g. `person:donald trump`, `place:united kingdom`. */
  canonical: z.string().optional(),
  /** Parallel to `mentions`: the rule that found or merged each mention (e.g. `coref/surname`). */
  mentionRules: z.array(z.string()).optional(),
  /** Each role with the span it came from and the rule that found it. */
  roleMentions: z.array(z.object({ role: z.string(), span: Span, rule: z.string() })).optional(),
  /** Links (href) whose anchor text names the entity: topic pages are evidence of identity. */
  links: z.array(z.string()).optional(),
  /** An organisation named through a person ("Trump's campaign team"): that person and the group noun. */
  group: z.object({ of: z.string(), noun: z.string() }).optional(),
});
export type Entity = z.infer<typeof Entity>;

export const AttributionKind = z.enum(['direct', 'mixed', 'indirect']);
export type AttributionKind = z.infer<typeof AttributionKind>;

export const Via = z.object({
  entity: z.string().nullable(),
  span: Span,
  /** The rule that found this second-hand source, e.g. `via/according-to`. */
  rule: z.string().optional(),
});
export type Via = z.infer<typeof Via>;

export const Attribution = z.object({
  id: z.string(),
  kind: AttributionKind,
  content: z.array(Span).min(1),
  cue: Span.nullable(),
  source: Span.nullable(),
  speaker: z.string().nullable(),
  via: z.array(Via),
  /** Other entities the text may equally give these words to (an ambiguous attribution), besides `speaker`. */
  alternatives: z.array(z.string()).optional(),
  /**
   * The id of the attribution whose quotation this one continues (a quotation with no cue of its own: the same
   * speaker, named there), or absent.
   */
  continues: z.string().optional(),
  rule: z.string().optional(),
});
export type Attribution = z.infer<typeof Attribution>;

export const DateGrain = z.enum(['day', 'week', 'month', 'quarter', 'year', 'decade', 'time']);
export type DateGrain = z.infer<typeof DateGrain>;

export const DateMention = z.object({
  span: Span,
  /** ISO 8601 (2024-10-21, 2024-W43, 2024-10, 2024, 2024-10-21T10:00, or an interval start/end), or null. */
  value: z.string().nullable(),
  grain: DateGrain.nullable(),
  rule: z.string().optional(),
  /** Why the value is null (e.g. no publication date to count from). */
  reason: z.string().optional(),
  /** The sentence the date anchors — what happened then — and the entities named in it. */
  event: z.object({ span: Span, entities: z.array(z.string()) }).optional(),
});
export type DateMention = z.infer<typeof DateMention>;

export const MessageSeverity = z.enum(['info', 'warning', 'error']);
/** A non-fatal note about an input (vfile-style): bad data is data, not an exception. */
export const Message = z.object({
  code: z.string(),
  severity: MessageSeverity,
  reason: z.string(),
  span: Span.optional(),
  rule: z.string().optional(),
});
export type Message = z.infer<typeof Message>;

/** One `parallax extract --json` line. */
export const ExtractRecord = z.object({
  schema: z.literal(SCHEMA_VERSION),
  input: z.string(),
  article: Article,
  entities: z.array(Entity),
  attributions: z.array(Attribution),
  dates: z.array(DateMention),
  messages: z.array(Message).optional(),
});
export type ExtractRecord = z.infer<typeof ExtractRecord>;

export const StoryArticle = z.object({
  input: z.string(),
  article: Article,
  entities: z.array(Entity),
  attributions: z.array(Attribution),
  dates: z.array(DateMention),
});

/** One outlet's side of an aligned quotation: the quoted words, the attribution holding them, whom it gives them to. */
export const StoryQuote = z.object({
  article: z.number().int(),
  span: Span,
  attribution: z.string().nullable(),
  /** Story entity ids (more than one: the outlet's sentence leaves it open between them). */
  speakers: z.array(z.string()),
});

export const QuoteVerdict = z.enum(['identical', 'punctuation', 'part', 'wording']);
export const SpeakerVerdict = z.enum(['same', 'different', 'ambiguous', 'unknown']);

export const ConflictSide = z.object({
  article: z.number().int(),
  attribution: z.string(),
  speakers: z.array(z.string()),
  /** The source as written ("the US candidate") and the cue. */
  source: Span.nullable(),
  cue: Span.nullable(),
});

export const Quantity = z.object({
  article: z.number().int(),
  /** The hedge, number and unit as written ("nearly 100"). */
  span: Span,
  /** The words counted ("current and former Labour Party staff"). */
  counted: z.string(),
  value: z.number(),
  /** The interval the hedge makes of the value; `high` null when unbounded ("more than 100"). */
  low: z.number(),
  high: z.number().nullable(),
  kind: z.enum(['count', 'money', 'percent']),
  sentence: Span,
});

/** The story report (`parallax analyze --format json`). */
export const Story = z.object({
  schema: z.literal(SCHEMA_VERSION),
  id: z.string(),
  title: z.string().nullable(),
  generated: z.string(),
  articles: z.array(StoryArticle),
  sources: z.array(z.string()),
  dateRange: z.object({ first: z.string().nullable(), last: z.string().nullable() }),
  /** Who is involved: entities merged across the articles, each pointing at its entity in every article. */
  entities: z.array(
    z.object({
      id: z.string(),
      canonical: z.string(),
      type: EntityType,
      name: z.string(),
      roles: z.array(z.string()),
      aliases: z.array(z.string()),
      mentions: z.number().int(),
      in: z.array(z.object({ article: z.number().int(), entity: z.string() })),
    }),
  ),
  /** When: dated events merged across the articles, in date order, each with its sentence per article. */
  timeline: z.array(
    z.object({
      id: z.string(),
      value: z.string(),
      grain: DateGrain,
      start: z.string(),
      articles: z.array(z.number().int()),
      mentions: z.array(z.object({ article: z.number().int(), date: Span, sentence: Span, entities: z.array(z.string()) })),
    }),
  ),
  /** The headline summary: sentences of the facts most outlets report, each in one outlet's own words. */
  summary: z.array(z.object({ fact: z.string().nullable(), article: z.number().int(), span: Span })),
  /** The same quotation in two outlets, with its word diff and verdicts (docs/story.md). */
  alignedQuotes: z.array(
    z.object({
      id: z.string(),
      quotes: z.tuple([StoryQuote, StoryQuote]),
      verdict: QuoteVerdict,
      /** For `part`: which side (0 or 1) quotes the longer text. */
      longer: z.union([z.literal(0), z.literal(1)]).optional(),
      diff: z.object({ added: z.array(z.string()), dropped: z.array(z.string()), changed: z.array(z.tuple([z.string(), z.string()])) }),
      speakers: SpeakerVerdict,
      /** The two sides' speakers are linked by affiliation (the campaign and its candidate). */
      related: z.boolean(),
      /** The verdict in words, with the outlets' names. */
      description: z.string(),
    }),
  ),
  /** The same words or statement given to different actors by different outlets. */
  conflicts: z.array(
    z.object({
      id: z.string(),
      verdict: z.enum(['different', 'ambiguous']),
      related: z.boolean(),
      /** The aligned quotation it comes from, if any. */
      quote: z.string().nullable(),
      sides: z.tuple([ConflictSide, ConflictSide]),
    }),
  ),
  /** Quantities about the same thing compared across outlets. */
  numbers: z.array(z.object({ id: z.string(), verdict: z.enum(['consistent', 'conflict']), /** Two or more, of two or more articles. */ quantities: z.array(Quantity).min(2) })),
  /** The claims map: accusations, denials, responses and the evidence cited, each edge with its words per outlet. */
  claims: z.array(
    z.object({
      id: z.string(),
      type: z.enum(['accusation', 'denial', 'response', 'evidence']),
      by: z.string(),
      alsoBy: z.array(z.string()),
      against: z.string().nullable(),
      /** Each outlet's words for it: an attribution's content parts, or the thing cited. */
      mentions: z.array(z.object({ article: z.number().int(), attribution: z.string().nullable(), spans: z.array(Span) })),
    }),
  ),
  /** Which outlets report each fact, what only one reports, whom each quotes. */
  coverage: z.object({
    facts: z.array(z.object({ id: z.string(), articles: z.array(z.number().int()), mentions: z.array(z.object({ article: z.number().int(), span: Span })) })),
    onlyIn: z.array(z.object({ article: z.number().int(), facts: z.array(z.string()) })),
    uniqueEntities: z.array(z.object({ article: z.number().int(), entities: z.array(z.object({ entity: z.string(), sentence: Span })) })),
    quoted: z.array(z.object({ article: z.number().int(), speaker: z.string().nullable(), attributions: z.number().int(), words: z.number().int() })),
    uniqueQuotes: z.array(z.object({ article: z.number().int(), quotes: z.array(Span) })),
  }),
});
export type Story = z.infer<typeof Story>;
