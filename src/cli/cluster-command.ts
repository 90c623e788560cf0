import { clusterRecords } from '../story/cluster/index.js';
import { collectRecords, ingestOptions, type OptionValues } from './common.js';
import { writeOut, type CliIo } from './io.js';
import { exitStatus } from './status.js';

/**
 * `parallax cluster`: the online story clustering over the given inputs, in publication-date order, exactly as
 * ingest groups articles; one line per article in input order. Clustering reads the entities, not the attributions
 * or dates, so those extractors are not run.
 */
export async function runCluster(inputs: string[], values: OptionValues, io: CliIo): Promise<number> {
  const options = { ...ingestOptions(values, io), attributions: false, dates: false };
  const { records, failed } = await collectRecords(inputs, options, io, 'cluster');
  const { stories } = clusterRecords(records);
  if (values.json) {
    await writeOut(io.stdout, records.map((r, i) => `${JSON.stringify({ input: r.input, story: stories[i] })}\n`).join(''));
  } else {
    const byStory = new Map<string, number[]>();
    stories.forEach((s, i) => (byStory.get(s) ?? byStory.set(s, []).get(s)!).push(i));
    const lines = [`${records.length} article(s) in ${byStory.size} stor${byStory.size === 1 ? 'y' : 'ies'}`];
    for (const [s, members] of byStory) {
      lines.push(`${s} (${members.length})`);
      for (const i of members) {
        const a = records[i]!.article;
        lines.push(`  ${records[i]!.input} · ${a.source ?? 'unknown outlet'} · ${a.published ?? 'undated'}${a.title ? ` · “${a.title}”` : ''}`);
      }
    }
    await writeOut(io.stdout, `${lines.join('\n')}\n`);
  }
  return exitStatus(records.length, failed);
}
