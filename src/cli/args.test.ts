import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatHelp, parseArgs, UsageError } from './args.js';
import { ANALYZE, COMMANDS, EXTRACT } from './options.js';

describe('parseArgs', () => {
  it('reads the extract command with its flags and inputs', () => {
    const parsed = parseArgs(['extract', '--json', '--source', 'CNBC', '--published', '2024-10-23', 'a.txt', 'b.html']);
    assert.equal(parsed.kind, 'run');
    if (parsed.kind !== 'run') return;
    assert.equal(parsed.command, EXTRACT);
    assert.deepEqual(parsed.inputs, ['a.txt', 'b.html']);
    assert.equal(parsed.values.json, true);
    assert.equal(parsed.values.source, 'CNBC');
    assert.equal(parsed.values.published, '2024-10-23');
  });

  it('accepts - as an input for standard input', () => {
    const parsed = parseArgs(['extract', '-']);
    assert.equal(parsed.kind === 'run' && parsed.inputs[0], '-');
  });

  it('accepts --manifest without inputs', () => {
    const parsed = parseArgs(['analyze', '--manifest', 'm.json', '-o', 'r.html']);
    assert.equal(parsed.kind === 'run' && parsed.command, ANALYZE);
    assert.equal(parsed.kind === 'run' && parsed.values.output, 'r.html');
  });

  it('rejects an unknown flag naming it', () => {
    assert.throws(() => parseArgs(['extract', '--jsno', 'a.txt']), (e: unknown) => e instanceof UsageError && /unknown option --jsno/.test(e.message));
  });

  it('rejects an unknown command naming it', () => {
    assert.throws(() => parseArgs(['extrct', 'a.txt']), (e: unknown) => e instanceof UsageError && /unknown command 'extrct'/.test(e.message));
  });

  it('rejects a command with no inputs', () => {
    assert.throws(() => parseArgs(['extract', '--json']), /needs at least one INPUT/);
  });

  it('rejects a flag missing its value', () => {
    assert.throws(() => parseArgs(['extract', 'a.txt', '--source']), /--source needs a value/);
  });

  it('returns help for no arguments, --help and COMMAND --help', () => {
    assert.deepEqual(parseArgs([]), { kind: 'help', command: null });
    assert.deepEqual(parseArgs(['--help']), { kind: 'help', command: null });
    assert.deepEqual(parseArgs(['extract', '--help']), { kind: 'help', command: EXTRACT });
    assert.deepEqual(parseArgs(['help', 'analyze']), { kind: 'help', command: ANALYZE });
  });
});

describe('formatHelp', () => {
  it('lists every option and at least one example for each command', () => {
    for (const command of COMMANDS) {
      const help = formatHelp(command, '0.0.0');
      for (const option of command.options) assert.match(help, new RegExp(`--${option.name}\\b`));
      assert.ok(command.examples.length > 0);
      assert.match(help, /Examples:\n {2}parallax /);
    }
  });
});
