/**
 * Compile-time only: the web types must accept what the schemas of src/model/schema.ts produce, so a change
 * there that the UI does not follow fails `npm run build:web` (tsc) instead of failing in a browser.
 */
import type { ExtractRecord as SchemaRecord, Story as SchemaStory } from '../../src/model/schema';
import type { ExtractRecord, Story } from './types';

type Accepts<Wide, Narrow extends Wide> = Narrow;
export type StoryMatches = Accepts<Story, SchemaStory>;
export type RecordMatches = Accepts<ExtractRecord, SchemaRecord>;
