import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { decodeText, gunzipLimited, isGzip } from './decode.js';
import { InputError } from './errors.js';

const bytes = (s: string, encoding: BufferEncoding = 'utf8') => Buffer.from(s, encoding);

describe('decodeText', () => {
  it('drops a UTF-8 BOM so offsets index the text after it', () => {
    const { text, messages } = decodeText('a.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('Hello “world”')]));
    assert.equal(text, 'Hello “world”');
    assert.deepEqual(messages, []);
  });

  it('replaces invalid UTF-8 with U+FFFD and warns with the count', () => {
    const { text, messages } = decodeText('a.txt', bytes('na\xefve caf\xe9', 'latin1'));
    assert.equal(text, 'na\uFFFDve caf\uFFFD');
    assert.equal(messages[0]?.code, 'invalid-utf8');
    assert.match(messages[0]!.reason, /2 characters replaced/);
  });

  it('decodes UTF-16 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Mr Starmer said', 'utf16le')]);
    assert.equal(decodeText('a.txt', le).text, 'Mr Starmer said');
  });

  it('uses the charset an HTML page declares', () => {
    const page = Buffer.concat([bytes('<meta charset="windows-1251"><p>'), Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), bytes('</p>')]);
    const { text, messages } = decodeText('a.html', page, { html: true });
    assert.match(text, /Привет/);
    assert.equal(messages[0]?.code, 'charset');
  });

  it('ignores a declared charset in plain text', () => {
    assert.equal(decodeText('a.txt', bytes('<meta charset="windows-1251"> é')).text, '<meta charset="windows-1251"> é');
  });

  it('rejects binary content', () => {
    assert.throws(() => decodeText('x.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])), (e: unknown) => e instanceof InputError && e.code === 'binary');
  });

  it('keeps tabs, form feeds and escape characters as text', () => {
    assert.equal(decodeText('a.txt', bytes('a\tb\fc\x1bd')).text, 'a\tb\fc\x1bd');
  });
});

describe('gunzipLimited', () => {
  it('inflates data under the limit', () => {
    const gz = gzipSync(bytes('<p>Hello</p>'));
    assert.ok(isGzip(gz));
    assert.equal(Buffer.from(gunzipLimited('a.html.gz', gz, 1024)).toString(), '<p>Hello</p>');
  });

  it('stops a gzip bomb at the limit', () => {
    const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024, 'a'));
    assert.throws(() => gunzipLimited('b.html.gz', bomb, 1024 * 1024), (e: unknown) => e instanceof InputError && e.code === 'too-large' && /1 MiB limit/.test(e.reason));
  });

  it('reports corrupt gzip data', () => {
    assert.throws(() => gunzipLimited('c.gz', Buffer.from([0x1f, 0x8b, 0, 1, 2]), 1024), (e: unknown) => e instanceof InputError && e.code === 'gzip');
  });
});
