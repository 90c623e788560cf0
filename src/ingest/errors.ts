/** Why an input could not be read; the CLI prints `parallax: INPUT: reason`. */
export type InputErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'not-a-file'
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'gzip'
  | 'no-articles'
  | 'bad-record'
  | 'bad-json'
  | 'no-article-body'
  | 'video-page'
  | 'gallery-page'
  | 'unsupported'
  /** RSS/Atom/RDF that cannot be parsed. */
  | 'bad-feed'
  /** An http(s) input that could not be fetched: network error, timeout or a non-2xx status. */
  | 'fetch-failed'
  /** A file named .warc that is not one, or a record that cannot be parsed. */
  | 'bad-warc'
  /** A WARC that ends inside a record (a download or copy cut short). */
  | 'truncated';

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly input: string,
    readonly code: InputErrorCode,
    readonly reason: string,
  ) {
    super(`${input}: ${reason}`);
  }
}

/** Turns a Node fs error into a user-facing reason, without the stack. */
export function describeFsError(input: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new InputError(input, 'not-found', 'no such file or directory');
    case 'EACCES':
    case 'EPERM':
      return new InputError(input, 'unreadable', 'permission denied');
    case 'EISDIR':
      return new InputError(input, 'not-a-file', 'is a directory');
    case 'EIO':
      return new InputError(input, 'unreadable', 'read error (EIO)');
    case 'ELOOP':
      return new InputError(input, 'unreadable', 'too many levels of symbolic links');
    default:
      return new InputError(input, 'unreadable', `cannot read (${code ?? (error as Error)?.message ?? 'unknown error'})`);
  }
}
