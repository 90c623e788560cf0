import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Store } from '../store/index.js';
import { tempDir } from '../test-support/cli.js';
import { ingestStream, type IngestOutcome } from './ingest.js';

// Reports written for the test.
const ferry = 'Ferry services between Dover and Calais were cancelled on Thursday as gales reached ninety miles an hour. The port authority said crossings would resume on Friday.';
const bridge = 'The Severn bridge closed to lorries on Thursday after gales, the highways agency said, and drivers were told to use the M4 instead.';

async function run(group: number): Promise<IngestOutcome[]> {
  const dir = tempDir();
  const dump = join(dir, 'dump.jsonl');
  writeFileSync(dump, [
    JSON.stringify({ text: ferry, source: 'Kent Courier', url: 'https://kc.example/ferry', published: '2020-02-13' }),
    '{"this is": not json',
    JSON.stringify({ text: ferry, source: 'Coast Radio', url: 'https://cr.example/ferry', published: '2020-02-13' }),
    JSON.stringify({ text: bridge, source: 'Western News', url: 'https://wn.example/bridge', published: '2020-02-13' }),
  ].join('\n'));
  const store = await Store.open(join(dir, 'test.db'));
  try {
    const out: IngestOutcome[] = [];
    for await (const o of ingestStream([dump], store, { group })) out.push(o);
    // Again: everything is stored already.
    for await (const o of ingestStream([dump], store, { group })) out.push(o);
    return out;
  } finally {
    await store.close();
  }
}

describe('ingestStream in groups', () => {
  it('yields one outcome per input in input order, copies within a group found, the same as one at a time', async () => {
    const grouped = await run(16);
    assert.deepEqual(grouped.map((o) => o.status), ['new', 'failed', 'duplicate', 'new', 'unchanged', 'failed', 'unchanged', 'unchanged']);
    assert.match(grouped[1]!.input, /dump\.jsonl/);
    const single = await run(1);
    const shape = (os: IngestOutcome[]) => os.map((o) => [o.status, 'duplicateOf' in o ? o.duplicateOf : null]);
    assert.deepEqual(shape(grouped), shape(single));
  });
});
