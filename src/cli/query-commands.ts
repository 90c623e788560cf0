/** The store's read commands: `stories`, `story ID`, `search QUERY`. */
import { Store, type StorySummary } from '../store/index.js';
import { UsageError } from './args.js';
import { countOption, storeLocation, type OptionValues } from './common.js';
import { diagnostic, writeOut, type CliIo } from './io.js';
import { chooseFormat, writeReport } from './report-output.js';

async function withStore<T>(values: OptionValues, io: CliIo, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open(storeLocation(values, io.env));
  try {
    return await fn(store);
  } finally {
    await store.close().catch(() => undefined);
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function storyLine(s: StorySummary): string {
  const when = s.firstDay ? (s.firstDay === s.lastDay ? s.firstDay : `${s.firstDay} – ${s.lastDay}`) : 'undated';
  const copies = s.articles - s.originals;
  return `${s.id.padEnd(7)} ${when.padEnd(23)} ${String(s.originals).padStart(3)} article${s.originals === 1 ? ' ' : 's'}${copies ? ` (+${copies} cop${copies === 1 ? 'y' : 'ies'})` : ''}  ${s.title ?? '(untitled)'}\n${' '.repeat(8)}${s.sources.join(', ') || 'unknown outlets'}`;
}

export async function runStories(values: OptionValues, io: CliIo): Promise<number> {
  const since = typeof values.since === 'string' ? values.since : undefined;
  if (since !== undefined && !DAY.test(since)) throw new UsageError(`--since ${JSON.stringify(since)} is not a date (use YYYY-MM-DD)`);
  const limit = countOption(values, 'limit', 100);
  const stories = await withStore(values, io, (store) =>
    store.stories({ since, limit, source: typeof values.source === 'string' ? values.source : undefined, entity: typeof values.entity === 'string' ? values.entity : undefined }),
  );
  if (values.json) await writeOut(io.stdout, stories.map((s) => `${JSON.stringify(s)}\n`).join(''));
  else await writeOut(io.stdout, stories.length ? `${stories.map(storyLine).join('\n')}\n` : 'no stories match\n');
  return 0;
}

export async function runStory(inputs: string[], values: OptionValues, io: CliIo): Promise<number> {
  if (inputs.length !== 1) throw new UsageError(`story takes one story ID, got ${inputs.length} (see parallax stories)`);
  chooseFormat(values);
  const id = inputs[0]!;
  return withStore(values, io, async (store) => {
    const found = await store.analysis(id);
    if (!found) {
      diagnostic(io, id, 'no such story in the store (see parallax stories)');
      return 2;
    }
    if (found.detail.summary.id !== id) io.stderr.write(`parallax: ${id} was merged into ${found.detail.summary.id}\n`);
    return writeReport(found.story, values, io);
  });
}

export async function runSearch(inputs: string[], values: OptionValues, io: CliIo): Promise<number> {
  const query = inputs.join(' ');
  const limit = countOption(values, 'limit', 20);
  const hits = await withStore(values, io, (store) => store.search(query, limit));
  if (values.json) await writeOut(io.stdout, hits.map((h) => `${JSON.stringify(h)}\n`).join(''));
  else if (!hits.length) await writeOut(io.stdout, `no article matches ${JSON.stringify(query)}\n`);
  else await writeOut(io.stdout, `${hits.map((h) => `${h.story.padEnd(7)} ${h.id}  ${h.source ?? 'unknown outlet'} · ${h.published ?? 'undated'}${h.title ? ` · ${h.title}` : ''}\n${' '.repeat(8)}${h.snippet}`).join('\n')}\n`);
  return hits.length ? 0 : 1;
}
