export { Store, StoreError, type AddResult, type AddStatus, type ArticleFilter, type ArticleSummary, type CopySummary, type SearchHit, type StoryDetail, type StoryFilter, type StorySummary, type StoreOptions } from './store.js';
export { isPostgresUrl, redact } from './connect.js';
