import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, it, before } from 'node:test';
import { spawn } from 'node:child_process';
import { BIN, runCli, tempDir } from '../test-support/cli.js';

const NOBODY = 65534;

/** Whether the CLI can be loaded by another user (the repository may sit in a private folder). */
function canRunAs(uid: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--version'], { uid, stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

const GOOD = 'Keir Starmer said on Wednesday that party members were volunteering.\n';

describe('parallax extract on bad input (through the real CLI)', () => {
  let dir: string;
  let good: string;
  before(() => {
    dir = tempDir();
    good = join(dir, 'good.txt');
    writeFileSync(good, GOOD);
  });

  /** Runs extract --json on the bad input and a good file: the good one must still come out. */
  async function withGood(bad: string, extra: string[] = []) {
    const run = await runCli(['extract', '--json', ...extra, bad, good]);
    const records = run.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    return { ...run, records };
  }

  it('a missing path: one line naming it, exit 2 alone, exit 1 beside a good input', async () => {
    const missing = join(dir, 'nope.txt');
    const alone = await runCli(['extract', '--json', missing]);
    assert.equal(alone.code, 2);
    assert.equal(alone.stderr, `parallax: ${missing}: no such file or directory\n`);
    const mixed = await withGood(missing);
    assert.equal(mixed.code, 1);
    assert.equal(mixed.records.length, 1);
    assert.equal(mixed.records[0].input, good);
  });

  it('an unreadable file is reported as permission denied', async (t) => {
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, GOOD);
    chmodSync(secret, 0o000);
    chmodSync(dir, 0o755);
    // Root reads everything, so as root the CLI runs as the unprivileged user `nobody` —
    // which needs to be able to read the repository itself (not so in a private temp clone).
    const asRoot = process.getuid?.() === 0;
    if (asRoot && !(await canRunAs(NOBODY))) {
      t.skip('the repository is not readable by the user nobody; the EIO case below still covers an unreadable file');
      return;
    }
    const run = await runCli(['extract', '--json', secret], asRoot ? { uid: NOBODY } : {});
    assert.equal(run.code, 2);
    assert.equal(run.stderr, `parallax: ${secret}: permission denied\n`);
  });

  it('a file whose read fails is reported with the system reason', async () => {
    // /proc/self/mem opens but cannot be read at offset 0: a read error any user can reproduce.
    const run = await runCli(['extract', '--json', '/proc/self/mem', good]);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, 'parallax: /proc/self/mem: read error (EIO)\n');
  });

  it('a folder with no articles fails with a reason', async () => {
    const empty = join(dir, 'empty-folder');
    mkdirSync(empty);
    writeFileSync(join(empty, 'notes.csv'), 'a,b\n');
    const run = await withGood(empty);
    assert.equal(run.code, 1);
    assert.match(run.stderr, new RegExp(`^parallax: ${empty}: folder has no article files`));
    assert.equal(run.records.length, 1);
  });

  it('an empty file fails; the other input is still read', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const run = await withGood(empty);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, `parallax: ${empty}: empty file\n`);
    assert.equal(run.records.length, 1);
  });

  it('a whitespace-only file fails as empty', async () => {
    const blank = join(dir, 'blank.txt');
    writeFileSync(blank, ' \n\n\t\n');
    const run = await withGood(blank);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /blank\.txt: empty file/);
  });

  it('a binary file fails as binary', async () => {
    const binary = join(dir, 'image.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]));
    const run = await withGood(binary);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, `parallax: ${binary}: binary file, not text\n`);
  });

  it('text in an undeclared legacy charset is detected and decoded, not a failure', async () => {
    const latin = join(dir, 'latin1.txt');
    writeFileSync(latin, Buffer.from('The caf\xe9 owners said prices rose again on Tuesday, according to the r\xe9sum\xe9 of the meeting.\n', 'latin1'));
    const run = await runCli(['extract', '--json', latin]);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    assert.match(JSON.parse(run.stdout).article.text, /^The café owners/);
  });

  it('invalid UTF-8 that no charset explains is decoded with U+FFFD and a warning, not a failure', async () => {
    const broken = join(dir, 'broken.txt');
    writeFileSync(broken, Buffer.from('x\xc3', 'latin1'));
    const run = await runCli(['extract', '--json', broken]);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, `parallax: ${broken}: warning: invalid UTF-8: 1 character replaced with U+FFFD\n`);
    assert.equal(JSON.parse(run.stdout).article.text, 'x\uFFFD');
  });

  it('an HTML page with no article body fails with a reason', async () => {
    const page = join(dir, 'nobody.html');
    writeFileSync(page, '<!doctype html><html><head><title>Home</title></head><body><nav><a href="/">Home</a></nav></body></html>');
    const run = await withGood(page);
    assert.equal(run.code, 1);
    assert.match(run.stderr, new RegExp(`^parallax: ${page}: .*no article`, 'm'));
    assert.equal(run.records.length, 1);
  });

  it('a malformed JSONL line fails alone; the lines around it are read', async () => {
    const jsonl = join(dir, 'dump.jsonl');
    writeFileSync(
      jsonl,
      [
        JSON.stringify({ text: 'First article. It said things.', source: 'A' }),
        '{"text": "broken',
        JSON.stringify({ title: 'no body' }),
        JSON.stringify({ html: '<p>Third article, in HTML.</p>', source: 'C' }),
      ].join('\n'),
    );
    const run = await runCli(['extract', '--json', jsonl]);
    assert.equal(run.code, 1);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, new RegExp(`^parallax: ${jsonl}#2: malformed JSON`));
    assert.match(lines[1]!, new RegExp(`^parallax: ${jsonl}#3: not an article record`));
    const records = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(records.map((r) => r.input), [`${jsonl}#1`, `${jsonl}#4`]);
    assert.equal(records[1].article.text, 'Third article, in HTML.');
  });

  it('a 50 MB input gets a size error naming the limit and how to raise it', async () => {
    const big = join(dir, 'big.txt');
    const paragraph = 'The minister said the plan would cost 3.5 billion pounds over the next decade. ';
    writeFileSync(big, paragraph.repeat(Math.ceil((50 * 1024 * 1024) / paragraph.length)));
    const run = await withGood(big);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /big\.txt: file \(\d+ bytes\) is larger than the 32 MiB limit \(raise it with --max-bytes or PARALLAX_MAX_BYTES\)/);
    assert.equal(run.records.length, 1);
  });

  it('an input over a lowered limit fails, and is read once the limit is raised', async () => {
    const medium = join(dir, 'medium.txt');
    writeFileSync(medium, 'The minister said the plan would cost 3.5 billion pounds. '.repeat(60));
    const low = await runCli(['extract', '--max-bytes', '1024', medium]);
    assert.equal(low.code, 2);
    assert.match(low.stderr, /medium\.txt: file \(\d+ bytes\) is larger than the 1 KiB limit \(raise it with --max-bytes or PARALLAX_MAX_BYTES\)/);
    const raised = await runCli(['extract', '--max-bytes', String(64 * 1024), medium]);
    assert.equal(raised.code, 0, raised.stderr);
    const fromEnv = await runCli(['extract', medium], { env: { PARALLAX_MAX_BYTES: '1024' } });
    assert.equal(fromEnv.code, 2);
  });

  it('a gzip bomb stops at the limit with a size error', async () => {
    const bomb = join(dir, 'bomb.html.gz');
    writeFileSync(bomb, gzipSync(Buffer.alloc(200 * 1024 * 1024, 'a')));
    const run = await withGood(bomb, ['--max-bytes', String(16 * 1024 * 1024)]);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, `parallax: ${bomb}: decompressed content is larger than the 16 MiB limit (raise it with --max-bytes or PARALLAX_MAX_BYTES)\n`);
    assert.equal(run.records.length, 1);
  });

  it('a corrupt .gz fails as not gzip', async () => {
    const corrupt = join(dir, 'corrupt.html.gz');
    writeFileSync(corrupt, Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.from('not really gzip at all')]));
    const run = await withGood(corrupt);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /corrupt\.html\.gz: not valid gzip data/);
  });

  it('deeply nested and script-laden HTML is read without crashing, scripts dropped', async () => {
    const nested = join(dir, 'nested.html');
    writeFileSync(nested, `${'<div>'.repeat(100_000)}<p>Deep inside, the mayor said the bridge would reopen.</p>${'</div>'.repeat(100_000)}`);
    const scripts = join(dir, 'scripts.html');
    writeFileSync(scripts, `<p>Officials said the vote was fair.</p>${'<script>document.write("x")</script>'.repeat(5000)}<p>Turnout was 64 percent.</p><script>alert(1)</script>`);
    const run = await runCli(['extract', '--json', nested, scripts]);
    assert.equal(run.code, 0, run.stderr);
    const [a, b] = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.match(a.article.text, /the mayor said the bridge would reopen/);
    assert.doesNotMatch(b.article.text, /alert|document\.write/);
    assert.match(b.article.text, /Turnout was 64 percent/);
  });

  it('unknown flags and bad option values exit 2 with one line', async () => {
    const unknown = await runCli(['extract', '--jsno', good]);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, "parallax: unknown option --jsno for 'extract' (see parallax extract --help)\n");
    assert.equal(unknown.stdout, '');
    const badDate = await runCli(['extract', '--published', 'next tuesday', good]);
    assert.equal(badDate.code, 2);
    assert.match(badDate.stderr, /^parallax: --published "next tuesday" is not a date/);
    const badFormat = await runCli(['analyze', '--format', 'pdf', good]);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /--format "pdf" is not one of md, json, html/);
  });

  it('a missing manifest is a one-line error with exit 2', async () => {
    const run = await runCli(['analyze', '--manifest', join(dir, 'none.json')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /none\.json: no such file or directory\n$/);
  });

  it('a .json input that is not an article record fails naming the field', async () => {
    const json = join(dir, 'record.json');
    writeFileSync(json, JSON.stringify({ headline: 'x' }));
    const run = await withGood(json);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /record\.json: not an article record \(an article record needs a "text" or "html" field\)/);
  });

  it('reads standard input with -', async () => {
    const run = await runCli(['extract', '--json', '--published', '2024-10-23', '-'], { input: GOOD });
    assert.equal(run.code, 0, run.stderr);
    const record = JSON.parse(run.stdout);
    assert.equal(record.input, '-');
    assert.equal(record.article.text, GOOD);
    assert.equal(record.article.published, '2024-10-23');
  });

  it('empty standard input fails with exit 2', async () => {
    const run = await runCli(['extract', '-'], { input: '' });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'parallax: -: empty input (nothing on standard input)\n');
  });
});

describe('parallax extract into a pipe that closes early', () => {
  it('stops quietly, with no stack trace', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../test-support/cli.js');
    const { EXAMPLE_STORY } = await import('../config/paths.js');
    const child = spawn(process.execPath, [BIN, 'extract', '--json', EXAMPLE_STORY, EXAMPLE_STORY, EXAMPLE_STORY], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.doesNotMatch(stderr, /EPIPE|at /);
    assert.equal(code, 0);
  });
});
