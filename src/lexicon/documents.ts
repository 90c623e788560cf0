/**
 * Nouns for documents and posts that "say" things on their author's behalf ("the complaint said", "the post
 * offered"), lower-case, singular and plural. The resolve stage gives such a source its author's entity.
 */
export const DOCUMENT_NOUNS = [
  'complaint', 'complaints', 'letter', 'letters', 'post', 'posts', 'statement', 'statements', 'lawsuit', 'lawsuits',
  'filing', 'filings', 'memo', 'memos', 'memorandum', 'email', 'emails', 'e-mail', 'tweet', 'tweets', 'release',
  'caption', 'document', 'documents', 'petition', 'motion', 'brief', 'op-ed', 'column', 'editorial', 'ad', 'advert',
  'advertisement', 'video', 'message', 'messages', 'note', 'notice', 'report', 'indictment', 'affidavit', 'submission',
] as const;

/** Verbs whose attribution passes on another's words, so an attribution inside its content came through it (`via/nested`). */
export const RELAY_VERB_LEMMAS = ['say', 'report', 'write', 'tell', 'add', 'note', 'cite', 'quote', 'publish', 'post', 'tweet', 'state'] as const;
