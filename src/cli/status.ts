import type { ExtractRecord } from '../model/schema.js';
import { diagnostic, type CliIo } from './io.js';

/** Exit status per the contract: 0 all read, 1 some failed, 2 nothing read. */
export function exitStatus(read: number, failed: number): 0 | 1 | 2 {
  if (read === 0) return 2;
  return failed > 0 ? 1 : 0;
}

/** Warnings about an input that was still read (invalid UTF-8, a date not understood) go to stderr. */
export function reportMessages(io: CliIo, record: ExtractRecord): void {
  for (const m of record.messages ?? []) {
    if (m.severity !== 'info') diagnostic(io, record.input, `${m.severity}: ${m.reason}`);
  }
}
