import type { Writable } from 'node:stream';

/** Where a command writes: injectable so tests can run commands in-process. */
export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

export const processIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });

/** Writes and waits for the stream to drain when its buffer is full, so memory stays bounded on long runs. */
export async function writeOut(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', resolve));
}

/** One diagnostic line on stderr: `parallax: INPUT: reason`. */
export function diagnostic(io: CliIo, input: string, reason: string): void {
  io.stderr.write(`parallax: ${input}: ${reason}\n`);
}
