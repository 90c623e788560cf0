import { z } from 'zod';

/** One article record in .json / .jsonl / .ndjson input; unknown fields (e.g. a gold `story` label) are ignored. */
export const ArticleRecord = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    source: z.string().nullish(),
    url: z.string().nullish(),
    title: z.string().nullish(),
    byline: z.string().nullish(),
    published: z.string().nullish(),
    id: z.union([z.string(), z.number()]).nullish(),
  })
  .refine((r) => typeof r.text === 'string' || typeof r.html === 'string', {
    message: 'an article record needs a "text" or "html" field',
  });
export type ArticleRecord = z.infer<typeof ArticleRecord>;

/** Describes why a value is not an article record, in one line. */
export function recordProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `not an article record (expected a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value})`;
  }
  const parsed = ArticleRecord.safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? `field "${issue.path.join('.')}": ` : '';
  return `not an article record (${where}${issue.message})`;
}
