import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { InputError, describeFsError } from './errors.js';
import { isHttpUrl } from './fetch-url.js';

/** A story manifest, shaped like ../shared/fixtures/seed-story/manifest.json. */
export const ManifestFile = z.object({
  about: z.string().optional(),
  articles: z
    .array(
      z.object({
        file: z.string().min(1),
        source: z.string().nullish(),
        published: z.string().nullish(),
        url: z.string().nullish(),
        title: z.string().nullish(),
      }),
    )
    .min(1),
});

export interface ManifestEntry {
  /** Absolute path of the article file, or its http(s) URL. */
  path: string;
  /** The path as the user would write it: the manifest's folder joined with `file`. */
  input: string;
  source: string | null;
  published: string | null;
  url: string | null;
  title: string | null;
}

export interface Manifest {
  path: string;
  entries: ManifestEntry[];
  byPath: Map<string, ManifestEntry>;
}

export function readManifest(path: string): Manifest {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw describeFsError(path, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new InputError(path, 'bad-json', `manifest is not valid JSON (${(error as Error).message})`);
  }
  const parsed = ManifestFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(path, 'bad-record', `not a manifest (${issue.path.join('.') || 'root'}: ${issue.message})`);
  }
  const base = dirname(path);
  // An http(s) address is read as fetched (a page or a feed), not as a path under the manifest's folder.
  const entries = parsed.data.articles.map((a) => ({
    path: isHttpUrl(a.file) ? a.file : resolve(base, a.file),
    input: isHttpUrl(a.file) ? a.file : base === '.' ? a.file : `${base}/${a.file}`,
    source: a.source ?? null,
    published: a.published ?? null,
    url: a.url ?? null,
    title: a.title ?? null,
  }));
  return { path, entries, byPath: new Map(entries.map((e) => [e.path, e])) };
}
