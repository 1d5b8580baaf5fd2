import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../src/lib/feeds/decode.ts';
import { FeedError } from '../../../src/lib/feeds/errors.ts';
import { fixture } from './fixtures.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeFeed', () => {
  it('takes the charset from the Content-Type header first', () => {
    const latin = new Uint8Array([...enc('<rss><title>'), 0xcf, 0xf0, 0xe8, ...enc('</title></rss>')]);
    expect(decodeFeed(latin, { contentType: 'application/rss+xml; charset=windows-1251' })).toMatchObject({ charset: 'windows-1251', from: 'header' });
    expect(decodeFeed(latin, { contentType: 'application/rss+xml; charset=windows-1251' }).text).toContain('При');
  });

  it('honours a BOM over any declaration', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('<?xml version="1.0" encoding="koi8-r"?><rss/>')]);
    expect(decodeFeed(bytes, { contentType: 'text/xml; charset=iso-8859-1' })).toMatchObject({ charset: 'utf-8', from: 'bom' });
  });

  it('reads the XML prolog when there is no header charset', () => {
    const result = decodeFeed(fixture('latin1.rss'));
    expect(result).toMatchObject({ charset: 'windows-1252', from: 'prolog' });
    expect(result.text).toContain('Énergie: les réseaux électriques à l’épreuve');
  });

  it('keeps valid UTF-8 bytes as UTF-8 under a wrong Latin prolog', () => {
    const result = decodeFeed(fixture('utf8-wrong-prolog.rss'));
    expect(result).toMatchObject({ charset: 'utf-8', from: 'sniff' });
    expect(result.text).toContain('Größere Rechenzentren für KI — 2026');
  });

  it('sniffs UTF-16LE without a BOM', () => {
    const result = decodeFeed(fixture('utf16le.rss'));
    expect(result.charset).toBe('utf-16le');
    expect(result.text).toContain('Ünïcödé title');
  });

  it('reads single-byte text labelled UTF-16 (in the prolog or the header) as the bytes it is', () => {
    const doc = '<?xml version="1.0" encoding="utf-16"?><rss><channel><title>Größere Rechenzentren</title></channel></rss>';
    expect(decodeFeed(enc(doc))).toMatchObject({ charset: 'utf-8', from: 'sniff' });
    expect(decodeFeed(enc(doc)).text).toContain('Größere Rechenzentren');
    const plain = enc('<rss><channel><title>Größere Rechenzentren</title></channel></rss>');
    expect(decodeFeed(plain, { contentType: 'application/rss+xml; charset=utf-16' }).text).toContain('Größere Rechenzentren');
  });

  it('falls back to windows-1252 when undeclared bytes are not UTF-8', () => {
    const bytes = new Uint8Array([...enc('<rss><title>caf'), 0xe9, 0x20, 0x93, 0x71, 0x94, ...enc('</title></rss>')]);
    expect(decodeFeed(bytes)).toMatchObject({ charset: 'windows-1252', from: 'default', text: '<rss><title>café “q”</title></rss>' });
  });

  it('ignores an unknown charset label', () => {
    expect(decodeFeed(enc('<?xml version="1.0" encoding="x-klingon"?><rss/>')).charset).toBe('utf-8');
  });

  it('inflates a gzip body that arrived without Content-Encoding', () => {
    expect(decodeFeed(gzipSync(enc('<rss version="2.0"/>'))).text).toBe('<rss version="2.0"/>');
  });

  it('refuses a gzip bomb past the size cap', () => {
    const bomb = gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(10_000);
    expect(() => decodeFeed(bomb, { maxBytes: 1024 * 1024 })).toThrowError(FeedError);
    expect(() => decodeFeed(bomb, { maxBytes: 1024 * 1024 })).toThrow('gzip body inflates past 1048576 bytes');
  });
});
