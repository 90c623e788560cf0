/**
 * Input size limits. A news article is rarely over 1 MB of HTML; the limits stop a stray
 * dump or a gzip bomb from exhausting memory, and the error says how to raise them.
 */

/** Largest single document (file, decompressed page or JSON record) read whole: 32 MiB. */
export const DEFAULT_MAX_INPUT_BYTES = 32 * 1024 * 1024;

/** The environment variable and flag that raise the limit, named in the error message. */
export const MAX_BYTES_ENV = 'PARALLAX_MAX_BYTES';
export const MAX_BYTES_FLAG = '--max-bytes';

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB`;
  return `${bytes} B`;
}

export function tooLargeReason(what: string, limit: number): string {
  return `${what} is larger than the ${formatBytes(limit)} limit (raise it with ${MAX_BYTES_FLAG} or ${MAX_BYTES_ENV})`;
}

export function maxBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env[MAX_BYTES_ENV];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : undefined;
}
