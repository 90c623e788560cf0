import { readInputs, type IngestOptions } from '../ingest/index.js';
import { ArticleQueue } from '../queue/article-queue.js';
import { diagnostic, writeOut, type CliIo } from './io.js';
import { createProgress } from './progress.js';
import { exitStatus } from './status.js';

/** `parallax ingest --queue URL`: reads the inputs here and publishes each article for the workers. */
export async function runPublish(inputs: string[], url: string, options: IngestOptions, io: CliIo): Promise<number> {
  const queue = await ArticleQueue.open(url);
  let published = 0;
  let failed = 0;
  const progress = createProgress(io, 'publish', inputs.length || options.manifest?.entries.length || 1);
  try {
    for await (const result of readInputs(inputs, options)) {
      progress.tick(!result.ok);
      if (!result.ok) {
        failed++;
        diagnostic(io, result.error.input, result.error.reason);
        continue;
      }
      await queue.publish({ input: result.input, article: result.article, messages: result.messages });
      published++;
    }
  } finally {
    progress.stop();
    await queue.close();
  }
  await writeOut(io.stdout, `ingest: published ${published} · failed ${failed} — to ${url} (parallax worker stores them)\n`);
  return exitStatus(published, failed);
}
