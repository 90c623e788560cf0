import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: two levels above this compiled file (dist/config/paths.js). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared research data (never copied into the repo): PARALLAX_DATA, else ../shared/data beside the repo. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.PARALLAX_DATA ?? join(REPO_ROOT, '..', 'shared', 'data'));
}

/** The founding story's fixtures (gold.json) beside the data: PARALLAX_FIXTURES, else ../shared/fixtures. */
export function fixturesDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.PARALLAX_FIXTURES ?? join(REPO_ROOT, '..', 'shared', 'fixtures'));
}

/** The bundled example story (the two seed articles and their manifest). */
export const EXAMPLE_STORY = join(REPO_ROOT, 'examples', 'seed-story');

export type DataCheck = { ok: true; path: string } | { ok: false; path: string; reason: string };

/**
 * Whether a shared data set is present. In CI (CI=true) a missing data set is a failure;
 * elsewhere evaluations and data tests say so and skip.
 */
export function requireData(relative: string, env: NodeJS.ProcessEnv = process.env): DataCheck {
  const path = join(dataDir(env), relative);
  if (existsSync(path)) return { ok: true, path };
  return { ok: false, path, reason: `shared data not found at ${path} (set PARALLAX_DATA)` };
}

export const isCI = (env: NodeJS.ProcessEnv = process.env): boolean => env.CI === 'true';
