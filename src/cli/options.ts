/** Every CLI option, described once; parsing, validation and `--help` are built from this table. */
export interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: 'boolean' | 'string';
  readonly value?: string;
  readonly description: string;
}

export interface CommandSpec {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly options: readonly OptionSpec[];
  readonly examples: readonly string[];
  /** Takes at least one INPUT (or --manifest). */
  readonly needsInputs: boolean;
}

const HELP: OptionSpec = { name: 'help', short: 'h', type: 'boolean', description: 'Show this help.' };

/** Options that say where articles come from and what they are; shared by every command that reads articles. */
const INPUT_OPTIONS: readonly OptionSpec[] = [
  { name: 'source', type: 'string', value: 'NAME', description: 'Outlet name for inputs that do not say (e.g. "CNBC").' },
  { name: 'published', type: 'string', value: 'DATE', description: 'Publication date (ISO 8601) for inputs that do not say; relative dates resolve against it.' },
  { name: 'url', type: 'string', value: 'URL', description: 'Article URL for inputs that do not say.' },
  { name: 'manifest', type: 'string', value: 'FILE', description: 'JSON manifest giving file, source and published per article (see examples/seed-story/manifest.json); its files are read when no INPUT is given.' },
  { name: 'max-bytes', type: 'string', value: 'N', description: 'Largest document read whole, in bytes (default 33554432 = 32 MiB; env PARALLAX_MAX_BYTES).' },
];

export const EXTRACT: CommandSpec = {
  name: 'extract',
  usage: 'parallax extract [--json] [--source NAME] [--published DATE] [--url URL] [--manifest FILE] INPUT...',
  summary: 'Read articles and print what each contains, every item with its span in the article text.',
  needsInputs: true,
  options: [{ name: 'json', type: 'boolean', description: 'Print NDJSON, one record per article (the contract in docs/contract.md).' }, ...INPUT_OPTIONS, HELP],
  examples: [
    'parallax extract examples/seed-story/000_49f830ee32a1459f.txt',
    'parallax extract --json --manifest examples/seed-story/manifest.json > seed.ndjson',
    'parallax extract --json --source Reuters --published 2024-10-23 page.html.gz',
    'cat article.txt | parallax extract --json --published 2024-10-23 -',
  ],
};

export const ANALYZE: CommandSpec = {
  name: 'analyze',
  usage: 'parallax analyze [--format md|json|html] [-o OUT] [--manifest FILE] INPUT...',
  summary: 'Read several outlets\' articles about one story and write the story report: who is involved, who said what, when, and how the outlets differ (aligned quotes, attribution conflicts, numbers, claims and denials, what only one outlet reports), every item tied to its words.',
  needsInputs: true,
  options: [
    { name: 'format', short: 'f', type: 'string', value: 'md|json|html', description: 'Report format (default: from the -o extension, else md).' },
    { name: 'output', short: 'o', type: 'string', value: 'FILE', description: 'Write the report to FILE instead of standard output.' },
    ...INPUT_OPTIONS,
    HELP,
  ],
  examples: [
    'parallax analyze --manifest examples/seed-story/manifest.json -o report.html',
    'parallax analyze --format json cnbc.txt national.html > story.json',
    'parallax analyze --format md stories/labour-volunteers/',
  ],
};

export const CLUSTER: CommandSpec = {
  name: 'cluster',
  usage: 'parallax cluster [--json] [--manifest FILE] INPUT...',
  summary: 'Group articles into stories with the online clustering ingest uses, in publication-date order (ties in input order), and print each article\'s story.',
  needsInputs: true,
  options: [{ name: 'json', type: 'boolean', description: 'Print one line per article, in input order: {"input": "NAME.jsonl#LINE", "story": "ID"}.' }, ...INPUT_OPTIONS, HELP],
  examples: [
    'parallax cluster feeds/2024-10-23.jsonl',
    'parallax cluster --json dump.jsonl > stories.ndjson',
    'parallax cluster --json examples/seed-story',
  ],
};

/** Where the corpus is kept; shared by every command that reads or writes the store. */
const DB: OptionSpec = { name: 'db', type: 'string', value: 'PATH|URL', description: 'The store: a SQLite file, or a postgres:// URL (default: env PARALLAX_DB, else parallax.db).' };
const JSON_OUT: OptionSpec = { name: 'json', type: 'boolean', description: 'Print JSON (one object per line) for scripts.' };

export const INGEST: CommandSpec = {
  name: 'ingest',
  usage: 'parallax ingest [--db PATH|URL] [--queue URL] [--watch [--interval SECONDS]] [--json] INPUT...',
  summary: 'Add articles to the store: read, extract, detect copies of stored articles and group them into stories as they arrive. Reads files, folders, JSONL dumps, RSS/Atom feeds (files or URLs), web pages (URLs) and WARC archives. An article already stored is skipped.',
  needsInputs: true,
  options: [
    DB,
    { name: 'queue', type: 'string', value: 'URL', description: 'Publish the articles to a NATS JetStream queue (nats://host:4222) for `parallax worker` instead of processing them here.' },
    { name: 'watch', type: 'boolean', description: 'Keep going: read the inputs again every --interval seconds (feeds: new items only).' },
    { name: 'interval', type: 'string', value: 'SECONDS', description: 'Seconds between reads with --watch (default 300).' },
    { name: 'json', type: 'boolean', description: 'Print one JSON line per article ({"input","status","id","story",...}) and a summary line.' },
    ...INPUT_OPTIONS,
    HELP,
  ],
  examples: [
    'parallax ingest examples/seed-story',
    'parallax ingest --db corpus.db dump.jsonl.gz CC-NEWS-20241023.warc.gz',
    'parallax ingest --watch --interval 600 https://example.org/world/rss.xml',
    'PARALLAX_DB=postgres://localhost/parallax parallax ingest --queue nats://127.0.0.1:4222 feeds/',
  ],
};

export const STORIES: CommandSpec = {
  name: 'stories',
  usage: 'parallax stories [--since DATE] [--source NAME] [--entity NAME] [--limit N] [--json]',
  summary: 'List the stories in the store, most recent first, with their outlets and article counts (copies counted apart).',
  needsInputs: false,
  options: [
    { name: 'since', type: 'string', value: 'DATE', description: 'Only stories with an article on or after DATE (YYYY-MM-DD).' },
    { name: 'source', type: 'string', value: 'NAME', description: 'Only stories an outlet covered (e.g. "CNBC").' },
    { name: 'entity', type: 'string', value: 'NAME', description: 'Only stories naming a person, organisation or place (e.g. "Keir Starmer").' },
    { name: 'limit', type: 'string', value: 'N', description: 'At most N stories (default 100).' },
    JSON_OUT,
    DB,
    HELP,
  ],
  examples: ['parallax stories', 'parallax stories --since 2024-10-01 --entity "Labour Party"', 'parallax stories --source CNBC --json'],
};

export const STORY: CommandSpec = {
  name: 'story',
  usage: 'parallax story ID [--format md|json|html] [-o OUT]',
  summary: 'The cross-outlet analysis of one stored story (as `analyze` writes it), with its copies and history.',
  needsInputs: true,
  options: [
    { name: 'format', short: 'f', type: 'string', value: 'md|json|html', description: 'Report format (default: from the -o extension, else md).' },
    { name: 'output', short: 'o', type: 'string', value: 'FILE', description: 'Write the report to FILE instead of standard output.' },
    DB,
    HELP,
  ],
  examples: ['parallax story s1', 'parallax story s1 --format html -o story.html', 'parallax story s12 --format json | jq .alignedQuotes'],
};

export const SEARCH: CommandSpec = {
  name: 'search',
  usage: 'parallax search QUERY [--limit N] [--json]',
  summary: 'Full-text search of the stored articles (titles count most); "quoted words" must appear together.',
  needsInputs: true,
  options: [{ name: 'limit', type: 'string', value: 'N', description: 'At most N results (default 20).' }, JSON_OUT, DB, HELP],
  examples: ['parallax search "foreign interference"', 'parallax search Starmer volunteers --json'],
};

export const WORKER: CommandSpec = {
  name: 'worker',
  usage: 'parallax worker --queue URL [--db PATH|URL] [--concurrency N]',
  summary: 'Take articles from the queue that `ingest --queue` fills, extract and store them (any number of workers, on any machines); failed messages are retried, then dead-lettered with the reason.',
  needsInputs: false,
  options: [
    { name: 'queue', type: 'string', value: 'URL', description: 'NATS server with JetStream (e.g. nats://127.0.0.1:4222; env PARALLAX_QUEUE).' },
    DB,
    { name: 'idle-exit', type: 'string', value: 'SECONDS', description: 'Stop after SECONDS without messages (default: run until stopped).' },
    JSON_OUT,
    HELP,
  ],
  examples: ['parallax worker --queue nats://127.0.0.1:4222 --db postgres://localhost/parallax', 'PARALLAX_QUEUE=nats://mq:4222 PARALLAX_DB=postgres://db/parallax parallax worker'],
};

export const SERVE: CommandSpec = {
  name: 'serve',
  usage: 'parallax serve [--db PATH|URL] [--port 8080] [--host 127.0.0.1]',
  summary: 'Serve the web UI and the JSON API (docs/api.md; OpenAPI at /openapi.json) on the store, until interrupted.',
  needsInputs: false,
  options: [
    DB,
    { name: 'port', short: 'p', type: 'string', value: 'N', description: 'Port to listen on (default 8080; 0 picks a free one, printed).' },
    { name: 'host', type: 'string', value: 'HOST', description: 'Address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 for every interface).' },
    HELP,
  ],
  examples: ['parallax serve', 'parallax serve --db corpus.db --port 3000', 'PARALLAX_DB=postgres://localhost/parallax parallax serve --host 0.0.0.0'],
};

export const COMMANDS: readonly CommandSpec[] = [EXTRACT, ANALYZE, CLUSTER, INGEST, STORIES, STORY, SEARCH, WORKER, SERVE];

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  HELP,
  { name: 'version', short: 'v', type: 'boolean', description: 'Print the version.' },
];
