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

export const COMMANDS: readonly CommandSpec[] = [EXTRACT, ANALYZE, CLUSTER];

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  HELP,
  { name: 'version', short: 'v', type: 'boolean', description: 'Print the version.' },
];
