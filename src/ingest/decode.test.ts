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

  it('replaces invalid UTF-8 it cannot place in another charset with U+FFFD and warns with the count', () => {
    const { text, messages } = decodeText('a.txt', bytes('x\xc3', 'latin1'));
    assert.equal(text, 'x\uFFFD');
    assert.equal(messages[0]?.code, 'invalid-utf8');
    assert.match(messages[0]!.reason, /1 character replaced/);
  });

  it('detects an undeclared legacy charset (Latin-1 prose, Korean in EUC-KR) and says so', () => {
    const latin = decodeText('a.html', bytes('<p>The prime minister said the caf\xe9 would open on Tuesday, according to the r\xe9sum\xe9 he gave.</p>', 'latin1'), { html: true });
    assert.match(latin.text, /the café would open/);
    assert.match(latin.messages[0]!.reason, /^decoded as windows-1252 \(not declared; detected/);
    // "가나이 한국어 텍스트를 …" in EUC-KR, no charset declared.
    const korean = Buffer.from('b0a1b3aac0cc20c7d1b1b9beee20c5d8bdbac6aeb8a620c0d0b4c220b9e6b9fdc0bb20c0ccb0cdc0ba20c7d1b1b9beee20b9aec0e5c0d4b4cfb4d92e20', 'hex');
    const decoded = decodeText('k.html', Buffer.concat([korean, korean, korean]), { html: true });
    assert.match(decoded.text, /한국어 텍스트를/);
    assert.equal(decoded.messages[0]?.code, 'charset');
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
