import type { ExtractRecord, Story } from '../model/schema.js';
import { buildStory, type StoryOptions } from '../story/build-story.js';
import { extract, type ExtractInput, type ExtractOptions } from './extract.js';

export interface AnalyzeOptions extends ExtractOptions, StoryOptions {}

function isRecordList(value: unknown): value is readonly ExtractRecord[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'object' && v !== null && 'schema' in v && 'article' in v);
}

/**
 * Builds the story report from articles: either records already extracted, or inputs
 * (paths, article objects) which are extracted first. Throws ExtractError if an input fails.
 */
export async function analyze(input: ExtractInput | readonly ExtractRecord[], options: AnalyzeOptions = {}): Promise<Story> {
  const records = isRecordList(input) ? input : await extract(input as ExtractInput, options);
  return buildStory(records, options);
}
