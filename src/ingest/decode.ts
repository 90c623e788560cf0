import { TextDecoder } from 'node:util';
import { analyse } from 'chardet';
import { gunzipSync } from 'node:zlib';
import type { Message } from '../model/schema.js';
import { InputError } from './errors.js';
import { tooLargeReason } from './limits.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Bytes inspected when sniffing for binary content or a declared charset. */
const SNIFF_BYTES = 8192;

/** A NUL byte never occurs in text we can read (UTF-16 text is caught by its BOM first). */
const BINARY_CONTROL_RATIO = 0.1;

/** `<meta charset="windows-1251">` or `<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">` */
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)/i;
/** `<?xml version="1.0" encoding="ISO-8859-1"?>` (feeds declare their charset this way, not with a meta tag) */
const XML_ENCODING = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']\s*([a-zA-Z0-9_.:-]+)/;
/** `text/html; charset="windows-1251"` */
const HEADER_CHARSET = /;\s*charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)/i;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Inflates gzip data, refusing output beyond `limit` bytes so a gzip bomb cannot exhaust memory. */
export function gunzipLimited(input: string, bytes: Uint8Array, limit: number): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: limit });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new InputError(input, 'too-large', tooLargeReason('decompressed content', limit));
    }
    throw new InputError(input, 'gzip', `not valid gzip data (${(error as Error).message})`);
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    // Control characters other than tab, newline, form feed, carriage return and escape.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return n > 0 && control / n > BINARY_CONTROL_RATIO;
}

function sniffDeclaredCharset(bytes: Uint8Array, xml: boolean): string | null {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const match = (xml ? XML_ENCODING : META_CHARSET).exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/** Bytes given to the charset detector (enough for its statistics, bounded for speed). */
const DETECT_BYTES = 65536;
/** Below this confidence (chardet's 0–100) a guess is not used: the text is read as UTF-8 with replacements. */
export const DEFAULT_CHARSET_MIN_CONFIDENCE = 30;

/** The most likely legacy charset of bytes that are not UTF-8, when a decoder for it exists. */
function detectCharset(bytes: Uint8Array): { encoding: string; confidence: number; decoder: TextDecoder } | null {
  for (const match of analyse(bytes.subarray(0, DETECT_BYTES))) {
    if (match.confidence < DEFAULT_CHARSET_MIN_CONFIDENCE) break;
    const decoder = decoderFor(match.name);
    if (decoder && decoder.encoding !== 'utf-8') return { encoding: decoder.encoding, confidence: match.confidence, decoder };
  }
  return null;
}

export interface Decoded {
  text: string;
  messages: Message[];
}

/**
 * Bytes to text. UTF-8 unless a BOM or (for HTML) a declared charset says otherwise;
 * invalid UTF-8 is decoded with U+FFFD and reported as a warning rather than failing.
 */
export function decodeText(input: string, bytes: Uint8Array, options: { html?: boolean; xml?: boolean } = {}): Decoded {
  const messages: Message[] = [];
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: new TextDecoder(label).decode(bytes.subarray(2)), messages };
  }
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2]) {
    body = bytes.subarray(3);
  } else if (options.html || options.xml) {
    const declared = sniffDeclaredCharset(bytes, options.xml ?? false);
    if (declared && declared !== 'utf-8' && declared !== 'utf8') {
      const decoder = decoderFor(declared);
      if (decoder && decoder.encoding !== 'utf-8') {
        messages.push({ code: 'charset', severity: 'info', reason: `decoded as ${decoder.encoding} (declared in the ${options.xml ? 'XML declaration' : 'page'})` });
        return { text: decoder.decode(body), messages };
      }
    }
  }
  if (looksBinary(body)) throw new InputError(input, 'binary', 'binary file, not text');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), messages };
  } catch {
    // Not UTF-8 and no charset declared (or a wrong one): guess from the bytes (windows-1251, euc-kr, ISO-8859-1 …).
    const guess = detectCharset(body);
    if (guess) {
      messages.push({ code: 'charset', severity: 'info', reason: `decoded as ${guess.encoding} (not declared; detected with ${guess.confidence} % confidence)` });
      return { text: guess.decoder.decode(body), messages };
    }
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    let replaced = 0;
    for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) replaced++;
    messages.push({
      code: 'invalid-utf8',
      severity: 'warning',
      reason: `invalid UTF-8: ${replaced} character${replaced === 1 ? '' : 's'} replaced with U+FFFD`,
    });
    return { text, messages };
  }
}

/** The charset a Content-Type header declares, lower-cased, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = contentType ? HEADER_CHARSET.exec(contentType) : null;
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * An HTTP body to text: a BOM, then the Content-Type header's charset, then what the page declares, then
 * detection — the order browsers follow, so a page reads as it displays.
 */
export function decodeHttpBody(input: string, bytes: Uint8Array, contentType: string | null, options: { xml?: boolean } = {}): Decoded {
  const hasBom =
    (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) ||
    (bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2]);
  const declared = hasBom ? null : charsetFromContentType(contentType);
  if (declared) {
    const decoder = decoderFor(declared);
    // A declared UTF-8 still goes through decodeText, which reports (and repairs) invalid sequences.
    if (decoder?.encoding === 'utf-8') return decodeText(input, bytes);
    if (decoder) {
      return { text: decoder.decode(bytes), messages: [{ code: 'charset', severity: 'info', reason: `decoded as ${decoder.encoding} (declared in the HTTP header)` }] };
    }
  }
  return decodeText(input, bytes, options.xml ? { xml: true } : { html: true });
}
