/**
 * models/README.md holds one section per trained model (`## FILE — what it is`); each training script rewrites
 * its own section and leaves the others as they are.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../config/paths.js';

/** Replaces (or appends) the section whose heading starts `## FILE` with `section` (which starts with that heading). */
export function writeModelsReadmeSection(file: string, section: string, readme = join(REPO_ROOT, 'models', 'README.md')): void {
  const old = existsSync(readme) ? readFileSync(readme, 'utf8') : '# models/\n';
  const start = old.indexOf(`## ${file}`);
  const next = start < 0 ? -1 : old.indexOf('\n## ', start + 1);
  const updated = start < 0 ? `${old.trimEnd()}\n\n${section}` : `${old.slice(0, start)}${section}${next < 0 ? '' : old.slice(next + 1)}`;
  writeFileSync(readme, updated);
}
