import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dataDir, isCI } from '../config/paths.js';
import { evaluateClusteringSet, TARGET_BCUBED_F1, TARGET_PAIRWISE_F1 } from '../eval/eval-clustering.js';
import { runCli, tempDir } from '../test-support/cli.js';

// A JSONL dump written for the test: two events, two outlets each, a line that is not an article, in mixed order.
const line = (o: object): string => `${JSON.stringify(o)}\n`;
const storm = 'Storm Ciara brought floods to the coastal towns of Devon and Cornwall, where rivers burst their banks and the Environment Agency issued warnings.';
const trial = 'The jury in the fraud trial of banker John Smith heard closing arguments at Southwark Crown Court, where prosecutors said he hid losses.';

describe('parallax cluster', () => {
  it('prints one line per article in input order, with 1-based JSONL lines, the same story for the same event', async () => {
    const dump = join(tempDir(), 'dump.jsonl');
    writeFileSync(dump, [
      line({ story: 'gold label, ignored', source: 'A', published: '2020-02-10', title: 'Floods in Devon and Cornwall', text: storm }),
      line({ source: 'A', published: '2020-02-09', title: 'Closing arguments in fraud trial', text: trial }),
      '{"not": "an article"}\n',
      line({ source: 'B', published: '2020-02-09', title: 'Storm Ciara floods coastal towns', text: `${storm} More rain is due.` }),
      line({ source: 'B', published: '2020-02-11', title: 'Fraud trial jury hears closing arguments', text: `${trial} A verdict is expected.` }),
    ].join(''));
    const run = await runCli(['cluster', '--json', dump]);
    assert.equal(run.code, 1, 'one line failed');
    assert.match(run.stderr, /dump\.jsonl#3: /);
    const rows = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { input: string; story: string });
    assert.deepEqual(rows.map((r) => r.input.slice(r.input.lastIndexOf('#'))), ['#1', '#2', '#4', '#5']);
    assert.equal(rows[0]!.story, rows[2]!.story);
    assert.equal(rows[1]!.story, rows[3]!.story);
    assert.notEqual(rows[0]!.story, rows[1]!.story);
  });

  it('prints the stories readably without --json, and has help with examples', async () => {
    const run = await runCli(['cluster', 'examples/seed-story']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^2 article\(s\) in 1 story\n/);
    const help = await runCli(['cluster', '--help']);
    assert.match(help.stdout, /Examples:\n {2}parallax cluster/);
  });
});

describe('story clustering on basil-dev', () => {
  const path = join(dataDir(), 'stories', 'basil-dev.jsonl');
  if (!existsSync(path) && !isCI()) {
    it('skips: no data', { skip: `no data at ${path}` }, () => {});
    return;
  }
  it(`reaches the targets: BCubed F1 ≥ ${TARGET_BCUBED_F1}, pairwise F1 ≥ ${TARGET_PAIRWISE_F1}`, async () => {
    const r = await evaluateClusteringSet(path, 'basil-dev');
    assert.equal(r.articles, 150);
    assert.ok(r.bcubed.f1 >= TARGET_BCUBED_F1, `BCubed F1 ${r.bcubed.f1.toFixed(3)}`);
    assert.ok(r.pairwise.f1 >= TARGET_PAIRWISE_F1, `pairwise F1 ${r.pairwise.f1.toFixed(3)}`);
  });
});
