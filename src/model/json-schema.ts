import { z } from 'zod';
import { ExtractRecord, Story } from './schema.js';

/** JSON Schema (draft 2020-12) documents for the extract record and the story report. */
export function jsonSchemas(): Record<string, unknown> {
  return {
    'extract-record.schema.json': { $id: 'https://parallax.invalid/schema/extract-record.json', ...z.toJSONSchema(ExtractRecord) },
    'story.schema.json': { $id: 'https://parallax.invalid/schema/story.json', ...z.toJSONSchema(Story) },
  };
}
